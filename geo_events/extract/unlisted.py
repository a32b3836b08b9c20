"""Places the gazetteer does not list, coded at the place the text names them beside.

Reporting names villages, bases and quarters no open gazetteer holds ("the villages of X and Y in the
western Aleppo countryside", "an attack in X, near Afgoye", "the X base"). An ACLED coder still codes such
an event: at the nearest place that can be located, with ``geo_precision`` 2 ("near"), keeping the name
written. This module finds those names — only where the text itself says they are places (a kind word
before or after them, or "in X, near Y") — and gives each a *proxy*: the town the same sentence places it
in or near, or else the only town the whole article names. Without such a proxy the name stays unplaced:
a guess 50 km off would be worse than no pin.

The results are :class:`~geo_events.extract.places.PlaceMention` objects whose place is the proxy's, renamed
to the written name and flagged ``approximate`` (a quarter of a city is the city itself, not flagged).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from geo_events.extract.countries import CountryMention
from geo_events.geodesy import haversine_km
from geo_events.extract.places import PlaceMention, Rejected, inside_spans, is_common_word

_PARTICLE = r"(?:al|el|ad|ar|as|ash|az|an|at|ez|es|ed|adh|de|da|du|di|la|le|ul|bin|ibn)"
#: One name: capitalised words, with the particles Arabic, French or Portuguese names carry inside.
_NAME = (rf"(?:{_PARTICLE}[-‑])?[A-Z][\w'’‘ʿ-]*[\w]"
         rf"(?:(?:\s+|\s*[-‑]\s*)(?:{_PARTICLE}[-‑\s])?[A-Z][\w'’‘ʿ-]*[\w])*")
_LIST = rf"(?P<names>{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?{_NAME})*)"
_KINDS_BEFORE = (r"villages?|towns?|hamlets?|localit(?:y|ies)|settlements?|neighbou?rhoods?|quarters?|"
                 r"districts?|suburbs?|camps?|areas?")
_KINDS_AFTER = (r"village|villages|town|hamlet|neighbou?rhood|quarter|camp|base|air\s*base|airbase|"
                r"military\s+base|outpost|checkpoint|barracks|airport")
#: "the villages of X and Y", "the border town of X"
_BEFORE_RE = re.compile(rf"\b(?P<kind>{_KINDS_BEFORE})\s+(?:called\s+|named\s+)?of\s+{_LIST}")
#: "at the X base", "in X village"
_AFTER_RE = re.compile(rf"\b(?:in|at|on|near|into|outside|through|across|targeting|targeted|hit|struck|stormed|"
                       rf"attacked|shelled|bombed|overran|captured|seized)\s+(?:the\s+)?(?P<names>{_NAME})\s+"
                       rf"(?P<kind>{_KINDS_AFTER})\b")
#: A distance's number, in digits or words ("25 km", "some four kilometres", "around eight km").
_DISTANCE_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                    r"fifty)")
#: "in X, in Y province", "in X, near Y", "in X, a village near Y", "near X, about 25 km from Y"
_COMMA_RE = re.compile(rf"\b(?:in|at|near|outside)\s+(?P<names>{_NAME}),\s+(?:a\s+(?:small\s+)?(?:village|town)\s+)?"
                       # "in X, Dosso region, located 25 kilometers from Y"
                       rf"(?:[A-Z][\w'’-]+\s+(?:region|province|state|department|district|governorate),\s+"
                       rf"(?:located\s+|situated\s+)?)?"
                       rf"(?:in|near|outside|north|south|east|west|(?:about\s+|some\s+|around\s+)?{_DISTANCE_NUMBER}\s*"
                       rf"(?:km|kilomet(?:er|re)s?|miles?)\b)")
#: "killed in X on the outskirts of Y", "in X near Y" (no comma)
_NEAR_RE = re.compile(rf"\b(?:in|at)\s+(?P<names>{_NAME})\s+(?:on\s+the\s+outskirts\s+of|near|outside|close\s+to)\s+")
_TOWN_OF_RE = re.compile(r"(?:the\s+(?:(?:city|town|village)\s+of\s+)?)?")
#: "attacked northeast of Pokrovsk near X and Y": a front-line bulletin's villages, placed by the town they
#: lie in the direction of
_BEARING = r"(?:(?:north|south)-?(?:east|west)|north|south|east|west)(?:ern)?"
_BEARING_NEAR_RE = re.compile(rf"\b{_BEARING}\s+of\s+{_NAME}\s+(?:near|towards?|at)\s+{_LIST}")
_BEARING_OF_BEFORE_RE = re.compile(rf"\b{_BEARING}\s+of\s+$", re.IGNORECASE)
#: "… and Y in Waingmaw Township": the unit (not a town the gazetteer resolved) a name lies in.
_UNKNOWN_UNIT_RE = re.compile(rf"[^.;:]*?\b(?:in|of)\s+(?:the\s+)?{_NAME}\s+(?i:township|district|county|commune|"
                              rf"department|territory|lga|municipality|sub-?district|tehsil|woreda|locality)\b")
_UNKNOWN_QUALIFIER_RE = re.compile(r"[^.;:]*?\b(?:in|near|outside|of)\s+(?:the\s+)?[A-Z]")
#: "fled to X", "displaced towards the city of X": where people went, not where anything happened
_DESTINATION_RE = re.compile(r"\b(?:to|towards?)\s+(?:the\s+)?(?:(?:city|town|capital)\s+(?:of\s+)?)?$")
#: "… targeted X and Y, two adjacent villages south of Z": found from its tail (cheap), then the list before it
_APPOSITION_TAIL_RE = re.compile(r"[\"”’']?,\s+(?:a|an|two|three|four|both|the)\s+(?:[a-z-]+\s+){0,2}?"
                                 r"(?:villages?|towns?|hamlets?|neighbou?rhoods?|settlements?)\b")
_APPOSITION_LIST_RE = re.compile(rf"(?<![\w-]){_LIST}$")
_APPOSITION_REACH = 160
_NAMED_BEFORE_RE = re.compile(r"(?<![.!?]\s)\b(?!The\b|A\b|An\b|In\b|At\b|On\b)[A-Z][\w'’-]+\s+$")
_SPLIT_RE = re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+")
_NOT_NAMES = frozenset(
    "the this that these those his her its their our a an monday tuesday wednesday thursday friday saturday sunday tues weds thurs "
    "january february march april may june july august september october november december "
    "north south east west northern southern eastern western central upper lower greater new old".split())
#: How far after a name the sentence may place it ("… in the western countryside of Aleppo", characters).
_QUALIFIER_REACH = 140
#: What separates two names of one list ("X, Y", "X and Y", "X, and Y").
_SIBLING_GAP_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _matches(text: str) -> Iterator[re.Match[str]]:
    """Every cue pattern's matches; each has a ``names`` group (and maybe ``kind``)."""
    for pattern in (_BEFORE_RE, _AFTER_RE, _COMMA_RE, _NEAR_RE, _BEARING_NEAR_RE):
        yield from pattern.finditer(text)
    for tail in _APPOSITION_TAIL_RE.finditer(text):
        found = _APPOSITION_LIST_RE.search(text, max(0, tail.start() - _APPOSITION_REACH), tail.start())
        if found is not None:
            yield found


def _names(match: re.Match[str]) -> list[tuple[int, int, str]]:
    """The names of a matched list, with their offsets; leading articles and kind words trimmed."""
    start = match.start("names")
    out: list[tuple[int, int, str]] = []
    position = 0
    block = match.group("names")
    for piece in _SPLIT_RE.split(block):
        offset = block.index(piece, position)
        position = offset + len(piece)
        name = re.sub(r"^the\s+", "", piece)
        offset += len(piece) - len(name)
        if name:
            out.append((start + offset, start + offset + len(name), name))
    return out


def _plausible(name: str) -> bool:
    if name.endswith(("'s", "’s")):
        return False  # "the Army's 46 Rashtriya Rifles camp": an owner, not a village
    words = name.replace("-", " ").split()
    if not words or words[0].lower() in _NOT_NAMES or len(name) < 3:
        return False
    if len(words) == 1 and (is_common_word(name) or name.isupper()):
        return False  # "the town of Several", acronyms
    return not any(w.lower() in _NOT_NAMES for w in words[-1:])


def unlisted_places(
    text: str,
    places: list[PlaceMention],
    sentence_bounds: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
    rejected: list[Rejected] | None = None,
    superseded: set[int] | None = None,
    countries: list[CountryMention] | None = None,
) -> list[PlaceMention]:
    """Return mentions for the place names ``text`` cues as places but the gazetteer did not resolve.

    ``places`` are the resolved mentions (sorted by start), ``sentence_bounds`` the sentences' (start, end),
    ``blocked`` the spans of actor names. Each returned mention is placed at its proxy (see module doc) and
    has ``approximate=True`` and ``proxy_start`` = the start of the proxy's own mention. ``countries`` (country
    mentions with ``start``, ``end``, ``code``) keep the article's only town from standing in for a name whose
    paragraph speaks of other countries only. A resolved mention
    that is only part of such a name and lies in another country than the proxy is a lookalike: its start
    is added to ``superseded`` (the caller drops it).
    """
    spans = sorted((p.start, p.end) for p in places)
    towns = {p.place.id: p for p in places if p.rank == 0 and p.proxy_start is None
             and not _DESTINATION_RE.search(text, max(0, p.start - 30), p.start)}
    only_town = next(iter(towns.values())) if len(towns) == 1 else None
    found: dict[int, PlaceMention] = {}
    starts_of_towns = {p.start for p in places if p.rank == 0 and p.proxy_start is None}
    # "the Cameroonian town of Fotokol": a demonym before a kind word names the country, not a place
    demonyms = {(c.start, c.end) for c in countries or () if c.kind in ("demonym", "force")}
    for match in _matches(text):
        if match.re is _BEFORE_RE and _NAMED_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()):
            continue  # "Pulwama district of Kashmir": the name after "of" is what contains the district
        if match.re is _NEAR_RE and _TOWN_OF_RE.match(text, match.end()).end() not in starts_of_towns:  # type: ignore[union-attr]
            continue  # "in X near Y" says X is a place only when Y is a town the gazetteer knows
        listed: tuple[PlaceMention | None, str] | None = None  # the proxy of the list's first name
        for start, end, name in _names(match):
            if start in found or not _plausible(name) or (start, end) in demonyms:
                continue
            parts = [p for p in places if p.start < end and start < p.end]
            if any(p.start <= start and p.end >= end for p in parts):
                continue  # the gazetteer knows the whole name: the resolver decides
            if inside_spans(blocked, start, end) or any(s < end and start < e for s, e in blocked):
                continue  # part of an actor's name
            proxy, how = _proxy(text, places, sentence_bounds, end, start,
                                only_town if _paragraph_allows(text, start, only_town, countries) else None)
            if listed is not None and listed[0] is not None and (proxy is None or match.start("names") <= proxy.start < end):
                proxy, how = listed  # "near X and Y": Y lies where X does, not near X's own first word
            listed = listed or (proxy, how)
            if parts and (proxy is None or any(p.start < start or p.end > end or p.place.country == (
                    proxy.place.country) and _km(p.place, proxy.place) <= _PART_KM for p in parts)):
                continue  # a part of it names a place of that country ("Deir Hafer" in "Deir Hafer al-Kabir")
                # nearby (not Kura, 400 km from Maiduguri, in "Molai Kura on the outskirts of Maiduguri")
            if parts and superseded is not None:
                superseded.update(p.start for p in parts)  # "Gharbiyeh" of "Zawtar Gharbiyeh" is not in Israel
            if proxy is None:
                if rejected is not None:
                    rejected.append(Rejected(start, end, name, "a place the gazetteer does not list, and no "
                                                               "town named beside it to code it near"))
                continue
            kind = (match.groupdict().get("kind") or "village").lower()
            if _QUARTER_RE.match(kind) and _is_city(proxy.place):
                # "the Salaam neighbourhood of El Fasher": ACLED codes the city, one event per day
                found[start] = PlaceMention(
                    start, end, proxy.place, name.lower(), 1, "in", "", False, (),
                    f"{name}, a quarter the gazetteer does not list, of {proxy.place.name} ({how})",
                    proxy_start=proxy.start)
                continue
            place = replace(proxy.place, id=f"{proxy.place.id}~{_slug(name)}", name=name, population=None,
                            kind="village", alt_names=())
            found[start] = PlaceMention(
                start, end, place, name.lower(), 1, "near", "", False, (),
                f"not in the gazetteer; coded near {proxy.place.name}, {how}", approximate=True,
                proxy_start=proxy.start)
    # a name the text once calls a village is that village wherever else it is written ("the X strike")
    for mention in list(found.values()):
        name = text[mention.start : mention.end]
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            start, end = match.start(), match.end()
            overlapping = [p for p in places if p.start < end and start < p.end]
            if start in found or any(not (start <= p.start and p.end <= end and (p.end - p.start) < (end - start)
                                          and p.place.country != mention.place.country) for p in overlapping) or any(
                    s < end and start < e for s, e in blocked):
                continue
            if overlapping and superseded is not None:
                superseded.update(p.start for p in overlapping)
            found[start] = replace(mention, start=start, end=end)
    return sorted(found.values(), key=lambda p: p.start)


def _proxy(text: str, places: list[PlaceMention], sentences: list[tuple[int, int]], after: int, start: int,
           only_town: PlaceMention | None) -> tuple[PlaceMention | None, str]:
    """The located place an unlisted name is coded near, and how it was chosen."""
    name = text[start:after]
    for said in re.finditer(rf"(?<![\w-]){re.escape(name)}{_LIES_FROM}", text):
        near = next((p for p in places if p.start == said.end() and p.proxy_start is None and p.rank == 0), None)
        if near is not None:
            return near, f"the town the text says it lies {said.group('far').strip()} from"
    sentence = next(((s, e) for s, e in sentences if s <= start < e), (start, after + _QUALIFIER_REACH))
    reach = min(sentence[1], after + _QUALIFIER_REACH)
    later = [p for p in places if after <= p.start < reach and p.proxy_start is None
             and not _HERE_IN_RE.search(text, max(0, p.start - 12), p.start)]
    if later and later[0].rank == 0 and _SIBLING_GAP_RE.fullmatch(text, after, later[0].start):
        later = []  # "the areas of X, Y and Z": the next name of a list is a sibling, not the town X lies in
    if later and later[0].rank >= 3:
        # "Baeti village in North Kivu province, around 20 km west of the city of Oicha": the town it is
        # measured from, after the province it lies in
        measured = [p for p in later[1:] if p.rank == 0 and _MEASURED_FROM_RE.search(
            text, max(0, p.start - 50), p.start)]
        if measured:
            return measured[0], "the town the sentence measures it from"
    if later:
        first = later[0]
        unit = _UNKNOWN_UNIT_RE.match(text, after)
        if first.rank == 0 and unit is not None and unit.end() <= first.start and not _MEASURED_FROM_RE.search(
                text, max(0, first.start - 50), first.start):
            # "the villages of X and Y in Waingmaw Township, before hitting … in Momauk Township": a unit the
            # gazetteer lacks places them; the next town named is another's (no distance measured from it)
            return None, ""
        if first.rank == 0 and (first.cue_after == "countryside" or not _REGION_OF_RE.search(
                text, max(0, first.start - 14), first.start)):  # "in the western Aleppo countryside": near the city
            return first, "the town the sentence places it in or near"
        if first.rank == 0:
            return None, ""  # "…, southern Idlib": the province's part, not the city of that name
        qualifier = _UNKNOWN_QUALIFIER_RE.match(text, after)
        if qualifier is not None and qualifier.end() - 1 < first.start:
            return None, ""  # "in X territory, Y province", X unknown: a town elsewhere in Y is no proxy
        if first.rank >= 3 and only_town is not None and _same_area(only_town.place, first.place):
            return only_town, "the only town the article names, in the province the sentence gives"
        return None, ""
    earlier = [p for p in places if sentence[0] <= p.start < start and p.proxy_start is None and p.rank == 0]
    if earlier and earlier[-1].cue_before in ("in", "near", "outside", "around"):
        return earlier[-1], "the town the sentence names before it"
    if earlier and _BEARING_OF_BEFORE_RE.search(text, max(0, earlier[-1].start - 20), earlier[-1].start):
        return earlier[-1], "the town the sentence says it lies in the direction of"
    qualifier = _UNKNOWN_QUALIFIER_RE.match(text, after)
    if qualifier is not None and qualifier.end() < reach:
        return None, ""  # "in X, in Y province" with Y unknown too: the article's other town is no proxy
    if only_town is not None:
        return only_town, "the only town the article names"
    return None, ""


def _paragraph_allows(text: str, start: int, town: PlaceMention | None,
                      countries: list[CountryMention] | None) -> bool:
    """False when the paragraph of ``start`` names countries and none is the town's ("the Lebanese group …
    the village of Aitaroun" in a Gaza live blog is not near Gaza)."""
    if town is None or not countries:
        return True
    low, high = text.rfind("\n", 0, start) + 1, text.find("\n", start)
    high = len(text) if high < 0 else high
    named = {c.code for c in countries if low <= c.start < high}
    return not named or town.place.country in named


#: "Gumsuri is less than 15 miles from the village of Chibok": what the text says an unlisted place lies near.
_LIES_FROM = (r"\s+(?:is|lies|sits|was)\s+(?P<far>(?:about\s+|some\s+|less\s+than\s+|around\s+|roughly\s+|nearly\s+|"
              r"just\s+|only\s+)?\d+\s*(?:km|kilomet(?:er|re)s?|miles?))\s+(?:\([^)]{1,30}\)\s+)?(?:away\s+)?"
              r"(?:from|of)\s+(?:the\s+(?:village|town|city)\s+of\s+)?")
#: "… 20 km (12 miles) west of the city of X", "30 kilometres from X": a distance measured from the town.
_MEASURED_FROM_RE = re.compile(r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\b[^,;.]{0,30}?\b(?:of|from)\s+(?:the\s+)?"
                               r"(?:(?:\w+\s+)?(?:city|town|village)\s+of\s+)?$", re.IGNORECASE)
#: "officials here in Maiduguri": the reporter's city, not where an unlisted place lies.
_HERE_IN_RE = re.compile(r"\bhere\s+in\s+$", re.IGNORECASE)
_REGION_OF_RE = re.compile(r"\b(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|rural|"
                           r"central|greater)\s+$", re.IGNORECASE)
_QUARTER_RE = re.compile(r"neighbou?rhoods?|quarters?|districts?|suburbs?")


#: Most kilometres between the town an unlisted name is coded near and a place named by a part of the name.
_PART_KM = 60.0


def _km(a: Any, b: Any) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _is_city(place: Any) -> bool:
    return place.kind == "city" or (place.population or 0) >= 100_000


def _same_area(town: Any, area: Any) -> bool:
    if area.kind == "country":
        return town.country == area.country
    return town.country == area.country and (town.admin1 or "").lower() == (area.admin1 or area.name or "").lower()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


__all__ = ["unlisted_places"]
