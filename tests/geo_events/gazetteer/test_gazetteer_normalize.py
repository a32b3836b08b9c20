"""Tests for geo_events.gazetteer.normalize: transliteration folding, idempotence, Arabic script."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo_events.gazetteer import normalize, phonetic_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Deir ez-Zor", "deir zor"),
        ("Deir Ezzor", "deir zor"),
        ("Dayr az Zawr", "deir zawr"),
        ("Deir al-Zour", "deir zour"),
        ("Ālbū Kamāl", "abu kamal"),
        ("As Sūsah", "susah"),
        ("al-Omar", "omar"),
        ("Ma‘dān", "madan"),
        ("Khasham's", "khasham"),
        ("  HAJIN  ", "hajin"),
        ("as", "as"),  # a lone article-like word stays
    ],
)
def test_normalize_folds_transliteration_marks_and_articles(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "variants",
    [
        ("Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Der Ezzor", "Deir Azzor", "Dayr uz-Zur", "Dier Ezzor"),
        ("Khushām", "Khusham"),
        ("Husseiniyah", "Husayniyah", "Hussainiya"),
        ("Baghuz", "Baghouz"),
        ("Mayadin", "al-Mayadeen", "Meyadine"),
        ("al-Tabiyah", "Tabiyeh", "Tabiya"),
        ("Hajin", "Hajeen", "Hajine"),
        ("Raqqa", "Raqqah", "Ar-Raqqa"),
    ],
)
def test_spellings_of_one_place_share_a_phonetic_key(variants: tuple[str, ...]) -> None:
    keys = {phonetic_key(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("a", "b"), [("Hajin", "Hasakah"), ("Khasham", "Hatlah"), ("Raqqa", "Rawa")])
def test_different_places_keep_different_keys(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


def test_arabic_script_is_kept_with_article_and_letter_variants_folded() -> None:
    assert normalize("دير الزور") == "دير زور"
    assert normalize("الميادين") == normalize("ميادين")
    assert normalize("أبو كمال") == normalize("ابو كمال")


def test_empty_and_punctuation_only_give_empty() -> None:
    assert normalize("") == ""
    assert normalize(" -'’ ") == ""


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -'", max_size=30))
def test_phonetic_key_has_no_spaces_and_is_stable(text: str) -> None:
    key = phonetic_key(text)
    assert " " not in key
    assert phonetic_key(text) == key


def test_arabic_presentation_forms_that_decompose_to_a_tatweel_normalise_once() -> None:
    for form in ("\ufe71", "\ufe77", "\ufcf2"):  # tatweel + haraka (+ shadda) compatibility forms
        once = normalize(form)
        assert normalize(once) == once == ""
