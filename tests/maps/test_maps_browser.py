"""Real headless Chromium (Debian package, driven by Playwright) loads self-contained maps offline.

Checks what a reader sees: the seed event on the canvas, the control zones, the de-confliction line and
the Euphrates drawn, town labels and governorate outlines on the offline basemap, no console errors, no request leaving the machine, popups that show article text
as text, and the legend/time filters. Set ``GEO_EVENTS_SCREENSHOT=1`` to also rewrite docs/img/map-seed.png.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from maps.browser import browser_available, click_event, map_state, open_map
from maps.render import render_html

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser_available(), reason="needs /usr/bin/chromium and playwright"),
]


def write(tmp_path: Path, name: str, page: str) -> Path:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return path


def test_seed_map_draws_event_zones_line_and_river(tmp_path: Path, seed_feature_collection):
    from maps import screenshot

    path = write(tmp_path, "seed.html", screenshot.seed_map_html())
    with open_map(path) as (page, log):
        state = map_state(page)
        popup = click_event(page, 0)
        if os.environ.get("GEO_EVENTS_SCREENSHOT"):
            page.keyboard.press("Escape")
            page.mouse.click(5, 300)
            page.wait_for_timeout(200)
            page.screenshot(path=str(screenshot.DEFAULT_OUT))
    assert state["events_drawn"] == 1 and state["events_total"] == 1
    assert state["canvas_painted_pixels"] > 200  # the event marker really is on the canvas
    assert state["zones"] >= 2 and state["lines"] >= 1
    assert state["rivers"] >= 1
    assert state["countries"] > 5 and state["scale"] == 1 and state["layer_control"] >= 4
    assert {"Deir ez-Zor", "Al Mayadin", "Hajin"} <= set(state["labels"])  # offline basemap: towns by name
    assert state["admin1"] >= 1  # the governorate outlines the gazetteer has
    assert "Syrian government & allies" in state["legend"] and "De-confliction line" in state["legend"]
    assert "Khasham" in state["title"]
    assert log["errors"] == [] and log["blocked"] == []
    claims = seed_feature_collection["features"][0]["properties"]["claims"]
    assert len(claims) >= 3
    for claim in claims:  # every claim of every source, side by side
        assert claim["claimant"] in popup
    assert "Khasham" in popup and "US-led coalition vs Pro-government forces" in popup


def test_popup_shows_article_markup_as_text_and_links_only_http(tmp_path: Path, hostile_collection, markup):
    XSS, IMG = markup["xss"], markup["img"]
    path = write(tmp_path, "hostile.html", render_html(hostile_collection, title=XSS, river=None, self_contained=True))
    with open_map(path) as (page, log):
        popup_text = click_event(page, 0)
        facts = page.evaluate(
            """() => {
              const box = document.querySelector('.leaflet-popup-content');
              return {
                pwned: window.__pwned || null,
                injected: box.querySelectorAll('img, script, iframe').length,
                links: Array.from(box.querySelectorAll('a')).map((a) => a.getAttribute('href')),
                title_imgs: document.querySelectorAll('.ge-title img, .ge-title script').length,
              };
            }"""
        )
    assert log["errors"] == [] and log["blocked"] == []
    assert facts["pwned"] is None and facts["injected"] == 0 and facts["title_imgs"] == 0
    assert XSS in popup_text and IMG in popup_text  # shown literally
    assert facts["links"] == ['https://example.org/a?b=1&c="x"><script>']  # javascript: URL is not a link


def test_compressed_payload_and_filters(tmp_path: Path, seed_feature_collection):
    base = seed_feature_collection["features"][0]
    features = []
    for i, event_type in enumerate(["Battles", "Explosions/Remote violence", "Battles"]):
        feature = copy.deepcopy(base)
        props = feature["properties"]
        props["id"] = feature["id"] = f"evt-{i}"
        props["event_type"] = event_type
        props["sub_event_type"] = "Armed clash" if event_type == "Battles" else "Air/drone strike"
        props["event_date"] = f"2018-02-0{i + 1}"
        props["geo_precision"] = 3 if i == 2 else 1
        feature["geometry"]["coordinates"] = [40.0 + i * 0.3, 35.0]
        features.append(feature)
    page_html = render_html({"type": "FeatureCollection", "features": features}, river=None, self_contained=True, compress=True)
    assert 'data-encoding="deflate-base64"' in page_html
    with open_map(write(tmp_path, "packed.html", page_html)) as (page, log):
        assert map_state(page)["events_drawn"] == 3
        page.click('.ge-legend [data-ge-type="Battles"]')
        hidden = page.evaluate("() => GeoEvents.layers[0].drawn")
        page.click('.ge-legend [data-ge-type="Battles"]')
        page.evaluate(
            """() => { const to = document.querySelector('.ge-timeline-to');
                       to.value = to.min; to.dispatchEvent(new Event('input')); }"""
        )
        first_day_only = page.evaluate("() => GeoEvents.layers[0].drawn")
        label = page.inner_text(".ge-timeline-label")
    assert log["errors"] == []
    assert hidden == 1
    assert first_day_only == 1 and "2018-02-01 → 2018-02-01" in label and "1 of 3" in label


def test_served_page_runs_under_its_content_security_policy(tmp_path: Path, seed_feature_collection):
    """The API's nonce CSP (applied here through a <meta> tag) lets the page's own scripts run, nothing else."""
    from maps.assets import with_csp_nonce

    page_html, policy = with_csp_nonce(render_html(seed_feature_collection, river=None, self_contained=True, compress=True), True)
    page_html = page_html.replace("<head>", f'<head><meta http-equiv="Content-Security-Policy" content="{policy}">', 1)
    page_html = page_html.replace("</body>", '<img src="x" onerror="window.__pwned=1"></body>', 1)  # must be refused
    with open_map(write(tmp_path, "csp.html", page_html)) as (page, log):
        state = map_state(page)
        pwned = page.evaluate("() => window.__pwned || null")
    assert state["events_drawn"] == 1
    assert pwned is None
    # the only console errors allowed are the refused inline handler and the missing image
    assert all("Content Security Policy" in e or "Failed to load resource" in e for e in log["errors"]), log["errors"]
    assert any("Content Security Policy" in e for e in log["errors"])  # the policy was in force
