"""Place-name normalisation that knows how Arabic names are transliterated.

Two levels are used:

``normalize(text)``
    The public, readable form: diacritics and ʿ ’ ' marks removed, lower case, punctuation and hyphens as
    single spaces, the Arabic article (al-/el-/ad-/ar-/as-/ash-/az-/ez-/es-/at-/an-, also assimilated as
    in "Ezzor") dropped, "Albu" written "Abu", Deir/Dayr/Dair/Der/Dier written "deir". Arabic script is kept,
    with its vowel marks and letter variants (alef, ya, ta marbuta) folded. Idempotent.

``phonetic_key(text)``
    A coarser key used for lookups: spaces dropped, vowels folded (e/i/y → i, o/u/w → u, "aw" → "u",
    "ay"/"ai"/"ei" → "i"), q → k, dh/th/gh → d/t/g, ch/sch → sh, doubled letters collapsed, a final "h" after
    a vowel dropped. "Dayr az Zawr", "Deir ez-Zor", "Deir al-Zour" and "Der Ezzor" all give "dirzur".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Arabic articles as separate tokens (after hyphens became spaces).
_ARTICLES = frozenset(
    ["al", "el", "il", "ul", "ad", "ed", "ar", "er", "ur", "as", "es", "us", "ash", "esh", "ush", "at", "et", "az", "ez", "uz", "an", "en", "un", "adh", "ath", "dh"]
)
#: Quote-like marks transliterations use for ʿayn and hamza: removed outright.
_MARKS = dict.fromkeys(map(ord, "ʿʾʼʻʽ’‘`´'′ʹ\u02bf\u02be\u0640"), None)
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_ARABIC_RANGE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_ASSIMILATED = re.compile(r"^[aeu](?:sh(?=sh)|([tdrzsnl])(?=\1))(?=[a-z]{3})")
_DEIR = re.compile(r"^(?:deir|dayr|dair|der|dier|deyr|dejr|dajr|deer)$")
_LATIN_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ə": "e"})

_VOWELS = "aeiou"
#: Plain substitutions of the phonetic key, applied in order (str.replace is much faster than regex).
_PHONETIC_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    ("sch", "sh"), ("ch", "sh"), ("dj", "j"), ("dh", "d"), ("th", "t"), ("gh", "g"), ("q", "k"), ("ck", "k"),
    ("ph", "f"), ("x", "ks"),
    ("ou", "u"), ("oo", "u"), ("aw", "u"), ("ow", "u"), ("uw", "u"),
    ("ee", "i"), ("ei", "i"), ("ey", "i"), ("ay", "i"), ("ai", "i"), ("ie", "i"), ("iy", "i"),
    ("o", "u"), ("e", "i"),
)
_SEMIVOWEL_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[aiu])y(?![aiu])"), "i"),
    (re.compile(r"(?<=[aiu])w(?![aiu])"), "u"),
    (re.compile(r"(?<![aiu])y(?![aiu])"), "i"),
)
_DOUBLES = re.compile(r"(.)\1+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _normalize_arabic(text: str) -> str:
    # compatibility forms, harakat and tatweel removed, letter variants folded, the article dropped
    # (marks again after the decomposition: "ﹱ" decomposes to a tatweel and a haraka)
    text = unicodedata.normalize("NFKD", text.translate(_MARKS)).translate(_MARKS).lower()
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_ARABIC_FOLD)
    tokens = []
    for token in _NON_WORD.sub(" ", text).replace("_", " ").split():
        while token.startswith("ال") and len(token) > 3:
            token = token[2:]
        tokens.append(token)
    return " ".join(tokens)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Return the normalised form of a place name (transliteration-aware, idempotent).

    Parameters
    ----------
    text : str
        A place name in any common transliteration, or in Arabic script.

    Returns
    -------
    str
        Lower-case words separated by single spaces; ``""`` when nothing usable is left.

    Examples
    --------
    >>> normalize("Deir ez-Zor"), normalize("Dayr az Zawr"), normalize("Ālbū Kamāl")
    ('deir zor', 'deir zawr', 'abu kamal')
    """
    if text.isascii() and text.isalpha():  # one plain word (most names): what the general path gives it
        lowered = text.lower()
        if not lowered.startswith("albu"):
            return "deir" if _DEIR.match(lowered) else lowered
    elif not text.isascii() and _ARABIC_RANGE.search(text):
        folded = _normalize_arabic(text)
        return folded if _ARABIC_RANGE.search(folded) or folded == text else normalize(folded)
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub("", text)
    text = text.translate(_MARKS).lower()
    if not text.isascii():
        text = _strip_accents(text).lower().translate(_LATIN_EXTRA).translate(_MARKS)
    tokens = _NON_WORD.sub(" ", text).replace("_", " ").split()
    out: list[str] = []
    for index, token in enumerate(tokens):
        if token in _ARTICLES and index + 1 < len(tokens):
            continue  # "al Omar" -> "omar"; a lone "as" stays
        if token == "albu":
            token = "abu"
        elif token.startswith("albu") and len(token) > 6 and index == 0:
            out.append("abu")
            token = token[4:]
        if index > 0 and (out and _DEIR.match(out[-1])):
            token = _ASSIMILATED.sub("", token)  # "Deir Ezzor" -> "deir zor"
            if token.startswith("al") and len(token) > 4 and token[2] not in "aeiou":
                token = token[2:]  # "Deir Alzour" -> "deir zour"
        if _DEIR.match(token):
            token = "deir"
        out.append(token)
    return " ".join(out)


@lru_cache(maxsize=65536)
def phonetic_key(text: str) -> str:
    """Return the coarse lookup key of a place name (see the module docstring).

    Parameters
    ----------
    text : str
        A raw or already normalised place name.

    Returns
    -------
    str
        The key (no spaces); Arabic-script names keep their folded letters.
    """
    return key_of_normalized(normalize(text))


def key_of_normalized(base: str) -> str:
    """Return ``phonetic_key`` of a string that is already ``normalize``d (skips normalising again)."""
    if not base or (not base.isascii() and _ARABIC_RANGE.search(base)):
        return base.replace(" ", "")
    key = base.replace(" ", "")
    # word endings: -ah/-eh -> a ("Tabiyeh"), French -ne -> n ("Hajine"), -e after a consonant -> a
    if len(key) > 2 and key[-1] == "h" and key[-2] in "ae" and key[-3] not in "ae":
        key = key[:-2] + "a"
    elif key.endswith("ne"):
        key = key[:-1]
    elif len(key) > 1 and key[-1] == "e" and key[-2] not in _VOWELS:
        key = key[:-1] + "a"
    for old, new in _PHONETIC_REPLACEMENTS:
        if old in key:
            key = key.replace(old, new)
    if "y" in key or "w" in key:
        for pattern, replacement in _SEMIVOWEL_RULES:
            key = pattern.sub(replacement, key)
    key = _DOUBLES.sub(r"\1", key)
    if len(key) > 1 and key[-1] == "h" and key[-2] in "aiu":
        key = _DOUBLES.sub(r"\1", key[:-1])
    return key


_CONSONANT_DIGRAPHS = (("dh", "d"), ("th", "t"), ("gh", "g"), ("ck", "k"), ("q", "k"))
_NOT_CONSONANTS = str.maketrans("", "", "aeiouwy")


def consonants(base: str) -> str:
    """Return the consonant skeleton of a normalised name: vowels and semivowels (w, y) removed, the Arabic
    romanisation digraphs dh/th/gh written d/t/g, q written k, doubled letters collapsed and a final h after
    a vowel dropped ("raqqah" and "rakka" give "rk"; "chaifa" gives "chf", "shifa" "shf")."""
    text = base.replace(" ", "")
    if len(text) > 1 and text[-1] == "h" and text[-2] in "aeiouwy":
        text = text[:-1]
    for old, new in _CONSONANT_DIGRAPHS:
        if old in text:
            text = text.replace(old, new)
    return _DOUBLES.sub(r"\1", text.translate(_NOT_CONSONANTS))


__all__ = ["consonants", "key_of_normalized", "normalize", "phonetic_key"]
