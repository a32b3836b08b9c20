"""maps.embed: the iframe snippet."""

from __future__ import annotations

import pytest

from geo_events.errors import InvalidQuery
from maps.embed import embed_snippet


def test_responsive_snippet_keeps_the_aspect_ratio():
    snippet = embed_snippet("https://maps.example/maps/events.html?a=1&b=2", title="Map", aspect_ratio=2.0)
    assert "padding-bottom:50.0%" in snippet
    assert 'src="https://maps.example/maps/events.html?a=1&amp;b=2"' in snippet
    assert 'loading="lazy"' in snippet and "width:100%" in snippet


def test_title_and_src_are_escaped():
    snippet = embed_snippet('https://x.example/"><script>', title='<b>"T"</b>')
    assert "<script>" not in snippet and "<b>" not in snippet
    assert "&quot;&gt;&lt;script&gt;" in snippet


@pytest.mark.parametrize(
    "src, kwargs",
    [
        ("javascript:alert(1)", {}),
        ("//example.org/x", {}),
        ("https://example.org/", {"height": 20}),
        ("https://example.org/", {"aspect_ratio": 9.0}),
    ],
)
def test_unusable_arguments_raise(src, kwargs):
    with pytest.raises(InvalidQuery):
        embed_snippet(src, title="t", **kwargs)
