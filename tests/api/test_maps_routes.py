"""api/routers/maps.py: GET /maps/events.html (filters, date, self_contained, CSP) and GET /maps/embed."""

from __future__ import annotations

import re

from geo_events.query import EventQuery


def test_map_page_of_the_seed_store(client):
    response = client.get("/maps/events.html", params={"date": "2018-02-07"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "new GeoEvents.EventLayer(" in page
    assert response.headers["x-events-drawn"] == "1"
    assert "control zones on 2018-02-07" in page


def test_served_map_is_self_contained_by_default_with_a_nonce_csp(client):
    response = client.get("/maps/events.html")
    page = response.text
    policy = response.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    scripts = [t for t in re.findall(r"<script\b[^>]*>", page) if 'type="application/json"' not in t]
    assert scripts and all(f'nonce="{nonce}"' in tag for tag in scripts)  # data blocks never run
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert "<link" not in page
    assert client.get("/maps/events.html").headers["content-security-policy"] != policy  # fresh nonce


def test_self_contained_false_links_the_cdn_and_allows_it(client):
    response = client.get("/maps/events.html", params={"self_contained": "false"})
    assert 'src="https://unpkg.com/leaflet@1.9.4/dist/leaflet.js"' in response.text
    assert "https://unpkg.com" in response.headers["content-security-policy"]


def test_map_uses_the_events_filters_and_ignores_the_page_size(big_client, big_store):
    everything = big_client.get("/maps/events.html")
    assert everything.headers["x-events-drawn"] == str(len(big_store)) == "301"  # not one /events page of 100
    battles = big_client.get("/maps/events.html", params={"event_type": "Battles"})
    expected = big_store.count(EventQuery(event_type="Battles"))
    assert 0 < expected < 301
    assert battles.headers["x-events-drawn"] == str(expected)
    limited = big_client.get("/maps/events.html", params={"limit": 10})
    assert limited.headers["x-events-drawn"] == "10"
    assert limited.headers["x-events-matched"] == "301"


def test_bad_parameters_answer_400_naming_the_field(client):
    bad_date = client.get("/maps/events.html", params={"date": "2018-13-07"})
    assert bad_date.status_code == 400 and bad_date.json()["field"] == "date"
    bad_bbox = client.get("/maps/events.html", params={"bbox": "1,2,3"})
    assert bad_bbox.status_code == 400 and bad_bbox.json()["field"] == "bbox"
    assert client.get("/maps/embed", params={"bbox": "1,2,3"}).status_code == 400


def test_title_is_escaped_and_not_a_template(client):
    page = client.get("/maps/events.html", params={"title": "<img src=x onerror=alert(1)> {{ 7*7 }}"}).text
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt; 49" not in page


def test_embed_snippet_points_at_the_map_with_the_same_filters(client):
    response = client.get(
        "/maps/embed", params={"date": "2018-02-07", "bbox": "38,33,42,37", "title": 'A "quoted" map'}
    )
    assert response.status_code == 200
    snippet = response.text
    assert snippet.startswith('<div class="geo-events-map"') and "<iframe " in snippet
    src = re.search(r'src="([^"]+)"', snippet).group(1)
    assert src.startswith("http://testserver/maps/events.html?")
    assert "date=2018-02-07" in src and "bbox=38%2C33%2C42%2C37" in src and "&amp;" in src
    assert 'title="A &quot;quoted&quot; map"' in snippet
    assert "padding-bottom:62.5%" in snippet  # responsive 16:10


def test_embed_json_and_fixed_height(client):
    body = client.get("/maps/embed", params={"format": "json", "height": 500, "start": "2018-01-01"}).json()
    assert body["src"] == "http://testserver/maps/events.html?start=2018-01-01"
    assert "height:500px" in body["snippet"] and "padding-bottom" not in body["snippet"]
    followed = client.get(body["src"].replace("http://testserver", ""))
    assert followed.status_code == 200 and followed.headers["x-events-drawn"] == "1"


def test_unknown_parameters_are_refused_like_on_events(client):
    """`/maps/events.html?bogus=1` used to answer 200 and `/maps/embed` copied `bogus=1` into the iframe."""
    for path in ("/maps/events.html", "/maps/embed"):
        response = client.get(path, params={"date": "2018-02-07", "evnt_type": "Battles"})
        assert response.status_code == 400, path
        assert response.json()["field"] == "evnt_type"
    assert client.get("/maps/events.html", params={"aspect_ratio": "2"}).status_code == 400  # embed-only
    embed = client.get("/maps/embed", params={"date": "2018-02-07", "height": 400, "format": "json"})
    assert embed.status_code == 200 and "date=2018-02-07" in embed.json()["src"]


def test_timeline_page_carries_the_zone_history_and_the_steps(client):
    response = client.get(
        "/maps/timeline.html", params={"start": "2018-12-01", "end": "2019-01-20", "step": "week", "date": "2018-12-15"}
    )
    assert response.status_code == 200, response.text
    page = response.text
    assert "new GeoEvents.Timeline(" in page and "new GeoEvents.DatedShapes(" in page
    assert "zone-isis-hajin" in page and "zone-isis-susah" in page  # both ISIS pockets of the period
    assert "zone-isis-baghuz" not in page  # its state starts on 2019-01-24, after the period
    nonce = re.search(r"'nonce-([^']+)'", response.headers["content-security-policy"]).group(1)
    scripts = [t for t in re.findall(r"<script\b[^>]*>", page) if 'type="application/json"' not in t]
    assert scripts and all(f'nonce="{nonce}"' in tag for tag in scripts)


def test_timeline_bad_parameters_answer_400_naming_the_field(client):
    for params, field in (
        ({"step": "fortnight"}, "step"),
        ({"start": "2019-01-01", "end": "2018-01-01"}, "start"),
        ({"start": "2018-01-01", "end": "2018-02-01", "date": "2018-03-01"}, "date"),
        ({"stpe": "day"}, "stpe"),
    ):
        response = client.get("/maps/timeline.html", params=params)
        assert response.status_code in (400, 422), (params, response.text)
        assert response.json()["field"] == field, (params, response.json())


def test_embed_of_the_timeline_keeps_the_date_in_the_fragment(client):
    body = client.get(
        "/maps/embed",
        params={"map": "timeline", "step": "week", "start": "2017-12-01", "end": "2019-04-30", "date": "2018-02-07",
                "format": "json"},
    ).json()
    assert "/maps/timeline.html?" in body["src"] and body["src"].endswith("#date=2018-02-07")
    assert "step=week" in body["src"] and "map=" not in body["src"]
    assert 'src="' + body["src"].replace("&", "&amp;") + '"' in body["snippet"]
    refused = client.get("/maps/embed", params={"step": "week"})
    assert refused.status_code == 400 and refused.json()["field"] == "step"
