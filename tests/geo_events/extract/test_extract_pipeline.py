"""extract_events end to end: valid events, evidence offsets, robustness (geo_events.extract.pipeline)."""

from __future__ import annotations

import random

import pytest

from geo_events import extract_events
from geo_events.errors import ExtractionError
from geo_events.extract import MAX_CHARS
from geo_events.models import Event

HAJIN = ("Coalition warplanes struck an Islamic State position in Hajin on Monday, killing at least 12 militants, "
         "the US-led coalition said in a statement on Tuesday.")


def test_one_event_with_valid_model_and_evidence() -> None:
    fc = extract_events(HAJIN, published="2018-10-03", publisher="Wire")
    assert fc["type"] == "FeatureCollection"
    (feature,) = fc["features"]
    event = Event.model_validate(feature)
    p = event.properties
    assert str(p.event_date) == "2018-10-01"
    assert (p.event_type, p.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (p.actor1, p.actor2) == ("US-led coalition", "ISIS")
    assert p.place_id == "geonames:174506" and p.admin1 == "Deir ez-Zor" and p.iso3 == "SYR"
    assert (p.fatalities_best, p.fatalities_low, p.fatalities_high) == (12, 12, 12)
    assert [c.claimant for c in p.claims] == ["US-led coalition"]
    assert p.sources[0].publisher == "Wire"
    fields = {span["field"] for span in fc["evidence"]}
    assert {"location", "event_date", "actor1", "actor2", "claims"} <= fields
    for span in fc["evidence"]:
        assert HAJIN[span["start"] : span["end"]] == span["text"]
    for claim in p.claims:
        for ev in claim.evidence:
            assert "12" in HAJIN[ev.start : ev.end]


def test_extraction_is_deterministic_apart_from_the_timestamp() -> None:
    first = extract_events(HAJIN, "2018-10-03")
    second = extract_events(HAJIN, "2018-10-03")
    for fc in (first, second):
        fc["features"][0]["properties"].pop("extracted_at")
    assert first == second


def test_html_is_stripped_and_offsets_refer_to_the_stripped_text() -> None:
    html = f"<html><body><p>{HAJIN.replace('Hajin', '<b>Hajin</b>')}</p></body></html>"
    fc = extract_events(html, "2018-10-03")
    assert fc["article"]["html_stripped"] is True
    assert fc["features"][0]["properties"]["place_id"] == "geonames:174506"
    location = next(s for s in fc["evidence"] if s["field"] == "location")
    assert location["text"] == "Hajin"


def test_wiki_markup_is_stripped_to_its_labels_and_headings() -> None:
    wikitext = ("Sections: ====2016==== On 12 March, a [[car bomb|bomb attack]] took place at a market in "
                "[[Maiduguri]], killing 9 people.{{Citation needed|date=May 2020}} On 20 March, Boko Haram attacked "
                "the [[Cameroon|Cameroonian]] town of [[Fotokol]], killing 12 civilians.{{cn}}")
    fc = extract_events(wikitext, None)
    assert fc["article"]["html_stripped"] is True
    found = sorted((f["properties"]["location"], f["properties"]["event_date"], f["properties"]["sub_event_type"])
                   for f in fc["features"])
    # the heading gives the year; a link shows its label; a demonym before "town of" is no place
    assert found == [("Fotokol", "2016-03-20", "Attack"),
                     ("Maiduguri", "2016-03-12", "Remote explosive/landmine/IED")]
    location = next(s for s in fc["evidence"] if s["field"] == "location" and s["text"] == "Fotokol")
    assert "[[" not in location["text"]


def test_separate_incidents_give_separate_events() -> None:
    text = (HAJIN + "\n\nIn a separate attack, a car bomb exploded in the town of Azaz on Sunday, killing at least "
            "eight people, the Syrian Observatory for Human Rights said.")
    fc = extract_events(text, "2018-10-03")
    subs = sorted(f["properties"]["sub_event_type"] for f in fc["features"])
    assert subs == ["Air/drone strike", "Remote explosive/landmine/IED"]
    assert len({f["id"] for f in fc["features"]}) == 2


def test_source_id_follows_the_model_rule() -> None:
    from geo_events.models import source_id_for

    fc = extract_events(HAJIN, "2018-10-03", publisher="Wire", title="Strike on Hajin", url="https://example.org/a")
    assert fc["features"][0]["properties"]["sources"][0]["id"] == source_id_for("https://example.org/a", None, None)


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\x00\x01binary"])
def test_empty_or_binary_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(ExtractionError):
        extract_events(text, "2018-02-08")


def test_huge_text_is_refused_quickly() -> None:
    with pytest.raises(ExtractionError, match="too large"):
        extract_events("war " * (5 * 1024 * 1024 // 4), "2018-02-08")
    assert MAX_CHARS < 5 * 1024 * 1024


def test_bad_published_date_is_a_clear_error() -> None:
    with pytest.raises(ExtractionError, match="published"):
        extract_events(HAJIN, "yesterday")


def test_garbage_and_foreign_text_give_no_events() -> None:
    rng = random.Random(5)
    garbage = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ,.;0123456789") for _ in range(20_000))
    assert extract_events(garbage, "2018-02-08")["features"] == []
    french = ("Des frappes aériennes ont tué au moins douze personnes à Idleb mardi, selon l'Observatoire syrien "
              "des droits de l'homme. Les bombardements se poursuivent dans la région.")
    result = extract_events(french, "2019-05-14")
    assert result["features"] == [] and result["article"]["english"] is False
    arabic = "قتل ١٢ شخصا في غارة جوية على إدلب يوم الثلاثاء"
    assert extract_events(arabic, "2019-05-14")["features"] == []


def test_text_without_event_gives_no_events() -> None:
    text = ("The foreign ministers of Russia, Turkey and Iran met on Tuesday to discuss a constitutional committee "
            "for Syria, diplomats said.")
    assert extract_events(text, "2019-09-17")["features"] == []


def test_large_article_is_handled() -> None:
    text = (HAJIN + "\n\n") * 1000  # ~150 kB of repeated report: one event, linear time
    fc = extract_events(text, "2018-10-03")
    assert len(fc["features"]) == 1


def test_dateline_city_is_not_the_event_location() -> None:
    text = ("DAMASCUS, Syria (AP) — Syrian government forces shelled the rebel-held town of Saraqib in Idlib "
            "province on Tuesday, killing at least six civilians, opposition activists said.")
    (feature,) = extract_events(text, "2020-01-29")["features"]
    p = feature["properties"]
    assert p["location"] == "Saraqib" and p["event_date"] == "2020-01-28"
    assert (p["actor1"], p["actor2"]) == ("Syrian government", "Civilians")


def test_capitals_standing_for_governments_and_named_countries_guide_the_location() -> None:
    text = ("Turkish drone strikes on Kurdish-held areas of northeast Syria killed eight civilians on Monday, a war "
            "monitor and local officials said, as Ankara pressed on with a campaign it launched after a bombing in "
            "Istanbul.\n\nThe strikes hit a village near the town of Qahtaniyah, close to the Turkish border.")
    (feature,) = extract_events(text, "2022-11-29")["features"]
    p = feature["properties"]
    assert p["iso3"] == "SYR" and p["admin1"] == "Al-Hasakah"
    assert (p["actor1"], p["actor2"]) == ("Turkey", "Civilians")
    assert [(c["claimant"], c["low"]) for c in p["claims"]] == [("War monitor and local officials", 8)]


def test_a_capital_is_the_location_when_nothing_else_is_named() -> None:
    fc = extract_events("Damascus was hit by Israeli missiles overnight, state media said.", "2019-01-21")
    (feature,) = fc["features"]
    assert feature["properties"]["location"] == "Damascus" and feature["properties"]["actor1"] == "Israel"


def test_a_hard_wrapped_wire_story_is_read_as_its_sentences() -> None:
    from geo_events.extract.text import unwrap_lines

    text = ("KABUL, June 3 Four people, including\ntwo police officers, were shot dead on Sunday\nnight in the city "
            "of Ghazni, in the country's east.\nThe officers were followed by gunmen while\nwalking to a market, "
            "an official said.\nOn Monday, the bodies of three men were\nfound in Kandahar.")
    unwrapped = unwrap_lines(text)
    assert len(unwrapped) == len(text)  # offsets into the caller's text stay valid
    assert "including two police officers, were shot dead on Sunday night in the city" in unwrapped
    assert "east.\nThe officers" in unwrapped  # a line that ends its sentence keeps its break
    found = {(f["properties"]["location"], f["properties"]["event_date"]) for f in extract_events(text, "2018-06-05")["features"]}
    assert ("Ghazni", "2018-06-03") in found and ("Kandahār", "2018-06-04") in found


def test_text_whose_lines_end_their_sentences_is_left_as_written() -> None:
    from geo_events.extract.text import unwrap_lines

    text = "Heading of the page\nByline and date\n\nFirst paragraph.\nSecond paragraph.\nThird one\nFourth."
    assert unwrap_lines(text) == text
