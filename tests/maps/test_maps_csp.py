"""Content-Security-Policy of map pages: the nonce blesses only the renderer's own scripts; files carry it too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.console import app
from maps.assets import with_csp_meta, with_csp_nonce
from maps.render import render_html

runner = CliRunner()
INJECTED = "<script>alert(1)</script>"


def _nonce(policy: str) -> str:
    return re.search(r"'nonce-([^']+)'", policy).group(1)


@pytest.mark.parametrize("self_contained", [True, False])
def test_every_own_script_has_the_nonce(seed_feature_collection, self_contained):
    page, policy = with_csp_nonce(render_html(seed_feature_collection, river=None, self_contained=self_contained),
                                  self_contained)  # fmt: skip
    nonce = _nonce(policy)
    tags = re.findall(r"<script\b[^>]*>", page)
    executable = [t for t in tags if 'type="application/json"' not in t]
    assert len(executable) >= 3 and all(f'nonce="{nonce}"' in t for t in executable)


@pytest.mark.parametrize("where", ["head", "body", "after-body-script", "inside-map-script"])
def test_a_script_an_escaping_bug_let_through_gets_no_nonce(seed_feature_collection, where):
    """`page.replace("<script", …)` used to bless every `<script` substring, injected ones included."""
    page = render_html(seed_feature_collection, river=None)
    if where == "head":
        page = page.replace("<title>", INJECTED + "<title>", 1)
    elif where == "body":
        page = page.replace("</body>", "<div>" + INJECTED + "</div>\n</body>", 1)
    elif where == "after-body-script":  # pretends to be Folium's figure script, but is not the last one
        page = page.replace("</body>", "</body>\n" + INJECTED + "\n", 1)
    else:  # broke out of the map's own script: the injected element is the last one but not after </body>
        cut = page.rindex("</script>")
        page = page[:cut] + "</script>" + INJECTED[: -len("</script>")] + page[cut:]
    marked, policy = with_csp_nonce(page, True)
    nonce = _nonce(policy)
    assert marked.count("alert(1)") == 1
    injected = marked[: marked.index("alert(1)")].rsplit("<script", 1)[1]
    assert nonce not in injected


def test_cli_map_file_carries_a_csp_meta_tag_and_is_offline_by_default(seed_store, tmp_path: Path):
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["map", "--out", str(out), "--store", str(seed_store.path), "--json"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta, "no CSP meta tag"
    assert page.index(meta.group(0)) < page.index("<script")  # applies to every script
    nonce = _nonce(meta.group(1))
    assert page.count(f'nonce="{nonce}"') >= 3
    assert "unpkg.com" not in page and not re.search(r"<script[^>]*\ssrc=", page)  # works offline
    assert '"self_contained": true' in result.stdout


def test_cli_cdn_is_opt_in(seed_store, tmp_path: Path):
    out = tmp_path / "cdn.html"
    result = runner.invoke(app, ["map", "--out", str(out), "--store", str(seed_store.path), "--cdn"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'src="https://unpkg.com/leaflet@1.9.4/dist/leaflet.js"' in page
    assert "https://unpkg.com" in re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    both = runner.invoke(app, ["map", "--out", str(out), "--store", str(seed_store.path), "--cdn", "--self-contained"])
    assert both.exit_code == 2


def test_csp_meta_without_a_head_still_leads():
    assert with_csp_meta("<p>x</p>", True).startswith('<meta http-equiv="Content-Security-Policy"')
