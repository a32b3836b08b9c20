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


#: Characters no query parameter (name or value) may hold on any endpoint: C0 controls and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def query_problem(query_string: bytes) -> tuple[str, str] | None:
    """Return ``(message, parameter)`` when a query string breaks the rules every endpoint shares, else None.

    The rules: a parameter given twice is refused (which value was meant is a guess), and no name or
    value may hold control characters.
    """
    if not query_string:
        return None
    text = query_string.decode("latin-1")
    seen: set[str] = set()
    for name, value in parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="replace"):
        if CONTROL_CHARACTERS.search(name) or CONTROL_CHARACTERS.search(value):
            shown = CONTROL_CHARACTERS.sub("", name)[:80] or "?"
            return f"parameter {shown!r} contains control characters", shown
        if name in seen:
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


class BodySizeLimit:
    """Refuse request bodies larger than ``max_bytes`` with 413 before the app reads them.

    Checks ``Content-Length`` first, then counts streamed (chunked) bodies while buffering them, so a
    body without a length header cannot slip past the cap either.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

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
        while True:
            message = await receive()
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


__all__ = ["CONTROL_CHARACTERS", "BodySizeLimit", "HeadAsGet", "QueryRules", "query_problem"]
