"""Pure ASGI middleware: query-string rules (400), a request body size cap (413) and read timeout (408), and
HEAD answered like GET without a body."""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import parse_qsl

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = orjson.dumps(body)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


#: Characters no query parameter (name or value) may hold on any endpoint: C0 controls, DEL and C1 controls
#: (Unicode category Cc, what the geocoder refuses in its query too).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


#: Parameters that may repeat: GDAL's OAPIF client sends ``datetime=A/..&datetime=../B`` for a date range
#: (the OGC items route intersects them).
REPEATABLE = frozenset({"datetime"})


def query_problem(query_string: bytes, repeatable: frozenset[str] = REPEATABLE) -> tuple[str, str] | None:
    """Return ``(message, parameter)`` when a query string breaks the rules every endpoint shares, else None.

    The rules: a parameter given twice is refused (which value was meant is a guess) unless it is in
    ``repeatable``, and no name or value may hold control characters.
    """
    if not query_string:
        return None
    text = query_string.decode("latin-1")
    seen: set[str] = set()
    for name, value in parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="replace"):
        if CONTROL_CHARACTERS.search(name) or CONTROL_CHARACTERS.search(value):
            shown = CONTROL_CHARACTERS.sub("", name)[:80] or "?"
            return f"parameter {shown!r} contains control characters", shown
        if name in seen and name not in repeatable:
            return f"parameter {name[:80]!r} is given more than once; give it once", name[:80]
        seen.add(name)
    return None


class QueryRules:
    """Refuse, on every endpoint, query strings with a duplicated parameter or control characters (400)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 400 for a query string that breaks the shared rules, else pass the request on."""
        if scope["type"] == "http":
            problem = query_problem(scope.get("query_string") or b"")
            if problem is not None:
                await _send_json(send, 400, {"detail": problem[0], "field": problem[1]})
                return
        await self.app(scope, receive, send)


class PublicURL:
    """Build every link from a configured public base URL, never from a client's ``Host`` header.

    With ``public_url`` (``GEO_EVENTS_PUBLIC_URL``, e.g. ``https://events.example.org``) every request is
    seen with that scheme and host, so links, ``next`` pages and the embed snippet point there whatever
    ``Host`` said. Without it the ``Host`` header is used only when its host name is in ``allowed_hosts``
    (``GEO_EVENTS_ALLOWED_HOSTS``; ``*`` allows any); any other answers 400, so a forged ``Host`` can never
    end up in a link a cache might keep.
    """

    def __init__(self, app: ASGIApp, public_url: str | None, allowed_hosts: list[str]) -> None:
        self.app = app
        self.public = None
        if public_url:
            from urllib.parse import urlsplit

            parts = urlsplit(public_url.strip())
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"GEO_EVENTS_PUBLIC_URL must be http(s)://host[:port]; got {public_url!r}")
            self.public = (parts.scheme, parts.netloc.encode("latin-1"), parts.path.rstrip("/"))
        self.allowed = {h.strip().lower() for h in allowed_hosts if h.strip()}

    def _host_allowed(self, host: str) -> bool:
        if "*" in self.allowed:
            return True
        name = host.strip().lower()
        if name.startswith("["):  # [::1]:8000
            name = name[1 : name.find("]")] if "]" in name else name
        elif name.count(":") == 1:
            name = name.split(":", 1)[0]
        return name in self.allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Rewrite scheme and host to the public URL, or refuse a ``Host`` that is not allowed."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.public is not None:
            scheme, netloc, prefix = self.public
            headers = [(k, v) for k, v in scope.get("headers") or [] if k != b"host"] + [(b"host", netloc)]
            scope = {**scope, "scheme": scheme, "headers": headers}
            if prefix:
                scope["root_path"] = prefix
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k == b"host"), None)
        if host is not None and not self._host_allowed(host):
            shown = CONTROL_CHARACTERS.sub("", host)[:100]
            await _send_json(send, 400, {
                "detail": f"Host {shown!r} is not served here; the operator can set GEO_EVENTS_PUBLIC_URL "
                          "or add it to GEO_EVENTS_ALLOWED_HOSTS",
                "field": "Host",
            })  # fmt: skip
            return
        await self.app(scope, receive, send)


def _leaf_routes(routes: Any, prefix: str = "") -> Any:
    """Yield (route, prefix) for every route, descending into included routers."""
    for route in routes or []:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _leaf_routes(inner.routes, prefix + (getattr(context, "prefix", "") or ""))
        else:
            yield route, prefix


def allowed_methods(app: Any, scope: Scope) -> list[str]:
    """Return every method some route of ``app`` answers on the scope's path (for ``Allow`` headers)."""
    from starlette.routing import Match

    methods: set[str] = set()
    path = scope.get("path", "")
    for route, prefix in _leaf_routes(getattr(app, "routes", [])):
        route_methods = getattr(route, "methods", None)
        if not route_methods or (prefix and not path.startswith(prefix)):
            continue
        probe = {**scope, "path": path[len(prefix) :] if prefix else path, "method": next(iter(route_methods))}
        try:
            match, _ = route.matches(probe)
        except Exception:  # noqa: BLE001 - a route that cannot judge this scope does not answer it
            continue
        if match == Match.FULL:
            methods |= set(route_methods)
    if methods:
        methods.add("OPTIONS")
        if "GET" in methods:
            methods.add("HEAD")
    return sorted(methods)


class OptionsAllow:
    """Answer a plain ``OPTIONS`` (not a CORS preflight) with 204 and every method the path allows."""

    def __init__(self, app: ASGIApp, routes_of: Any) -> None:
        self.app = app
        self.routes_of = routes_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer OPTIONS with ``Allow``; pass everything else (and preflights) on."""
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            names = {k for k, _ in scope.get("headers") or []}
            if b"access-control-request-method" not in names:
                methods = allowed_methods(self.routes_of, scope)
                if methods:
                    await send({"type": "http.response.start", "status": 204,
                                "headers": [(b"allow", ", ".join(methods).encode())]})  # fmt: skip
                    await send({"type": "http.response.body", "body": b""})
                    return
        await self.app(scope, receive, send)


class BodySizeLimit:
    """Refuse request bodies larger than ``max_bytes`` with 413, or not sent within ``timeout`` s with 408.

    Checks ``Content-Length`` first, then counts streamed (chunked) bodies while buffering them, so a
    body without a length header cannot slip past the cap either.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float = 10.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    def _too_large(self) -> dict[str, Any]:
        return {"detail": f"request body is larger than {self.max_bytes} bytes", "field": "body"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with its body, or answer 413 when the body is too large."""
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers") or []:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_json(send, 400, {"detail": "invalid Content-Length header", "field": "body"})
                    return
                if declared > self.max_bytes:
                    await _send_json(send, 413, self._too_large())
                    return
        chunks: list[bytes] = []
        size = 0
        deadline = asyncio.get_running_loop().time() + self.timeout
        while True:
            try:  # a client that sends its body slowly (or never) cannot hold a connection
                message = await asyncio.wait_for(receive(), max(deadline - asyncio.get_running_loop().time(), 0.001))
            except asyncio.TimeoutError:
                await _send_json(send, 408, {
                    "detail": f"the request body did not arrive within {self.timeout:g} s", "field": "body",
                })  # fmt: skip
                return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _send_json(send, 413, self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class HeadAsGet:
    """Answer ``HEAD`` exactly like ``GET`` (same status and headers) but without a body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run a HEAD request as GET and drop the body of the response."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        scope = {**scope, "method": "GET"}

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(scope, receive, send_without_body)


__all__ = [
    "CONTROL_CHARACTERS", "BodySizeLimit", "HeadAsGet", "OptionsAllow", "PublicURL", "QueryRules", "allowed_methods",
    "query_problem",
]  # fmt: skip
