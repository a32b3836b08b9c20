"""Place mentions: every gazetteer name an article writes, found per capitalised run and resolved in context.

Finding is linear in the text: runs of capitalised words (with the particles place names carry, "Deir
ez-Zor", "Mocimboa da Praia", "al-Shuhail") are cut into n-grams, longest first, and each n-gram is looked
up exactly (normalised name or phonetic key) with :meth:`Gazetteer.lookup` — the whole world's names, no
hand-picked region. Words inside an actor or organisation name ("Syrian Democratic Forces", "Radio
Dabanga", "Kurdistan 24"), after a personal title ("Governor …") or in the stop lists are not places.
A few capitalised words next to a geographic cue ("… river", "near …") that match nothing exactly are
looked up with the typo-tolerant ``search`` ("Euphates river").

Resolving chooses, for each mention, one of the places that carry its name, with what the *document*
says: the countries it names (names and demonyms, :mod:`.countries`), the provinces it names, the other
places it mentions (nearby candidates win), the cue word ("… province" → the admin-1 unit, "… river" →
the river), the kind and the population. A mention whose every candidate lies in a country the document
never points to, and is a small place, is dropped: a lookalike, not the place meant.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from geo_events.extract.countries import CountryMention, country_name_at, country_word_at
from geo_events.gazetteer.not_places import is_listed_not_place, is_not_place
from geo_events.geodesy import haversine_km

#: How specific a place kind is (lower = more specific). Unknown kinds count as towns.
KIND_RANK: dict[str, int] = {
    "facility": 0, "oilfield": 0, "gasfield": 0, "dam": 0, "base": 0, "airport": 0, "neighbourhood": 0,
    "village": 0, "town": 0, "city": 0, "river": 2, "region": 2, "admin2": 2, "admin1": 3, "country": 4,
}
#: A province below admin-1 ("Soum province", "Surigao del Sur") is known by its seat's point only: the
#: towns within this distance of it count as inside it.
ADMIN2_REACH_KM = 100.0
#: Population assumed for a town or city GeoNames lists without one (administrative seats).
_SEAT_POPULATION = 5_000
#: Characters around a mention within which other places count as its neighbours.
ANCHOR_WINDOW = 3000
#: Zipf frequency (wordfreq, English) from which a capitalised word is taken for an English word first.
COMMON_WORD_ZIPF = 4.0
SETTLEMENT_KINDS = frozenset({"city", "town", "village", "neighbourhood"})
_ADMIN_CUES = frozenset({"province", "governorate", "oblast", "state", "region", "countryside", "district",
                         "provinces", "department", "regions", "oblasts", "governorates", "county", "prefecture",
                         "territory", "township", "sector", "lga", "woreda", "locality"})
#: Cues of units below the province ("Beni territory", "Kifri district"): the gazetteer lists few such units
#: (``admin2``), and the town that names one is mostly its seat; they say little about which country is meant.
ADMIN2_CUES = frozenset({"district", "county", "territory", "township", "sector", "lga", "woreda", "locality"})
_WATER_CUES = frozenset({"river", "valley", "basin", "banks", "bank"})
_SETTLEMENT_CUES = frozenset({"village", "villages", "town", "towns", "city", "cities", "neighbourhood",
                              "neighborhood", "neighbourhoods", "neighborhoods", "quarter", "camp", "area", "suburb"})
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "ez", "es", "ed", "ul", "adh",
                        "de", "da", "du", "des", "del", "la", "le", "di", "do", "dos", "das", "bin", "ibn",
                        "bani", "ben", "der", "den", "van", "von", "y", "e", "i", "of", "sur", "am", "im"})
_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’ʿʾ‘-]*[^\W_])?|\d+", re.UNICODE)
#: A lowercase function word glued to the capitalised word after it ("ofSuran", "byHay'at"): a mirrored page.
_GLUED_PAIR_RE = re.compile(r"\b(?:of|in|the|by|at|on|from|near|and|into)[A-Z][a-z]{2,}")
#: ... or to the end of the name before it, in such a page ("Lashioand Hsenwi", "the city ofSirtefrom").
_GLUED_TAIL_RE = re.compile(r"(?<=[a-z])(?:and|from|near|into|in|on|of|the|to|by|at|with|for|was|were|is|after|"
                            r"township|district|province)$")
_GLUED_RE = re.compile(r"^(?:of|in|the|by|at|to|on|from|and|near|into|The|In|Of|By|At|On)(?=[A-Z][a-z])")
#: Capitalised function words that open a sentence before a place name.
_LEADING_FUNCTION_WORDS = frozenset({"in", "at", "on", "near", "from", "to", "the", "a", "an", "by", "of", "for",
                                     "with", "and", "but", "as", "outside", "inside", "around", "across", "into"})
#: Particles that are also English words ("as", "at", "an"): before a country's name or demonym, English.
_ENGLISH_PARTICLES = frozenset({"as", "at", "an"})
_PREFIXED_RE = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa]d|[Aa]r|[Aa]s|[Aa]sh|[Aa]z|[Aa]n|[Aa]t|[Ee]z|[Ee]s|[Ee]d|[Aa]dh)[-‑][A-Z]")
#: Capitalised words that may follow or precede a place name in the same run without being part of it.
#: Military and security sites named after their town ("the Bannu Cantonment", "Quetta Cantt", "Kaduna
#: Barracks"): the town is the place, the word is never a place of its own (the US town Cantonment, Germany's
#: Zandt one typo from "Cantt").
_SITE_WORDS = frozenset("cantonment cantt garrison barracks checkpost outpost compound airfield".split())
_RUN_NEIGHBOURS = _SITE_WORDS | frozenset(
    "province governorate oblast state region district city town village camp base airport prison river "
    "valley desert countryside area county prefecture territory township sector municipality neighbourhood "
    "neighborhood strip bank north south east west northern southern eastern western central upper lower "
    "greater old new the in at on of from and to by near for".split()
)
#: Words that continue a run but make it the name of an organisation, not a place.
_ORG_WORDS = frozenset(
    "agency news media times post radio television tv network press observatory independent today tribune express "
    "herald daily party front movement council ministry university brigade brigades division battalion "
    "regiment corps group company airlines airways bank club fc channel telegram twitter online magazine "
    "journal gazette report reporter monitor foundation institute committee commission association union "
    "organisation organization federation league international insider review weekly service services "
    "broadcasting broadcaster agence presse mission office".split()
)
#: Last words of a military unit's name ("Tahoua Special Forces Battalion", "Kidal Mechanised Brigade").
#: After a name, a brigade named for its martyrs ("Abu Saleem Martyrs' brigade", "the Ahrar Martyrs Battalion").
_MARTYRS_UNIT_AFTER_RE = re.compile(r"\s+[Mm]artyrs['’]?\s+(?:[Bb]rigades?|[Bb]attalions?|[Rr]egiments?)\b")
_UNIT_WORDS = frozenset({"battalion", "brigade", "division", "regiment", "corps", "squadron", "command", "battalions",
                         "brigades"})
_TITLES = frozenset(
    "president governor gov minister general gen lt col colonel major maj captain capt commander mr mrs ms "
    "dr sheikh shaikh imam father fr pope king prince emir sultan mayor ambassador senator sen rep prime "
    "secretary spokesman spokeswoman chief director official villager resident activist correspondent "
    "reporter journalist doctor brother sister son daughter wife husband lady sir saint st mullah ayatollah "
    "emir commissioner administrator councillor premier chairman envoy officer soldier fighter member "
    "coordinator leader head analyst professor researcher consultant spokesperson deputy villager "
    "resident survivor witness farmer teacher student mother father uncle named called warlord cleric preacher "
    "kingpin chieftain bishop pastor priest reverend rev lawmaker legislator mp headman "
    # plural heads of a list of names ("killed Asayish members Besar Mihemed Bozan and …")
    "members soldiers fighters officers commanders leaders activists journalists victims".split()
)
#: Head words of Arabic village names ("Tel X" = the mound of X, "Khirbet X" = the ruin of X): what follows them
#: in a name the gazetteer does not know whole is not a place of its own.
_NAME_HEADS = frozenset("tel tell tal tall khirbat khirbet kherbet khirbit kafr kfar deir dayr ain ayn bir jabal "
                        "jebel wadi ras beit bayt umm marj qasr hisn".split())
#: Words that start a person's name in South Asian, Arabic and West African usage ("Syed Ahmad Jan",
#: "Alhaji Musa"): every name after them in the same run is part of the person's name.
_NAME_HONORIFICS = frozenset("syed sayed sayyid haji hajji alhaji alhaja maulana mawlana maulvi mawlawi mallam "
                             "malam mufti qari hafiz khawaja hazrat sardar chaudhry chaudhary pir".split())
#: Words in the middle of a South Asian person's name, between a given name and a surname ("Babul Khan Kanrani").
_NAME_MIDDLES = frozenset({"khan"})
_STOP_KEYS = frozenset(
    "the a an and for are was were has have had said says will with from that this these those they them "
    "their there here also other more most some many much such only then than when where which while after "
    "before during under over into about again between both each few same very just read more january "
    "february march april may june july august september october november december monday tuesday wednesday "
    "thursday friday saturday sunday tues weds thurs sitio purok barangay poblacion president minister official officials reuters agency press news media "
    "television security council government regime coalition military ministry defence defense army police "
    "state states union forces group people city town village river valley province north south east west "
    "central new old mount lake sea gulf bay port photo picture image video file author editor update "
    "breaking live watch share home world middle africa asia europe america western eastern northern "
    "southern islamic arab kurdish sunni shiite shia christian muslim jewish catholic god allah".split()
) | _SITE_WORDS
_ADMIN_AFTER_RE = re.compile(r"\s+(?:district|lga|local\s+government\s+area|county|township|commune|department|"
                             r"sub-?district|municipality|prefecture)\b", re.IGNORECASE)
#: After a name: a camp called after it ("Dar-es-Salam's refugee camps", "the Zamzam displacement camp").
_CAMP_AFTER_RE = re.compile(r"(?:['’]s)?\s+(?:refugee\s+|displacement\s+|displaced\s+|idps?\s+)?camps?\b",
                            re.IGNORECASE)
#: A capitalised word before one of these names a people or a group ("Kuki groups", "Maute terrorists").
GROUP_AFTER_RE = re.compile(r"\s+(?:groups?|militias?|militiamen|militants?|rebels?|fighters?|tribesmen|tribes?|"
                             r"clans?|communit(?:y|ies)|insurgents?|gunmen|youths?|herders?|farmers?|"
                             r"villagers|protesters|terrorists?|jihadists?|extremists?|separatists?|loyalists?|"
                             r"members?|supporters?|forces)\b", re.IGNORECASE)
#: After a place, the crime group named after it: "the Sinaloa drug cartel", "the Gulf Cartel", "Juárez cartels".
_CARTEL_AFTER_RE = re.compile(r"[ \t]+(?:drug[ \t]+)?cartels?\b", re.IGNORECASE)
#: ... or the armed movement: "the West Papua National Liberation Army", "the Oromo Liberation Front".
_MOVEMENT_AFTER_RE = re.compile(r"[ \t]+(?:(?:National|People'?s|Popular|Islamic|United)[ \t]+)?(?:Liberation|Salvation|"
                                r"Patriotic|Revolutionary|Resistance|Independence)[ \t]+(?:Army|Front|Forces?|Movement|"
                                r"Organi[sz]ation|Council)\b")
#: After a Ukrainian community's adjective ("the Marhanetska community", "Myrivska and Marhanetska hromadas"):
#: the community word, perhaps after the other adjectives of a list.
_COMMUNITY_AFTER_RE = re.compile(r"(?:(?:\s*,\s*|\s+and\s+)(?-i:[A-Z])[\w'’-]+sk[ae])*\s+(?:(?:urban|rural|settlement|"
                                 r"village|city)\s+)?(?:territorial\s+)?(?:communit(?:y|ies)|hromadas?|municipalit(?:y|ies))\b",
                                 re.IGNORECASE)
_IN_PROVINCE_GAP_RE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)"
                                 r"(?:ern)?\s+)?|\s*,\s+in\s+(?:the\s+)?")
#: Between a country and a place it owns: "Iraq's Kurdistan region", "Somalia's Lower Shabelle region",
#: "Mozambique's northern Cabo Delgado province", "the Somali town of Bulo Marer", "the Iraqi city of Mosul".
_OWNER_GAP_RE = re.compile(
    r"(?:['’]s\s+(?:(?:restive|northern|southern|eastern|western|central|north|south|east|west|far|"
    r"(?:north|south)-?(?:east|west)(?:ern)?)\s+){0,2}|"
    r"\s+(?:(?:northern|southern|eastern|western|central)\s+)?(?:town|city|village|province|region|state|"
    r"governorate|district|capital|port|port city|border town|oblast)\s+of\s+(?:the\s+)?)", re.IGNORECASE)
#: "the regional capital of Kidal", "the provincial capital of": the city that is the seat of the unit named after it.
_CAPITAL_OF_BEFORE_RE = re.compile(r"\bcapital\s+(?:city\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
#: A name further on in a list of villages or towns: "the villages of Maarat Horma, Tal Mannas and Al-Nayrab".
_SETTLEMENT_LIST_BEFORE_RE = re.compile(r"\b(?:villages|towns)\s+of\s+(?:[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*)*"
                                        r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$")
#: A location's preposition right before a name ("in Witu Division").
_IN_BEFORE_RE = re.compile(r"\b(?:in|near|at|of)\s+$")
#: A province named as the owner right before a name: "Erbil's Koya district" (Koya, a spelling of Koysinjaq of Erbil).
_OWNER_BEFORE_RE = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})['’]s\s+$")
#: Kinds of place that are one site (a base, a dam, an oil field), not a settlement.
SITE_PLACE_KINDS = frozenset({"base", "facility", "dam", "oilfield", "gasfield"})
_VILLAGE_WORDS = frozenset({"village", "villages", "hamlet", "hamlets"})
_SETTLEMENT_OF_WORDS = frozenset({"city", "town", "village", "towns", "villages"})
_FACILITY_AFTER_RE = re.compile(r"\s+(hospital|school|mosque|church|university|clinic|stadium|bakery|hotel|"
                                r"medical\s+(?:complex|centre|center)|shrine)\b", re.IGNORECASE)
#: Between a quarter and its city: "the Thawra neighbourhood of Taiz", "the Hadah area of the capital Sanaa",
#: "the Hadah area of Sabbeen district in the capital Sanaa" (an unlisted district between them).
_QUARTER_OF_GAP_RE = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|districts?|suburbs?|areas?)\s+of\s+(?:the\s+)?"
                                r"(?:(?-i:[A-Z])[\w'’-]+\s+(?:districts?|neighbou?rhoods?|quarters?)\s+(?:of|in)\s+(?:the\s+)?)?"
                                r"(?:(?:city|town)\s+of\s+|capital\s+(?:city\s+)?(?:of\s+)?)?", re.IGNORECASE)
#: Between a place and the town the text says it lies in or by: "X, a town in the municipality of Y",
#: "X, a village near Y", "X near Y", "X, outside Y".
_NEAR_TOWN_GAP_RE = re.compile(
    r"\s*,\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:village|town|hamlet|locality|settlement|community)\s+)?"
    r"(?:in|near|outside|close\s+to)\s+(?:the\s+)?(?:(?:municipality|district|county|department|commune|township|"
    r"sub-?district|locality)\s+of\s+)?|\s+(?:near|outside|close\s+to)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?",
    re.IGNORECASE)
#: A site named after its city: "Kunduz airport", "Mosul University" (the city, not the province of that name).
_SITE_AFTER_NAME_RE = re.compile(r"\s+(?:international\s+)?(?:airport|air\s*base|airbase|airfield|university|"
                                 r"hospital|(?:central\s+)?prison|jail|stadium|bazaar|mosque|shrine|railway\s+station)\b",
                                 re.IGNORECASE)
#: A building or a street before "in X": X is the city, even in a text that also names its province.
_SITE_IN_BEFORE_RE = re.compile(
    r"\b(?:shopping\s+(?:cent(?:re|er)|mall)|hypermarket|supermarket|mall|market(?:place)?|hospital|clinic|"
    r"school|university|(?:apartment|residential|office)\s+(?:building|block|complex)|high-rise|hotel|restaurant|"
    r"caf[eé]|mosque|church|railway\s+station|bus\s+station|street|square|neighbou?rhood|suburb"
    # a post of the security forces ("a police checkpoint in Şırnak", "the police headquarters in Kunduz")
    r"|(?:police|military|army|security|gendarmerie)\s+(?:checkpoint|station|post|headquarters|barracks|building|compound)"
    r"|checkpoint|prison|courthouse)\s+in\s+"
    r"(?:the\s+(?:city|centre|center)\s+of\s+)?$", re.IGNORECASE)
#: Most kilometres between a quarter and the city it belongs to.
QUARTER_KM = 30.0
#: ... but "X district of Y" names a town of Y's own province this close as a district's seat.
SEAT_OF_DISTRICT_KM = 60.0
#: ... and between a town and the city whose district holds it ("the Kulachi area of Dera Ismail Khan district").
DISTRICT_KM = 120.0
_DISTRICT_AFTER_RE = re.compile(r"\s+(?:district|province|governorate|region|county|division|territory|state|lga)\b",
                                re.IGNORECASE)
_AND_GAP_RE = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?")
#: Before the first of "between X and Y" (two neighbouring places, one stretch between them).
#: ... or of "the highway linking X and Y" (a road's two ends).
BETWEEN_BEFORE_RE = re.compile(r"\b(?:between|(?:road|highway|motorway|route|railway|pipeline)\s+(?:that\s+|which\s+)?"
                               r"(?:links?|linking|connects?|connecting|joins?|joining))\s+(?:the\s+)?"
                               r"(?:(?:towns|villages|cities|areas)\s+of\s+)?$", re.IGNORECASE)
#: Most kilometres between the two places of "between X and Y".
PAIR_KM = 60.0
#: Least typo-search score of a two-word name the exact look-up does not know ("Bulo Burde" → Buulobarde, 80).
PAIR_FUZZY_SCORE = 80.0
#: What a candidate that only sounds like the written name loses when another is spelled as written.
VARIANT_PENALTY = 2.5
#: ... or farther, when both lie in one country: the two ends of a stretch of road.
ROAD_PAIR_KM = 100.0
_ROAD_AFTER_RE = re.compile(r"\s+(?:road|highway|motorway|route|axis|corridor|front)\b", re.IGNORECASE)
_ROAD_JOIN_RE = re.compile(r"(?<=[a-z])-(?=[A-Z])")
#: A city at least this big written after "central" is the city centre ("central Tel Aviv"), not a province.
CENTRAL_CITY_POPULATION = 300_000
#: (a people's adjective may stand between: "in eastern Syrian Homs")
_PART_OF_RE = re.compile(r"\b(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|rural|"
                         r"central|upper|lower)\s+(?:(?-i:[A-Z][a-z]+(?:i|ian|ese|ish))\s+)?$", re.IGNORECASE)
_BORDER_RE = re.compile(r"\b(?:border|borders|cross-border|frontier|boundary)\b", re.IGNORECASE)
_KIND_AFTER_RE = re.compile(r"\s+(nuclear\s+power\s+(?:plant|station)|nuclear\s+plant|power\s+(?:plant|station)|"
                            r"oil\s*field|oilfield|gas\s*field|gasfield|dam|air\s*base|airbase|airport|base|camp|"
                            r"province|governorate|oblast|state|region|district|county|prefecture|"
                            r"prison|river|valley|plain|desert|mountains?|bridge|crossing|refinery|station|plant)\b",
                            re.IGNORECASE)
_CUE_PREPOSITIONS = frozenset("in near at outside around of from into towards toward on targeting targeted hit struck "
                               "shelled stormed attacked bombed entered captured seized across throughout "
                               "including".split())
_KIND_OF_WORDS = frozenset("town village city villages towns district neighbourhood neighborhood area areas settlement "
                           "region province camp governorate department regions provinces governorates "
                           "states".split())
_PLURAL_ADMIN_WORDS = frozenset({"regions", "provinces", "governorates", "states"})
_PLURAL_AFTER_WORDS = frozenset({"regions", "provinces", "governorates", "oblasts"})
#: "the region of Mopti", "the province of Idlib": the unit, not its seat ("the countryside of Aleppo" is coded
#: near the city, as ACLED coders place the villages of a city's countryside).
_ADMIN_OF_WORDS = frozenset({"region", "province", "governorate", "department", "regions", "provinces",
                             "governorates", "states"})
_AFTER_CUE_RE = re.compile(
    # "in Hama northern countryside", "Idlib southern countryside": a bearing, then the city's countryside
    r"^\s+(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+(?=countryside\b))?"
    r"(provinces|governorates|oblasts|regions|province|governorate|oblast|state|region|river|valley|village|town|"
    r"city|district|countryside|area|"
    r"county|prefecture|territory|township|sector|lga|woreda|locality|local\s+government(?:\s+areas?)?|neighbourhoods|neighborhoods|"
    r"neighbourhood|neighborhood|quarter|camp|dam|oilfield|base|"
    r"airport|prison|desert|suburb|road|highway)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: span, the resolved place, its alternatives and what surrounds it."""

    start: int
    end: int
    place: Any  # geo_events.gazetteer.Place
    key: str
    candidates: int
    cue_before: str
    cue_after: str
    fuzzy: bool = False
    alternatives: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    why: str = field(default="", compare=False)
    approximate: bool = False  # a name the gazetteer lacks, coded near another place (:mod:`.unlisted`)
    proxy_start: int | None = field(default=None, compare=False)  # where that other place is named

    @property
    def rank(self) -> int:
        """Specificity of the place kind (0 = a settlement or site, 3 = a province, 4 = a country)."""
        return KIND_RANK.get(getattr(self.place, "kind", "town"), 0)


@dataclass
class _Raw:
    start: int
    end: int
    written: str
    candidates: list[tuple[Any, float]]
    fuzzy: bool = False
    cue_before: str = ""
    cue_after: str = ""
    part_of: bool = False  # written after "northern", "southern", "rural"…: the part of a province
    possessive: bool = False  # written "Mexico's …": an owner, most often the country of that name


@dataclass
class Rejected:
    """A capitalised name that was not taken as a place, and why (for ``--explain``)."""

    start: int
    end: int
    text: str
    reason: str


def _tokens(text: str, mirrored: bool | None = None) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    # a page mirrored without the spaces around its links ("captured the town ofChinshwehaw,Lashioand Hsenwi"):
    # a name may have lost the space after it too
    if mirrored is None:
        mirrored = len(_GLUED_PAIR_RE.findall(text, 0, 20_000)) >= 2
    for match in _TOKEN_RE.finditer(text):
        start, word = match.start(), match.group(0)
        if word.islower() and word not in _PARTICLES:
            continue  # a lowercase word breaks a run anyway (the gap around it is no single space)
        if "-" in word[1:] and _ROAD_AFTER_RE.match(text, match.end()):
            # "the Deir ez-Zor-Mayadin road": two towns joined by the road between them
            cuts = [m for m in _ROAD_JOIN_RE.finditer(word)
                    if word[word.rfind("-", 0, m.start()) + 1 : m.start()][:1].isupper()]
            cut = cuts[-1] if cuts else None  # "ez-Zor-Mayadin" joins Deir ez-Zor and Mayadin, not "ez" and "Zor"
            if cut is not None:
                out.append((start, start + cut.start(), word[: cut.start()]))
                start, word = start + cut.end(), word[cut.end():]
        if len(word) > 4 and not word[1:].islower():
            glued = _GLUED_RE.match(word)
            if glued and len(word) - glued.end() >= 3:  # "ofSuran", "TheHama": a lost space (mirrored pages)
                out.append((start, start + glued.end(), word[: glued.end()]))
                start, word = start + glued.end(), word[glued.end():]
        if mirrored and word[:1].isupper() and (tail := _GLUED_TAIL_RE.search(word)) and tail.start() >= 4:
            out.append((start, start + tail.start(), word[: tail.start()]))  # "Lashioand", "Sirtefrom"
            start, word = start + tail.start(), word[tail.start():]
        out.append((start, start + len(word), word))
    return out


def _is_capitalised(word: str) -> bool:
    first = word[:1]
    return first.isupper() or (first in "aAeE" and "-" in word[:5] and bool(_PREFIXED_RE.match(word)))


def _runs(text: str, words: list[tuple[int, int, str]]) -> Iterable[list[tuple[int, int, str]]]:
    """Yield maximal runs of capitalised words joined by single spaces or particles."""
    run: list[tuple[int, int, str]] = []
    for word in words:
        start, _end, token = word
        capital = _is_capitalised(token)
        particle = token.lower() in _PARTICLES and not capital
        if run:
            gap = text[run[-1][1] : start]
            # (an ayn written as a final apostrophe stays inside a name: "Ala’ Shaaban Moussa")
            joined = gap in (" ", "-", "‑", "’ ", "' ") or (gap == " " and particle)
            if gap == "-" and capital and _ROAD_AFTER_RE.match(text, _end):
                joined = False  # "the Deir ez-Zor-Mayadin road": two places
            if not joined or not (capital or particle):
                yield _trim(run)
                run = []
        if capital or (particle and run):
            run.append(word)
    if run:
        yield _trim(run)


def _only_by_code(place: Any, written: str) -> bool:
    """True when ``written`` (not in capitals) matches ``place`` only by a code written in capitals ("Ala'", a
    given name, is not ALA, the Aland Islands; "Ben" is not BEN, Benin)."""
    if written.isupper() or place.kind not in ("country", "admin1"):
        return False
    key = _fold(written)
    if _fold(place.name) == key:
        return False
    same = [a for a in place.alt_names if _fold(a) == key]
    return bool(same) and all(a.isupper() for a in same)


def _trim(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    while run and not _is_capitalised(run[-1][2]):
        run = run[:-1]
    return run


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _cues(text: str, start: int, end: int) -> tuple[str, str]:
    window = text[max(0, start - 40) : start]
    after = _AFTER_CUE_RE.match(text[end : end + 36])
    cue = after.group(1).lower() if after else ""
    # ("Rijau Local Government Area": Nigeria's LGA)
    return (_cue_before(window) if window[-1:].isspace() else ""), ("lga" if cue.startswith("local") else cue)


def _cue_before(window: str) -> str:
    """The word before a name that says it is a location: "in", "near", "town" ("the town of X") — or ""."""
    words = window.lower().split()[-6:]
    if len(words) >= 2 and words[-1] == "of" and words[-2] in _KIND_OF_WORDS:
        # a preposition, maybe an owner and adjectives ("the Iraqi town of", "in Mali's central region of", "in
        # the northern Afghan province of")
        rest = [w for w in words[:-2] if w != "the"][-4:]
        # "… of Idlib and the northern countryside of Hama": the second of a pair takes the first one's cue
        if words[-2] in _SETTLEMENT_OF_WORDS:
            return words[-2]  # "strikes against the city of Sumy": a settlement, whatever came before
        return words[-2] if any(w in _CUE_PREPOSITIONS or w in ("and", "or") for w in rest) else ""
    if words and words[-1] == "the":
        words = words[:-1]
    return words[-1] if words and words[-1] in _CUE_PREPOSITIONS else ""


def hromada_seats(adjective: str) -> list[str]:
    """The town names a Ukrainian community's adjective may be formed from, most likely first.

    "Nikopolska" → Nikopol, "Pokrovska" → Pokrovsk, "Marhanetska" → Marhanets, "Kurakhivska" → Kurakhove,
    "Avdiivska" → Avdiivka, "Marinska" → Marinka; a Russian-style "g" for the Ukrainian "h" is tried after
    ("Marganetska" → Marhanets).
    """
    stem = adjective[:-3]  # "-ska" / "-ske"
    seats = [stem, stem + "sk", stem + "ka"]
    if stem.endswith("t"):
        seats.append(stem[:-1] + "ts")
    if stem.endswith("iv"):
        seats += [stem[:-2] + "ivka", stem[:-2] + "ove", stem[:-2] + "eve", stem[:-2] + "ivske"]
    if "g" in stem[1:]:
        seats += [seat[0] + seat[1:].replace("g", "h") for seat in seats]
    return seats


def find_place_candidates(
    text: str,
    gazetteer: Any,
    blocked: list[tuple[int, int]] = (),  # type: ignore[assignment]
    fuzzy_limit: int = 8,
    rejected: list[Rejected] | None = None,
    mirrored: bool | None = None,
) -> list[_Raw]:
    """Return every span of ``text`` naming one or more gazetteer places (unresolved), in text order.

    ``blocked`` spans (actor names) hide the places inside them; ``rejected`` collects why capitalised
    names were refused. ``mirrored``: the text is a page mirrored without the spaces around its links (names
    may end glued to the next word: "Lashioand"); None tells it from the text itself.
    """
    words = _tokens(text, mirrored)
    found: list[_Raw] = []
    fuzzy_done = 0
    surnames: dict[str, str] = {}  # last names of people named so far ("Enrique Alfaro"), lower case → the name
    blocked_sorted = sorted(blocked)
    for run in _runs(text, words):
        if not run:
            continue
        taken = [False] * len(run)
        n = len(run)
        longer: list[int] = []  # words refused as the start of a two-word name no exact look-up knows
        for length in range(min(n, 5), 0, -1):
            for i in range(0, n - length + 1):
                j = i + length
                if any(taken[i:j]) or not _is_capitalised(run[i][2]) or not _is_capitalised(run[j - 1][2]):
                    continue
                start, end = run[i][0], run[j - 1][1]
                written = _strip_possessive(text[start:end])
                end = start + len(written)
                key = written.lower()
                if key in _STOP_KEYS or len(key) < 3 or (j - i == 1 and len(key) <= 4 and written.isupper()):
                    continue  # stop words and acronyms (SDF, ISIS, AFP, UN) are never looked up
                matches = []
                if j == n:  # "al-Omar oilfield", "Tabqa dam", "Ghwayran prison": the kind word may be in the name
                    kind = _KIND_AFTER_RE.match(text, end)
                    if kind:
                        matches = gazetteer.lookup(f"{written} {kind.group(1)}")
                        if matches and kind.group(1).lower() in _ADMIN_CUES:
                            matches = [m for m in matches if m.place.kind in ("admin1", "admin2", "region")]
                        if matches and kind.group(1).lower() not in _ADMIN_CUES:
                            end = kind.end()
                            written = text[start:end]
                if not matches:
                    matches = gazetteer.lookup(written)
                    if j - i > 1 and run[i][2].lower() in _LEADING_FUNCTION_WORDS:
                        # "In Rafah" at a sentence's start is "in" + Rafah, not a typo of some other place ("In
                        # Salah" and "In Amenas" are matched as written)
                        matches = [m for m in matches if m.score >= 100]
                if not matches and j - i == 1 and "-" in written[1:] and _ADMIN_AFTER_RE.match(text, end):
                    # "the Askira-Uba district": a district named after its towns; the first one stands for it
                    head = written.split("-")[0]
                    if len(head) >= 4:
                        matches = [m for m in gazetteer.lookup(head) if m.place.kind in SETTLEMENT_KINDS]
                if not matches and j - i == 1 and written.endswith(("ska", "ske")) and _COMMUNITY_AFTER_RE.match(
                        text, end):
                    # a Ukrainian bulletin's "the Marhanetska community", "Myrivska and Nikopolska hromadas": the
                    # community named, as an adjective, after its seat
                    matches = [m for stem in hromada_seats(written) for m in gazetteer.lookup(stem)
                               if m.score >= 100 and m.place.country == "UA" and m.place.kind in SETTLEMENT_KINDS]
                if not matches:
                    continue
                reason = _refuse(text, run, i, j, written, blocked_sorted, start, end)
                if reason == "":
                    continue
                if reason is None and n == 1 and key in surnames:
                    # "governor Enrique Alfaro said …" ¶ "Alfaro said at a news conference": the person again
                    reason = f"the surname of a person named before ({surnames[key]})"
                elif reason is not None and "person's name" in reason and len(key) >= 4:
                    surnames.setdefault(written.split()[-1].lower(), text[run[0][0] : end])
                if reason is None and i > 0 and not taken[i - 1] and text[run[i - 1][1] : start] == " " and (
                        _unknown_part(head := run[i - 1][2])) and "-" not in head and not gazetteer.lookup(head) and (
                        not head.endswith(("'s", "’s"))):  # ("Swat's Mingora town": Mingora, of Swat)
                    # (not "Indian-administered Kashmir", "Russian-occupied Melitopol": an adjective before it)
                    # "near Alwara Mandi": the end of a name the gazetteer does not know, not Mandi elsewhere
                    reason = f"the end of a longer name ({text[run[i - 1][0]:end]})"
                if reason and "organisation" in reason and j - i > 1 and any(
                        m.score >= 100 and m.place.id.startswith("ge:") and _names_it(m.place, written) for m in matches):
                    reason = None  # "Kurram Agency": a curated row is called so (Pakistan's tribal agencies)
                # "Khyber Agency" (of FATA): an area named whole by a name of several words
                whole = [m for m in matches if m.place.kind in _AREA_NAME_KINDS and _names_it(m.place, written)
                         ] if j - i > 1 else []
                if reason in (None, "prefix") and j < n and not taken[j] and _PREFIXED_RE.match(run[j][2]):
                    # "the Bustan al-Qasr district": the start of an Arabic name, not Bustan or Boston (a city
                    # named as itself may start one: "Daraa al-Balad")
                    matches = [m for m in matches if m.score >= 100 and (m in whole or (
                        _prefix_ok(m.place, written) and _fold(m.place.name) == _fold(written)))]
                    if not matches:
                        reason = f"the start of a longer name ({text[start:run[j][1]]})"
                elif reason is None and i > 0 and _PREFIXED_RE.match(run[i][2]) and (
                        _is_capitalised(run[i - 1][2]) and text[run[i - 1][1] : start] == " "):
                    reason = f"the end of a longer name ({text[run[i - 1][0]:end]})"  # "… al-Qasr" of "Bustan al-Qasr"
                if reason == "prefix":
                    fitting = [m for m in matches if m in whole or _prefix_ok(m.place, written)]
                    reason = None if fitting else f"the start of a longer name ({text[start:run[j][1]]})"
                    matches = fitting or matches
                if reason is not None:
                    if rejected is not None:
                        rejected.append(Rejected(start, end, written, reason))
                    for k in range(i, j):
                        taken[k] = True
                    continue
                candidates = [(m.place, m.score) for m in matches if not _only_by_code(m.place, written)]
                if not candidates:
                    continue
                possessive = written != text[start : run[j - 1][1]]  # "Kabul's …": the name ends here
                if j < n and not taken[j] and not possessive and _unknown_part(run[j][2]) and not (
                        # "militants in Witu Lamu County": a town, then the unit it lies in (no comma between)
                        j + 1 < n and run[j + 1][2].lower() in _UNIT_AFTER_WORDS and text[run[j][1] : run[j + 1][0]] == " "
                        and any(m.score >= 100 for m in gazetteer.lookup(run[j][2]))):
                    if rejected is not None:
                        rejected.append(Rejected(start, end, written,
                                                 f"part of a longer name ({text[start:run[j][1]]})"))
                    if j - i == 1:
                        longer.append(i)
                    continue
                if j - i == 1 and is_common_word(written):
                    cue_before, cue_after = _cues(text, start, end)
                    if not (cue_after or cue_before in _PLACE_PREPOSITIONS):
                        candidates = [c for c in candidates if _prominent(c[0])]
                        if not candidates:
                            if rejected is not None:
                                rejected.append(Rejected(start, end, written, "a common English word, no place cue"))
                            continue
                for k in range(i, j):
                    taken[k] = True
                found.append(_Raw(start, end, written, candidates))
        # a two-word name spelt another way ("Bulo Burde" for Buulobarde): the pair as a whole, by typo search,
        # before the second word alone (a namesake elsewhere, or nothing) is kept
        for i in longer:
            if fuzzy_done >= fuzzy_limit or taken[i]:
                continue
            start, end = run[i][0], run[i + 1][1]
            pair = text[start:end]
            fuzzy_done += 1
            matches = [m for m in gazetteer.search(pair, limit=3)
                       if m.score >= PAIR_FUZZY_SCORE and m.place.kind in SETTLEMENT_KINDS]
            if matches:
                found[:] = [r for r in found if not (start <= r.start and r.end <= end)]
                taken[i] = taken[i + 1] = True
                found.append(_Raw(start, end, pair, [(m.place, m.score * 0.9) for m in matches], True))
        # typo tolerance: a long unmatched word right before/after a geographic cue ("Euphates river")
        if fuzzy_done < fuzzy_limit and not all(taken):
            for i, (start, end, token) in enumerate(run):
                if taken[i] or len(token) < 6 or token.lower() in _STOP_KEYS:
                    continue
                if i > 0 and _PREFIXED_RE.match(token) and text[run[i - 1][1] : start] == " ":
                    continue  # the tail of an unknown Arabic name ("Bustan al-Qasr"), not a misspelt place
                cue_before, cue_after = _cues(text, start, end)
                if not (cue_after or cue_before in ("near", "outside", "village", "town", "city")):
                    continue
                fuzzy_done += 1
                query = f"{token} {cue_after}" if cue_after else token
                # ("the town of Cuhuiv": a kind word before the name lets a looser spelling of Chuhuiv count)
                least = 75 if cue_before in _SETTLEMENT_OF_WORDS and not cue_after else 80
                matches = [m for m in gazetteer.search(query, limit=3) if m.score >= least]
                if matches:
                    taken[i] = True
                    found.append(_Raw(start, end, token, [(m.place, m.score * 0.9) for m in matches], True))
    found = _joined_by_and(text, gazetteer, found)
    found.sort(key=lambda r: r.start)
    for index, raw in enumerate(found):
        raw.cue_before, raw.cue_after = _cues(text, raw.start, raw.end)
        raw.possessive = text[raw.end : raw.end + 2] in ("'s", "’s")
        part = _PART_OF_RE.search(text, max(0, raw.start - 16), raw.start)
        # "central Tel Aviv", "downtown" parts of a big city are the city, not its province
        raw.part_of = part is not None and not (part.group(0).lower().startswith("central") and any(
            p.kind == "city" and (p.population or 0) >= CENTRAL_CITY_POPULATION for p, _ in raw.candidates))
        if index and found[index - 1].cue_before in _PLURAL_ADMIN_WORDS and re.fullmatch(
                r"\s*(?:,|,?\s+and)\s+", text[found[index - 1].end : raw.start]):
            raw.cue_before = found[index - 1].cue_before  # "the provinces of Latakia and Tartus": both provinces
    for index in range(len(found) - 2, -1, -1):
        after = found[index + 1].cue_after
        if after in _PLURAL_AFTER_WORDS and not found[index].cue_after and re.fullmatch(
                r"\s*(?:,|,?\s+and)\s+", text[found[index].end : found[index + 1].start]):
            found[index].cue_after = after  # "the Luhansk and Donetsk regions": both regions
    return found


def _joined_by_and(text: str, gazetteer: Any, found: list[_Raw]) -> list[_Raw]:
    """"Jammu and Kashmir", "Bosnia and Herzegovina", "Kabardino and Balkaria": a province or country whose
    name holds "and" replaces the two names it was read as."""
    if " and " not in text:
        return found
    for match in _AND_NAME_RE.finditer(text):
        left, right = match.group(1), match.group(2)
        lefts = [(match.start(1), left)] + ([(match.start(1) + left.index(" ") + 1, left.split(" ", 1)[1])]
                                            if " " in left else [])
        rights = [right] + ([right.split(" ", 1)[0]] if " " in right else [])
        for (start, head), tail in ((a, b) for a in lefts for b in rights):
            written = f"{head} and {tail}"
            exact = [m for m in gazetteer.lookup(written) if m.score >= 100 and m.place.kind in (
                "admin1", "admin2", "country", "region")]
            if exact:
                end = start + len(written)
                found = [r for r in found if not (start <= r.start and r.end <= end)]
                found.append(_Raw(start, end, written, [(m.place, m.score) for m in exact]))
                break
    return found


_AND_NAME_RE = re.compile(r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) and ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\b")
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "into", "town", "village", "city",
                                  "villages", "towns", "district", "neighbourhood", "neighborhood", "area",
                                  # verbs whose object is a place ("rebels shelled Sake", "captured Sake")
                                  "shelled", "bombed", "stormed", "captured", "recaptured", "seized", "overran",
                                  "entered"})


#: Kinds of area a multi-word name may name whole ("Khyber Agency", "Lower Shabelle Region").
_AREA_NAME_KINDS = frozenset({"admin2", "region", "admin1"})


def _names_it(place: Any, written: str) -> bool:
    """True when ``written`` is the place's name or one of its other names, as written (folded)."""
    key = _fold(written)
    return key == _fold(place.name) or any(key == _fold(name) for name in place.alt_names)


def _prefix_ok(place: Any, written: str) -> bool:
    """A city may start a longer name ("Daraa al-Balad", a quarter of Daraa); a village or a short generic
    word may not ("Bab al-Nayrab", "Abo al-Majed")."""
    return len(written) >= 5 and (place.kind in ("city", "admin1") or (place.population or 0) >= 50_000)


#: The unit word after a province's name ("Lamu County", "Borno State").
_UNIT_AFTER_WORDS = frozenset({"county", "province", "state", "region", "governorate", "oblast", "district", "division"})


def _unknown_part(token: str) -> bool:
    """A capitalised word after a matched name that extends it ("Khwaja Bandgosha"), not a kind word."""
    low = token.lower()
    return (token[:1].isupper() and low not in _RUN_NEIGHBOURS and low not in _ORG_WORDS and not token.isupper()
            and not is_common_word(token) and len(token) >= 3)


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True for a word common in English prose ("White", "Date", "Human"): a place only with a cue."""
    return zipf_frequency(word, "en") >= COMMON_WORD_ZIPF


def _prominent(place: Any) -> bool:
    return place.kind in ("country", "admin1") or (place.population or 0) >= 200_000 or place.id.startswith("ge:")


def _refuse(text: str, run: list[tuple[int, int, str]], i: int, j: int, written: str,
            blocked: list[tuple[int, int]], start: int, end: int) -> str | None:
    """Why this n-gram is not a place (``None``: it may be; ``""``: not even worth a look-up)."""
    key = written.lower()
    if key in _STOP_KEYS or len(key) < 3:
        return ""
    tokens_here = [t[2] for t in run[i:j]]
    # "Bab al-Nayrab", "Khaled Abo al-Majed": the run goes on with a particle name, so it is one longer name
    # (a city before it still counts: "Daraa al-Balad" is a district of Daraa; see _prefix_ok)
    if j < len(run) and (_PREFIXED_RE.match(run[j][2]) or run[j][2].lower() in _PARTICLES) and not (
            run[j][2] == "of" and j + 1 < len(run) and country_name_at(text, run[j + 1][0])) and not (
            run[j][2] in _ENGLISH_PARTICLES and j + 1 < len(run) and country_word_at(text, run[j + 1][0])):
        # (but "the village of Baga Sola of Chad": the place, then its country; "recaptured Izium as Russian forces
        # withdrew", "at Syrian request": English words before a country's name or demonym)
        return "prefix"
    if i > 0 and (_PREFIXED_RE.match(run[i][2]) or _PREFIXED_RE.match(run[i - 1][2])
                  or run[i - 1][2].lower() in _PARTICLES) and run[i - 1][2].lower() not in _RUN_NEIGHBOURS:
        return ""  # "Daraa al-Balad", "Hassan al-Jarrad": the tail of a longer name
    if i > 0 and run[i - 1][2].lower() in _NAME_HEADS and text[run[i - 1][1] : start] == " ":
        # "Tel Wasit", "Khirbet Ghazaleh": a village named by its head word, one the gazetteer lacks (a name it
        # knows, "Tell Abyad", "Kafr Nubl", was matched whole before): not Wasit, Iraq
        return f"the end of a longer name ({text[run[i - 1][0]:end]})"
    if all(t.isupper() for t in tokens_here) and len(key) <= 4 and j - i == 1:
        return ""  # acronyms: SDF, ISIS, AFP, UN
    if inside_spans(blocked, start, end, strictly=True):
        return "part of an actor's name"
    if j < len(run) and run[j][2].lower() in _ORG_WORDS and not (
            j + 1 < len(run) and run[j][2].lower() == "international" and run[j + 1][2].lower() in ("airport", "airports")
    ) and not (run[j][2].lower() == "division" and j + 1 == len(run) and _IN_BEFORE_RE.search(text, max(0, start - 8), start)):
        # (but "near Mambo Sasa Forest in Witu Division": Kenya's administrative division, a place)
        return f"part of an organisation's name ({text[start:run[j][1]]})"  # (not "Hodeidah International Airport")
    if any(run[k][2].lower() in _UNIT_WORDS for k in range(j + 1, min(len(run), j + 3))):
        # "the Tahoua Special Forces Battalion": a unit named after its garrison town
        return f"part of a military unit's name ({text[start:run[min(len(run), j + 3) - 1][1]]})"
    if unit := _MARTYRS_UNIT_AFTER_RE.match(text, end):
        # "the Abu Saleem Martyrs' brigade": a brigade named after a quarter, wherever it fights
        return f"part of a military unit's name ({text[start:unit.end()]})"
    if i > 0 and run[i - 1][2].lower() in _ORG_WORDS:
        return f"part of an organisation's name ({text[run[i - 1][0]:end]})"
    if j == len(run) and _COMMANDER_AFTER_RE.match(text, end):
        # "the Joint Task Force (JTF) Sulu commander said …": the office of a command named after its area
        return f"names a command here ({text[start:end]} commander), not where anything happened"
    if (i > 0 and run[i - 1][2].lower().rstrip(".") in _SUB_VILLAGE_WORDS) or (
            i == 0 and _SUB_VILLAGE_BEFORE_RE.search(text, max(0, start - 12), start)):
        # "at Sitio Sangay, Brgy Buhanginan, Patikul": a hamlet or ward the gazetteer does not hold (a namesake
        # elsewhere is not it); the town after it says where
        return "a sitio or barangay (ward) the gazetteer does not hold"
    after = text[end : end + 14]
    if j == len(run) and _NAME_NUMBER_RE.match(after):
        return "part of an outlet's name (name + number)"
    if _OUTLET_AFTER_RE.match(after):
        return "part of an outlet's name"
    if _PEOPLES_FORCE_AFTER_RE.match(text, end):
        return f"part of an armed group's name ({text[start:end]} People's …)"  # "Mandalay People's Defence Force"
    if i == 0 and j == len(run) and text[start - 1 : start] == "(" and _CREDIT_AFTER_RE.match(text, end):
        return "an outlet's credit in a dateline ('(Xinhua) --')"
    if is_not_place(written):
        return "an outlet, organisation or company (seeds/gazetteer/not_places.csv)"
    # (every longer span of the run around the name, up to six words: "the Kurdistan Democratic Party of Iran")
    if any(is_listed_not_place(text[run[a][0] : run[b - 1][1]]) for a in range(max(0, i - 5), i + 1)
           for b in range(j, min(len(run), a + 6) + 1) if b - a > j - i):
        return "part of an outlet's or organisation's name (seeds/gazetteer/not_places.csv)"  # "Mada Masr"
    if j + 1 < len(run) and run[j][2].lower() in _NAME_MIDDLES and text[end : run[j][0]] == " ":
        # "Babul Khan Kanrani", "Noor Khan Bahreni": a given name, the clan word and a surname (a place named so
        # whole, "Dera Ismail Khan", was matched whole before)
        return f"a person's name ({text[start:run[j + 1][1]]})"
    if j == len(run) and j - i == 1 and i == len(run) - 1 and len(run) >= 2 and not any(
            t.lower() in _RUN_NEIGHBOURS for _, _, t in run) and _TITLE_AFTER_RE.match(text, end):
        # "Alex Nkoyo, commissioner for Mandera County, told Reuters": a person, named with the office after
        return f"a person's name ({text[run[0][0]:end]}, with a title after it)"
    if j == len(run) and _NICKNAME_AFTER_RE.match(text, end):
        return f"a person's name ({text[start:end]}, with a nickname and a surname after it)"  # Joaquin "El Chapo" Guzman
    if _NICKNAME_OPEN_RE.search(text, max(0, start - 30), start) and _NICKNAME_CLOSE_RE.match(text, end):
        return f"a person's nickname ({text[start:end]})"
    previous = run[i - 1][2].lower().rstrip(".") if i > 0 else _word_before(text, start)
    if previous in _TITLES or previous in _NAME_HONORIFICS:
        return f"a person's name (after '{previous}')"
    if i > 0 and not any(t.lower() in _RUN_NEIGHBOURS for _, _, t in run[:i]) and (
            (head := run[0][2].lower()) in _NAME_HONORIFICS or _word_before(text, run[0][0]) in _TITLES
            or any(t.lower().rstrip(".") in _TITLES for _, _, t in run[:i])):
        # "police spokesman Aqbal Baheer Farah", "warlord Mangal Bagh", "Syed Ahmad Jan": a name inside a
        # person's name that a title or an honorific opens
        title = next((t for _, _, t in run[:i] if t.lower().rstrip(".") in _TITLES), _word_before(text, run[0][0]))
        return f"part of a person's name ({text[run[0][0]:end]})" if head in _NAME_HONORIFICS else (
            f"a person's name (after '{title.lower()}')")
    if j - i == 1 and _VEHICLE_AFTER_RE.match(text, end) and _word_before(text, start) in _VEHICLE_BEFORE:
        return f"a vehicle's make ({text[start:end]})"  # "a Toyota vehicle", "a white Mercedes car" (not Aichi)
    if _word_before(text, run[0][0]) in _VESSEL_WORDS or run[0][2] in ("MV", "M/V", "MT", "USS", "HMS"):
        return f"a ship's name ({text[run[0][0]:run[-1][1]]})"  # "the oil tanker Marlin Luanda"
    return None


#: After an area's name: a command's officer ("JTF Sulu commander") — the office, not a place of the event.
_COMMANDER_AFTER_RE = re.compile(r"[ \t]+commanders?\b")
#: A Philippine address's hamlet or ward before its name ("Sitio X", "Brgy. X", "Barangay X", "Purok X").
_SUB_VILLAGE_BEFORE_RE = re.compile(r"\b(?:[Ss]itio|[Bb]rgy\.?|[Bb]arangay|[Pp]urok)\s+$")
_SUB_VILLAGE_WORDS = frozenset({"sitio", "brgy", "barangay", "purok"})
#: A quoted nickname between a given name and a surname: Joaquin “El Chapo” Guzman, Dawood "Bhai" Ibrahim.
_NICKNAME_AFTER_RE = re.compile(r"[ \t]+[“\"‘][^”\"’\n]{2,30}[”\"’][ \t]+[A-Z]")
_NICKNAME_OPEN_RE = re.compile(r"\b[A-Z][\w'’-]+[ \t]+[“\"‘]$")
_NICKNAME_CLOSE_RE = re.compile(r"[”\"’][ \t]+[A-Z][\w'’-]+")
_NAME_NUMBER_RE = re.compile(r"\s+\d{1,3}\b(?!\s*(?:km|kms|kilomet|mile|%|per|people|civilians|killed|dead|times|"
                             r"attacks?|assaults?|clashes|strikes|drones|shells|rockets|missiles|soldiers|troops|"
                             r"fighters|militants|persons|men|women|children|wounded|injured|hours|days|"
                             r"(?:[\w-]+\s+)?(?:combat\s+)?(?:clashes|engagements|attacks|times)))", re.IGNORECASE)
_OUTLET_AFTER_RE = re.compile(r"\s+(?:news|television|tv|radio|agency|newspaper|daily|channel|broadcaster|outlet)\b",
                              re.IGNORECASE)
#: After a place: an armed group named after it ("the Mandalay People's Defence Force", "Sagaing People's Army").
_PEOPLES_FORCE_AFTER_RE = re.compile(r"\s+People['’]?s\s+(?:Defen[cs]e\s+(?:Force|Forces|Army)|Liberation\s+(?:Army|Front)|"
                                     r"Army|Militia|Protection\s+Units?|Revolutionary\s+Army|Administration\s+Team)\b")
#: After a person's name: their office ("Alex Nkoyo, commissioner for Mandera County", "…, a police spokesman").
_TITLE_AFTER_RE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:commissioner|spokesman|spokeswoman|"
                             r"spokesperson|governor|mayor|minister|commander|director|chairman|chairwoman|official|"
                             r"chief|head|administrator|councillor|lawmaker|senator|secretary|leader|activist|"
                             r"academic|journalist|lawyer|politician|candidate|businessman|businesswoman)\b")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\.?\s+$")
_CREDIT_AFTER_RE = re.compile(r"\)\s*(?:[-–—]{1,2}|:)")
#: After a car maker's name: the vehicle ("a Toyota vehicle", "a Toyota Hilux pickup"), not a car bomb.
_VEHICLE_AFTER_RE = re.compile(r"\s+(?:(?:Hilux|Land\s+Cruiser|Corolla|Camry|Prado|Sprinter|Pajero|Patrol)\b|"
                               r"(?:[A-Z][\w-]+\s+)?(?:vehicles?|cars?|pick-?ups?|trucks?|SUVs?|sedans?|jeeps?|"
                               r"motorcycles?|motorbikes?|minibus(?:es)?|vans?)\b(?!\s+bomb))")
#: Words a vehicle's make follows ("a", "the", a colour).
_VEHICLE_BEFORE = frozenset({"a", "an", "the", "his", "their", "its", "white", "black", "silver", "grey", "gray",
                             "red", "blue", "green", "brown", "civilian", "private", "military"})
#: Words before a ship's name ("the tanker Marlin Luanda", "the cargo ship Rubymar").
_VESSEL_WORDS = frozenset({"tanker", "ship", "vessel", "freighter", "carrier", "destroyer", "frigate", "warship",
                           "boat", "ferry", "trawler", "corvette", "cruiser", "submarine", "containership", "yacht"})


def inside_spans(spans: list[tuple[int, int]], start: int, end: int, strictly: bool = False) -> bool:
    """True when ``[start, end)`` lies inside one of the sorted ``spans`` (longer than it, if ``strictly``)."""
    index = bisect_left(spans, (start + 1, -1)) - 1
    while index >= 0 and spans[index][0] <= start:
        b_start, b_end = spans[index]
        if end <= b_end and (not strictly or b_end - b_start > end - start):
            return True
        if start - b_start > 200:
            break
        index -= 1
    return False


def _word_before(text: str, start: int) -> str:
    match = _WORD_BEFORE_RE.search(text, max(0, start - 20), start)
    return match.group(1).lower() if match else ""


# ---------------------------------------------------------------------------------------------- resolving
@dataclass
class DocumentContext:
    """What the document says about where it is: country and province weights, anchor points."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1s: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    border: bool = False  # the text speaks of a border: places across it are plausible

    def country_share(self, code: str, across_border: bool = False) -> float:
        """How strongly the text points to a country (0–1). With ``across_border`` (exact names only), a
        neighbour of a country it points to gets a third of that country's share (Metula, Tal Abyad)."""
        top = self.evidence
        if top <= 0:
            return 0.0
        own = self.countries.get(code, 0.0) / top
        if not across_border or not self.border:
            return own
        near = max((self.countries.get(n, 0.0) / top for n in neighbours(code)), default=0.0)
        return max(own, near / 3.0)

    @property
    def evidence(self) -> float:
        """The weight of the country the text points to most."""
        return max(self.countries.values(), default=0.0)


_PROVINCE_USE = (r"(?:(?:\s*,\s*[A-Z][\w'’-]+)*(?:\s*,?\s+and\s+[A-Z][\w'’-]+)?\s+(?i:provinces?|governorates?|states?|"
                 r"regions?|oblasts?)\b|['’]s\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:district|sub-district|county|township)\b)")


def _provinces_by_own_name(text: str, raw: list[_Raw], chosen: list[Any]) -> None:
    """A bare "Narathiwat" in a text that also writes "Pattani and Narathiwat provinces" or "Narathiwat's Si
    Sakhon district" is the province, not its capital of the same name (an event there is coded where the
    text places it, not on the city)."""
    used: dict[str, bool] = {}
    for index, item in enumerate(raw):
        place = chosen[index]
        if place is None or place.kind not in ("city", "town") or _fold(place.admin1 or "") != _fold(place.name):
            continue
        if item.cue_before in ("city", "town") or item.cue_after in ("city", "town") or item.cue_after in _ADMIN_CUES:
            continue
        if _CAPITAL_OF_BEFORE_RE.search(text, max(0, item.start - 30), item.start):
            continue  # "captured the regional capital of Kidal" beside "Kidal Region": the region's seat, the city
        if _SITE_IN_BEFORE_RE.search(text, max(0, item.start - 40), item.start) or _SITE_AFTER_NAME_RE.match(
                text, item.end):
            continue  # "a shopping centre in Kharkiv" beside "Kharkiv Oblast": a building stands in the city
        if not text[text.rfind("\n", 0, item.start) + 1 : item.start].strip():
            continue  # the first word of a line: a dateline's city ("Khost, 11 January 2024 —")
        key = item.written.lower()
        if key not in used:
            # (a headline's "Deir Ez-Zor" is the body's "Deir ez-Zor Governorate")
            used[key] = re.search(rf"(?<![\w-])(?i:{re.escape(item.written)}){_PROVINCE_USE}", text) is not None
        if used[key]:
            admin = [p for p, _ in item.candidates if p.kind == "admin1" and p.country == place.country]
            if admin:
                chosen[index] = admin[0]


_LIST_ITEM_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _lists_of_provinces(text: str, raw: list[_Raw], chosen: list[Any]) -> None:
    """"raids on Yemen's Hajjah, Sa'adah, Al-Jawf and Marib": a list in which one name is only a province lists
    provinces, also where a city shares another's name (each is coded where the text later places it)."""
    index = 0
    while index < len(raw):
        end = index
        while end + 1 < len(raw) and _LIST_ITEM_GAP_RE.fullmatch(text, raw[end].end, raw[end + 1].start):
            end += 1
        members = range(index, end + 1)
        # (a member the gazetteer knows only as a province, or only by another place's variant name: "Al-Jawf" is
        # no village "Jawf al Maqbabah")
        if len(members) >= 3 and (provinces := [k for k in members if chosen[k] is not None and (
                chosen[k].kind == "admin1" or all(q < 100 for p, q in raw[k].candidates if p is chosen[k]))
                and any(p.kind == "admin1" and q >= 100 for p, q in raw[k].candidates)]):
            first = chosen[provinces[0]]  # (its own country: "Al-Jawf" is a province of Saudi Arabia too)
            country = first.country if first.kind == "admin1" else next(
                p.country for p, q in raw[provinces[0]].candidates if p.kind == "admin1" and q >= 100)
            units = {k: next((p for p, q in raw[k].candidates if p.kind == "admin1" and p.country == country
                              and q >= 100), None) for k in members}
            if 3 * sum(unit is not None for unit in units.values()) >= 2 * len(members):
                for k, unit in units.items():
                    if unit is not None:
                        chosen[k] = unit
        index = end + 1


def resolve_places(
    text: str,
    raw: list[_Raw],
    countries: list[CountryMention],
    title_weight_until: int = 0,
    rejected: list[Rejected] | None = None,
) -> list[PlaceMention]:
    """Choose one place per mention with the document as context (two passes: names, then neighbours)."""
    raw = list(raw)
    _keep_owned(text, raw, countries, rejected)
    context = DocumentContext(border=bool(_BORDER_RE.search(text)))
    # (who struck is no evidence of where when it is all the text says: "Russian forces attacked near Pokrovsk" is
    # Ukraine's Pokrovsk, not Sakha's)
    located = [m for m in countries if m.kind != "force"]
    for mention in countries if located else ():
        context.countries[mention.code] += mention.weight
    # a name told as a group's ("Fano militants", "Abu Saleem fighters") says nothing of the country it is a town of
    grouped = {item.start for item in raw if GROUP_AFTER_RE.match(text, item.end)}
    for item in raw:
        codes = {p.country for p, q in item.candidates if q >= 100}
        if item.start not in grouped and len(codes) == 1 and all(q >= 100 for _, q in item.candidates) and any(
                _prominent(p) or (p.population or 0) >= 20_000 for p, _ in item.candidates):
            # a province's own name ("Manipur", "Borno") says the country as much as "Borno State" does
            context.countries[next(iter(codes))] += 1.5 if all(p.kind == "admin1" for p, _ in item.candidates) else 0.5
        if item.cue_after in _ADMIN_CUES or any(p.kind == "admin1" for p, _ in item.candidates):
            admins = [p for p, _ in item.candidates if p.admin1 and (p.kind == "admin1" or (
                p.kind == "admin2" and item.cue_after in _ADMIN_CUES))]  # "in Soum province": Sahel, Burkina
            for place in admins:
                context.admin1s[(place.country, _fold(place.admin1))] += 1.0
            if item.cue_after in _ADMIN_CUES - ADMIN2_CUES and len({p.country for p in admins}) == 1:
                context.countries[admins[0].country] += 1.5  # "Borno State", "Donetsk Oblast"
    stated = {key for key, weight in context.admin1s.items() if weight >= 1.0}  # provinces the text names
    chosen: list[Any] = [None] * len(raw)
    own: dict[tuple[str, str], float] = defaultdict(float)  # evidence a name gave its own country
    starts = [item.start for item in raw]
    for _pass in range(2):
        memo: dict[tuple[str, bool], float] = {}  # the context is fixed during a pass

        def share(code: str, across: bool, memo: dict[tuple[str, bool], float] = memo) -> float:
            found = memo.get((code, across))
            if found is None:
                found = memo[(code, across)] = context.country_share(code, across_border=across)
            return found

        for index, item in enumerate(raw):
            # neighbours: the places chosen for mentions within ANCHOR_WINDOW characters (keeps long texts linear)
            if len(item.candidates) == 1:
                chosen[index] = item.candidates[0][0]
                continue
            low, high = bisect_left(starts, item.start - ANCHOR_WINDOW), bisect_left(starts, item.start + ANCHOR_WINDOW)
            written = item.written.lower()
            # another mention of the same name is the same question, not evidence for its answer
            others = list({p.id: p for k in range(low, high) if k != index and (p := chosen[k]) is not None
                           and p.kind not in ("country", "admin1", "river", "region")
                           and raw[k].written.lower() != written}.values())
            # a text names one place by one name: "the city of Sloviansk" beside "the city of Nikopol" is not
            # Nikopol, which GeoNames also calls by its name of the 1780s
            renamed = {chosen[k].id for k in range(low, high) if k != index and chosen[k] is not None
                       and _other_name(raw[k].written, item.written)}
            if renamed and not any(q >= 100 and p.id not in renamed and p.kind in SETTLEMENT_KINDS
                                   for p, q in item.candidates):
                renamed = set()
            chosen[index] = max(item.candidates, key=lambda c: (
                _score(c, item, context, others, share) - (RENAMED_PENALTY if c[0].id in renamed else 0.0),
                c[0].id))[0]
        if _pass == 0:  # the first pass's exact choices become evidence for the second
            for item, place in zip(raw, chosen):
                if next(q for p, q in item.candidates if p is place) < 100 or item.start in grouped:
                    continue
                context.countries[place.country] += 0.25
                own[(item.written.lower(), place.country)] += 0.25
                if place.admin1 and place.kind != "admin1":
                    context.admin1s[(place.country, _fold(place.admin1))] += 0.25
    _provinces_by_own_name(text, raw, chosen)
    _lists_of_provinces(text, raw, chosen)
    # "Palma in Cabo Delgado province": the text says which province the place is in; a namesake elsewhere
    # (Palma, Spain) is not it, however large
    stated_in: dict[int, Any] = {}
    # "Nasir in South Sudan's Upper Nile state", "X in Mali": a country, or the province it owns, says so too
    for index in range(len(raw) - 1):
        place, province = chosen[index], chosen[index + 1]
        # "seven towns: Niono, Molodo, Kayes and Nioro": a list of towns, not a town and its province
        in_list = (index > 0 and re.fullmatch(r",\s*", text[raw[index - 1].end : raw[index].start]) is not None) or (
            index + 2 < len(raw) and re.fullmatch(r",?\s*(?:and\s+)?", text[raw[index + 1].end : raw[index + 2].start])
            is not None)
        if place is not None and province is not None and province.kind not in ("admin1", "admin2", "country") and (
                not in_list) and re.fullmatch(r",\s*", text[raw[index].end : raw[index + 1].start]):
            # "Culiacan, Sinaloa": the province of that name holding the town, not a village called Sinaloa (nor
            # "Patikul, Sulu" the city of Jolo, which GeoNames also calls Sulu)
            holding = [p for p, q in raw[index + 1].candidates if q >= 100 and p.kind in ("admin1", "admin2") and any(
                contains(p, c) for c, _ in raw[index].candidates)]
            if holding:
                chosen[index + 1] = province = holding[0]
                if not contains(province, place):
                    place = chosen[index] = next(c for c, _ in raw[index].candidates if contains(province, c))
        if province is not None and province.kind == "country" and index + 2 < len(raw) and (
                chosen[index + 2] is not None and chosen[index + 2].kind == "admin1") and _OWNER_GAP_RE.fullmatch(
                text, raw[index + 1].end, raw[index + 2].start):
            province = chosen[index + 2]
        if place is None or province is None or province.kind not in ("admin1", "admin2", "country") or place.kind in (
                "admin1", "admin2", "country"):
            continue
        if province.kind == "country" and all(q < 100 for p, q in raw[index + 1].candidates if p is province):
            continue  # "Djibo in Soum province": "Soum" only looks like "Somalia"
        if province.kind in ("admin1", "admin2") and re.fullmatch(r",\s*", text[raw[index].end : raw[index + 1].start]) and (
                not contains(province, place)) and all(q >= 100 for p, q in raw[index + 1].candidates if p is province):
            # "Esperanza, Agusan del Sur", "Tulunan, Cotabato": the town of that name in the province after the
            # comma, when the gazetteer has one (a list of towns and provinces keeps its other readings)
            inside = [p for p, _ in raw[index].candidates if contains(province, p)]
            if inside:
                chosen[index] = inside[0]
            continue
        if not _IN_PROVINCE_GAP_RE.fullmatch(text, raw[index].end, raw[index + 1].start) or (
                raw[index + 1].start - raw[index].end > 30):
            continue
        if not contains(province, place):
            inside = [p for p, _ in raw[index].candidates if contains(province, p)] or [
                p for p, _ in raw[index].candidates if _near_border_of(province, p)]
            chosen[index] = inside[0] if inside else None
            stated_in[index] = province
    # "in the areas of Vovchansk, Hlyboke and Lyptsi in Kharkiv region": the province holds the whole list before it
    for index in range(1, len(raw) - 1):
        province = chosen[index + 1]
        if province is None or province.kind != "admin1" or not _IN_PROVINCE_GAP_RE.fullmatch(
                text, raw[index].end, raw[index + 1].start) or raw[index + 1].start - raw[index].end > 30:
            continue
        member = index - 1
        while member >= 0 and _LIST_ITEM_GAP_RE.fullmatch(text, raw[member].end, raw[member + 1].start) and (
                chosen[member] is not None and chosen[member].kind in SETTLEMENT_KINDS):
            if not contains(province, chosen[member]):
                inside = [p for p, q in raw[member].candidates if q >= 100 and contains(province, p)]
                chosen[member] = inside[0] if inside else None
                if not inside:
                    stated_in[member] = province
            member -= 1
    told: dict[str, Any] = {}  # a name's province, as a sentence told it
    for index, place in enumerate(chosen):
        province = _province_told_before(text, raw, chosen, index)
        if place is not None and province is not None:
            told.setdefault(raw[index].written.lower(), province)
    for index, place in enumerate(chosen):
        province = told.get(raw[index].written.lower())
        if place is None or province is None or contains(province, place) or place.kind not in SETTLEMENT_KINDS:
            continue
        # "in the Apure state in Venezuela, specifically in La Victoria": the one of that name inside the province
        # the sentence has named, wherever the text names it again, or none (not La Victoria in Aragua)
        inside = [p for p, q in raw[index].candidates if q >= 100 and contains(province, p)]
        chosen[index] = inside[0] if inside else None
        if not inside:
            stated_in[index] = province
    refused = _between_pairs(text, raw, chosen, context) | _quarters_of(text, raw, chosen, context)
    refused.update(_near_town(text, raw, chosen))
    for index, item in enumerate(raw):
        place = chosen[index]
        if place is not None and _VILLAGE_WORDS & {item.cue_before, item.cue_after} and (place.kind == "city" or (
                place.population or 0) >= 50_000) and context.countries.get(place.country, 0.0) <= own.get(
                (item.written.lower(), place.country), 0.0):
            # "the villages of Saida and Mu'alaq" in Syria are not Saïda, Algeria
            refused[index] = (f"a village in the text, not the city of {place.name} in {place.country_name}, "
                                  "a country the text does not point to")
        elif place is not None and item.cue_after in ADMIN2_CUES and place.kind == "city" and (
                context.countries.get(place.country, 0.0) <= own.get((item.written.lower(), place.country), 0.0)) and (
                max((w for c, w in context.countries.items() if c != place.country), default=0.0) >= 2.0):
            # "near the Basra district in Muryale" in a Somali story: a district of that name there, not the city
            # of Basra in Iraq, which nothing else in the text points to
            refused[index] = (f"a district in the text, not the city of {place.name} in {place.country_name}, "
                              "a country the text does not point to")
    for index in refused:
        chosen[index] = None  # no evidence for the others' checks
    out: list[PlaceMention] = []
    for index, item in enumerate(raw):
        place = chosen[index]
        if index in refused:
            if rejected is not None:
                rejected.append(Rejected(item.start, item.end, item.written, refused[index]))
            continue
        if place is None:
            if rejected is not None:
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"the text puts it in {stated_in[index].name}, where no place of that "
                                         f"name is known"))
            continue
        quality = next(q for p, q in item.candidates if p is place)
        if quality < 100 and (facility := _FACILITY_AFTER_RE.match(text, item.end)):
            if rejected is not None:  # "al-Shifa hospital" is a hospital's name, not a spelling of Haifa
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"the name of a {facility.group(1).lower()}, only a variant spelling of "
                                         f"{place.name}"))
            continue
        if quality < 100 and context.evidence < 1.5 and not place.id.startswith("ge:"):
            exact = [p for k, p in enumerate(chosen) if k != index and p is not None
                     and next(q for c, q in raw[k].candidates if c is p) >= 100]
            # (a metropolis named far away — "Moscow denies …", "talks in Geneva" — says little about where)
            if exact and min(_quick_km(place.lat, place.lon, p.lat, p.lon) for p in exact) > 500 and any(
                    (p.population or 0) < 1_000_000 for p in exact):
                if rejected is not None:
                    rejected.append(Rejected(item.start, item.end, item.written,
                                             f"only a spelling variant of a place in {place.country_name}, far "
                                             f"from every other place the text names"))
                continue
        loose = quality < 100 or _fold(place.name) != _fold(item.written)
        container = _told_in(text, raw, chosen, index) if loose else None
        if container is not None and (context.country_share(container.country) < 0.3 or _FACILITY_AFTER_RE.match(
                text, raw[index + 1].end)):
            container = None  # "near Al-Hassan Mosque": a mosque's name, not a town the text is about
        if container is not None and _quick_km(place.lat, place.lon, container.lat, container.lon) > _TOLD_IN_KM:
            if rejected is not None:  # "the town of Anjara in Aleppo western countryside" is not Arkhara, Russia
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"only a variant or other name of a place in {place.country_name}, far "
                                         f"from {container.name}, where the text puts it"))
            continue
        if place.kind in ("village", "town") and _fold(place.name) != _fold(item.written) and context.countries.get(
                place.country, 0.0) <= own.get((item.written.lower(), place.country), 0.0):
            exact = [p for k, p in enumerate(chosen) if k != index and p is not None
                     and next(q for c, q in raw[k].candidates if c is p) >= 100]
            if exact and min(_quick_km(place.lat, place.lon, p.lat, p.lon) for p in exact) > 3000:
                # "Juma" in a Libyan story is not Yuma, Arizona, whose other name it only is
                if rejected is not None:
                    rejected.append(Rejected(item.start, item.end, item.written,
                                             f"only another name of a place in {place.country_name}, a country the "
                                             f"text does not point to, far from every other place it names"))
                continue
        # (the provinces the text's own names may stand for, not those of the towns it resolved: a bulletin's
        # third town may lie in a province of its own, "Near Shadaddi" after Abu Kamal and Hajin)
        named_admins = {a for c, a in stated if c == place.country}
        outside = bool(named_admins) and place.kind != "admin1" and _fold(place.admin1 or "") not in named_admins
        owner = _OWNER_BEFORE_RE.search(text, max(0, item.start - 40), item.start)
        owned = owner is not None and _fold(owner.group(1)) == _fold(place.admin1 or "")
        if quality < 100 and not place.id.startswith("ge:") and context.evidence >= 1.5 and not owned and (
                context.country_share(place.country) < 0.3 or (outside and (
                    quality < 95 or context.country_share(place.country) < 0.6 or _far_from_all(
                        place, chosen, index, 250)))):
            # (a romanisation of the name, "Maarat an-Numan" for Ma'arrat an Nu'man, in a text about its country
            # stands though the text names another province too: a chronicle names many)
            if rejected is not None:
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"only a spelling variant of a place in {place.country_name}, a country "
                                         f"the text hardly points to"))
            continue
        if place.kind in SITE_PLACE_KINDS and (({item.cue_before, item.cue_after} & {"village", "villages", "town", "towns"})
                                          or _SETTLEMENT_LIST_BEFORE_RE.search(text, max(0, item.start - 90), item.start)):
            if rejected is not None:  # "the villages of Maarat Horma, Tal Mannas and Al-Nayrab": not Aleppo's airport
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"named as a village or town, but the gazetteer knows only a {place.kind} "
                                         f"of that name ({place.name})"))
            continue
        stated_here = {a for c, a in stated if c == place.country}
        told_village = item.cue_before in ("village", "villages")
        if (len(stated_here) == 1 or (told_village and stated_here)) and _fold(place.admin1 or "") not in stated_here and (
                ((place.population or 0) < 5_000 and place.kind == "village") or told_village
        ) and not place.id.startswith("ge:") and (
                _far_from_all(place, chosen, index, 150)):
            inside = [p for p, q in item.candidates if q >= 100 and p.country == place.country
                      and _fold(p.admin1 or "") in stated_here and p.kind in SETTLEMENT_KINDS]
            if inside:  # "the village of Gorodishche" in a Kursk story: Kursk's Gorodishche, not Volgograd's
                place = chosen[index] = inside[0]
            else:
                if rejected is not None:  # "Nyaung Kone village" in a Sagaing story is not Nyaung Gon near Yangon
                    rejected.append(Rejected(item.start, item.end, item.written,
                                             f"a village of that name in {place.admin1}, far from the province the "
                                             f"text names and from every other place it names"))
                continue
        if _CARTEL_AFTER_RE.match(text, item.end):
            if rejected is not None:  # "members of the Sinaloa drug cartel" are no event in Sinaloa de Leyva
                rejected.append(Rejected(item.start, item.end, item.written, "names a cartel here, not a place"))
            continue
        if _MOVEMENT_AFTER_RE.match(text, item.end):
            if rejected is not None:  # "the West Papua National Liberation Army": an armed group, not the province
                rejected.append(Rejected(item.start, item.end, item.written, "names an armed movement here, not a place"))
            continue
        if GROUP_AFTER_RE.match(text, item.end) and context.country_share(place.country) < 0.5:
            if rejected is not None:  # "Kuki groups clashed" in a text about India is not Kuki, Japan
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"names a people or group here, not {place.name} in {place.country_name}"))
            continue
        if _CAMP_AFTER_RE.match(text, item.end) and context.evidence >= 1.5 and context.countries.get(
                place.country, 0.0) <= own.get((item.written.lower(), place.country), 0.0):
            if rejected is not None:  # "Dar-es-Salam's refugee camps" in a Chad story: a camp named after the city
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"names a camp here, not {place.name} in {place.country_name}, a country "
                                         f"the text does not point to"))
            continue
        if not owned and _lookalike(place, context, item, own.get((item.written.lower(), place.country), 0.0)) and not any(
                p is not None and k != index and p.country != place.country and p.kind in SETTLEMENT_KINDS
                and _quick_km(place.lat, place.lon, p.lat, p.lon) <= _ACROSS_BORDER_KM for k, p in enumerate(chosen)):
            # (but "a post near Metula", a kilometre from the Lebanese village the text also names: the other
            # side of a border, which a text about one side often leaves unnamed)
            if rejected is not None:
                rejected.append(Rejected(item.start, item.end, item.written,
                                         f"only a small place in {place.country_name}, a country the text "
                                         f"does not point to"))
            continue
        why = _why(place, item, context)
        alternatives = tuple(p for p, _ in item.candidates if p is not place)[:5]
        out.append(PlaceMention(item.start, item.end, place, item.written.lower(), len(item.candidates),
                                item.cue_before, item.cue_after, item.fuzzy, alternatives, why))
    return out


def _between_pairs(text: str, raw: list[_Raw], chosen: list[Any], context: Any = None) -> dict[int, str]:
    """"the road between Bint Jbeil and Ainata", "clashes between X and Y": two neighbouring places. The one whose
    choice lies more than PAIR_KM from its partner takes its namesake nearest the partner, or none (index → why)."""
    out: dict[int, str] = {}
    for index in range(len(raw) - 1):
        first, second = chosen[index], chosen[index + 1]
        if first is None or second is None or not _AND_GAP_RE.fullmatch(text, raw[index].end, raw[index + 1].start):
            continue
        if not BETWEEN_BEFORE_RE.search(text, max(0, raw[index].start - 12), raw[index].start):
            continue
        if {first.kind, second.kind} & {"country", "admin1", "river", "region"}:
            continue
        apart = _quick_km(first.lat, first.lon, second.lat, second.lon)
        if apart <= PAIR_KM or (first.country == second.country and apart <= ROAD_PAIR_KM):
            continue  # (two towns of one country a road's stretch apart: "between Gao and Ansongo", 90 km)
        # the doubtful one is far from the text's other places, else the smaller when both populations are
        # known (GeoNames leaves many towns without one), else the second named; its namesake beside the
        # partner replaces it, if the gazetteer has one
        rest = [p for m, p in enumerate(chosen) if m not in (index, index + 1)]
        alone = [_far_from_all(chosen[k], rest, -1, PAIR_KM) for k in (index, index + 1)]
        # one in a country the text never points to ("between Boni and Hombori" in a Mali story: not Bonn) is the
        # doubtful one
        unpointed = [context is not None and context.evidence > 0 and context.country_share(chosen[k].country) < 0.15
                     for k in (index, index + 1)]
        if alone[0] != alone[1]:
            weak = index if alone[0] else index + 1
        elif unpointed[0] != unpointed[1]:
            weak = index if unpointed[0] else index + 1
        elif first.population and second.population and first.population < second.population:
            weak = index
        else:
            weak = index + 1
        strong = index if weak == index + 1 else index + 1
        partner = chosen[strong]
        near = _namesake_near(raw[weak], partner)
        if near is not None:
            chosen[weak] = near
        else:
            out[weak] = (f"named beside {raw[strong].written}, but the only {raw[weak].written} known lies "
                         f"{_quick_km(chosen[weak].lat, chosen[weak].lon, partner.lat, partner.lon):.0f} km from it")
    return out


def _namesake_near(item: _Raw, partner: Any) -> Any | None:
    """The first of ``item``'s candidates within PAIR_KM of ``partner``, or None."""
    return next((p for p, _ in item.candidates if _quick_km(p.lat, p.lon, partner.lat, partner.lon) <= PAIR_KM), None)


def _near_town(text: str, raw: list[_Raw], chosen: list[Any]) -> dict[int, str]:
    """"El Aguaje, a town in the municipality of Aguililla", "Kalma, a village near Nyala": the place lies by
    the town named after it. A choice more than PAIR_KM away takes its namesake beside the town, or none
    (index → why; the name is then an unlisted place the town stands in for). A city is not second-guessed."""
    out: dict[int, str] = {}
    for index in range(len(raw) - 1):
        place, town = chosen[index], chosen[index + 1]
        if place is None or town is None or {place.kind, town.kind} & {"country", "admin1", "admin2", "river",
                                                                       "region"}:
            continue
        if not _NEAR_TOWN_GAP_RE.fullmatch(text, raw[index].end, raw[index + 1].start) or (
                all(q < 100 for p, q in raw[index + 1].candidates if p is town)):
            continue
        apart = _quick_km(place.lat, place.lon, town.lat, town.lon)
        if apart <= PAIR_KM or place.kind == "city" or (place.population or 0) >= 50_000:
            continue
        near = _namesake_near(raw[index], town)
        if near is not None:
            chosen[index] = near
        else:
            out[index] = (f"the text puts it by {raw[index + 1].written}, but the only {raw[index].written} known "
                          f"lies {apart:.0f} km from it")
    return out


def _quarters_of(text: str, raw: list[_Raw], chosen: list[Any], context: DocumentContext | None = None
                 ) -> dict[int, str]:
    """"the Thawra neighbourhood of Taiz": a quarter of the city named after it, not a namesake town far away
    (index → why; the quarter is then an unlisted name the city places)."""
    out: dict[int, str] = {}
    for index in range(len(raw) - 1):
        quarter, city = chosen[index], chosen[index + 1]
        if quarter is not None and city is not None and context is not None and quarter.kind == "city" and (
                quarter.country != city.country) and context.country_share(quarter.country) > 0.5 > (
                context.country_share(city.country)) and _QUARTER_OF_GAP_RE.fullmatch(
                text, raw[index].end, raw[index + 1].start) and "neighbo" in text[raw[index].end : raw[index + 1].start]:
            # "the Port-au-Prince neighborhood of Brooklyn": the city first, its quarter after (not New York's)
            out[index + 1] = f"a quarter of {raw[index].written}, not {city.name} ({city.country_name})"
            continue
        if quarter is None or city is None or not (city.kind == "city" or (
                city.kind == "town" and (city.population or 0) >= 100_000)):
            continue  # only cities have quarters ("Pulwama district of Kashmir" is no quarter)
        if not _QUARTER_OF_GAP_RE.fullmatch(text, raw[index].end, raw[index + 1].start):
            continue
        if _DISTRICT_AFTER_RE.match(text, raw[index + 1].end) and quarter.country == city.country and (
                _quick_km(quarter.lat, quarter.lon, city.lat, city.lon) <= DISTRICT_KM):
            continue  # "the Kulachi area of Dera Ismail Khan district": a town of the district named after the city
        apart = _quick_km(quarter.lat, quarter.lon, city.lat, city.lon)
        if apart <= SEAT_OF_DISTRICT_KM and quarter.country == city.country and quarter.admin1 == city.admin1 and (
                "district" in text[raw[index].end : raw[index + 1].start].lower()):
            continue  # "the dam in Çilaxa district of Qamişlo": a town whose sub-district the city's region holds
        if apart > QUARTER_KM:
            out[index] = f"a quarter of {raw[index + 1].written}, not {quarter.name} ({quarter.country_name})"
    for index, item in enumerate(raw):
        # "stray bullets in the Nanga and Xinavane neighbourhoods" of the town the story is in: a quarter of it,
        # not the namesake town 2,000 km away
        quarter = chosen[index]
        if quarter is None or index in out or item.cue_after not in _QUARTER_CUES or _OF_AFTER_CUE_RE.match(
                text, item.end) or _COUNTED_BEFORE_RE.search(text, max(0, item.start - 12), item.start):
            continue  # ("three Kharkiv neighborhoods": quarters of the city named, counted)
        town = next((k for k in range(index - 1, -1, -1) if chosen[k] is not None and chosen[k].kind in SETTLEMENT_KINDS
                     and item.start - raw[k].end <= 1500 and chosen[k].id != quarter.id), None)
        if town is not None and _quick_km(quarter.lat, quarter.lon, chosen[town].lat, chosen[town].lon) > DISTRICT_KM:
            out[index] = f"a quarter of the town the text is about ({raw[town].written}), not {quarter.name}"
    return out


_QUARTER_CUES = frozenset({"neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "quarter", "quarters"})
_OF_AFTER_CUE_RE = re.compile(r"\s*\w+\s+of\b")
#: A count before a city's name and its quarters ("three Kharkiv neighborhoods", "several Gaza neighbourhoods").
_COUNTED_BEFORE_RE = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many|some|multiple|"
                                r"various|other|all|most|\d+)\s+$", re.IGNORECASE)


def _keep_owned(text: str, raw: list[_Raw], countries: list[CountryMention], rejected: list[Rejected] | None) -> None:
    """"Iraq's Kurdistan region", "the Somali town of X": a name its country owns keeps only that country's
    places; without any it is dropped from ``raw`` (a list of the caller's own, changed in place)."""
    owners = sorted((c.end, c.code) for c in countries if c.start >= 0 and c.kind != "actor")
    ends = [end for end, _ in owners]
    for position, item in enumerate(raw):
        index = bisect_left(ends, item.start) - 1
        if index < 0 or item.start - ends[index] > 60:
            continue
        end, code = owners[index]
        if all(p.country == code for p, _ in item.candidates) or not _OWNER_GAP_RE.fullmatch(text, end, item.start):
            continue
        raw[position] = replace(item, candidates=[c for c in item.candidates if c[0].country == code])
        if not raw[position].candidates and rejected is not None:
            rejected.append(Rejected(item.start, item.end, item.written, f"the text puts it in {_country_name(code)}, "
                                     "where no place of that name is known"))
    raw[:] = [item for item in raw if item.candidates]


#: How close a place across a border must lie to a place the text names to count as its neighbour.
_ACROSS_BORDER_KM = 25.0


#: Most kilometres between a place spelt only loosely and the one the text puts it in ("X in Aleppo countryside").
_TOLD_IN_KM = 500.0
#: The gap of "X in Y", "X near the Y": Y is where X lies.
TOLD_IN_GAP_RE = re.compile(r"\s+(?:in|near|outside)\s+(?:the\s+)?(?:[a-z-]+\s+)?")


def _told_in(text: str, raw: list[Any], chosen: list[Any], index: int) -> Any:
    """The place the text puts ``raw[index]`` in or near, written right after it ("the town of X in Aleppo
    western countryside", "X near Mosul"), or None."""
    if index + 1 >= len(raw) or chosen[index + 1] is None or chosen[index + 1].kind not in SETTLEMENT_KINDS:
        return None
    following = raw[index + 1]
    return chosen[index + 1] if TOLD_IN_GAP_RE.fullmatch(text, raw[index].end, following.start) else None


#: Between a province named with its kind word and a place of its own sentence told to lie in it.
_PROVINCE_THEN_PLACE_RE = re.compile(r"[^.;!?\n]{0,60}?\b(?:specifically\s+|namely\s+|precisely\s+)(?:in|at)\s+(?:the\s+)?$")


def _province_told_before(text: str, raw: list[Any], chosen: list[Any], index: int) -> Any:
    """The province a sentence names ("in the Apure state") right before telling where in it ("…, specifically
    in La Victoria"), or None."""
    place = chosen[index]
    if index == 0 or place is None or place.kind not in SETTLEMENT_KINDS or len(raw[index].candidates) < 2:
        return None
    for k in range(index - 1, max(-1, index - 4), -1):
        province = chosen[k]
        if province is not None and province.kind in ("admin1", "admin2") and raw[k].cue_after in _ADMIN_CUES and (
                _PROVINCE_THEN_PLACE_RE.fullmatch(text, raw[k].end, raw[index].start)):
            return province
    return None


def _other_name_of_a_unit(place: Any, item: Any) -> bool:
    """True when a town is called by a wholly different name (not a spelling of its own) that is the own name of a
    province among the candidates ("Sulu" for Jolo beside Sulu province; not "Taiz" for Ta‘izz)."""
    written, own = _fold(item.written), _fold(place.name)
    if written == own or OSA.normalized_similarity(written, own) >= 0.5:
        return False
    return any(other.kind in ("admin1", "admin2") and _fold(other.name) == written and other.country == place.country
               for other, q in item.candidates if q >= 100)


def _far_from_all(place: Any, chosen: list[Any], index: int, km: float) -> bool:
    """True when every other point place chosen in the text lies more than ``km`` away (or there is none)."""
    return all(_quick_km(place.lat, place.lon, p.lat, p.lon) > km for k, p in enumerate(chosen)
               if k != index and p is not None and p.id != place.id
               and p.kind not in ("country", "admin1", "river", "region"))


def _country_name(code: str) -> str:
    from geo_events.gazetteer.sources import countries

    return str(countries().get(code, {}).get("name") or code)


@lru_cache(maxsize=512)
def neighbours(code: str) -> tuple[str, ...]:
    """ISO2 codes of the countries bordering ``code`` (GeoNames country info)."""
    from geo_events.gazetteer.sources import countries

    return tuple(n for n in str(countries().get(code, {}).get("neighbours") or "").split(",") if n)


@lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    from geo_events.gazetteer import normalize

    folded = normalize(name)
    return re.sub(r"\s+(?:governorate|province|oblast|state|region|prefecture|county)$", "", folded)


#: What a place loses when the text has already named it by a wholly other name.
RENAMED_PENALTY = 4.0


def _other_name(first: str, second: str) -> bool:
    """True for two names that are no spellings of one another ("Nikopol", "Sloviansk"; not "Deir ez-Zor",
    "Deir Ezzor" nor "Kiev", "Kyiv")."""
    return fuzz.ratio(_fold(first), _fold(second)) < 30


def _score(candidate: tuple[Any, float], item: _Raw, context: DocumentContext, anchors: list[Any],
           share: Any = None) -> float:
    place, quality = candidate
    kind = place.kind
    score = 4.0 * (share(place.country, quality >= 100) if share is not None else
                   context.country_share(place.country, across_border=quality >= 100))
    if place.admin1 and kind != "admin1" and context.admin1s.get((place.country, _fold(place.admin1))):
        score += 3.0
    if anchors and kind not in ("country", "admin1", "river", "region"):
        lat, lon = math.radians(place.lat), math.radians(place.lon)
        nearest = min(math.hypot((math.radians(a.lon) - lon) * math.cos((lat + math.radians(a.lat)) / 2),
                                 math.radians(a.lat) - lat) for a in anchors) * 6371.0
        score += 2.5 if nearest < 40 else 1.5 if nearest < 120 else 0.5 if nearest < 300 else 0.0
    population = place.population
    if not population and kind in ("town", "city"):
        population = _SEAT_POPULATION  # GeoNames gives many seats no population: not a hamlet
    score += 0.6 * math.log10((population or 0) + 1)
    if quality >= 100 and kind in SETTLEMENT_KINDS and _fold(place.name) != _fold(item.written) and any(
            other.kind == "country" and _fold(other.name) == _fold(item.written) for other, q in item.candidates):
        score -= 4.0  # "violence in Mexico": the country, not Mexico City, which GeoNames also calls so
    if quality >= 100 and kind in SETTLEMENT_KINDS and _other_name_of_a_unit(place, item):
        score -= 4.0  # "an encounter in Sulu": the province of that name, not Jolo, its seat, which it also names
    if quality >= 100 and _other_name(place.name, item.written) and any(
            q >= 100 and other is not place and _fold(other.name) == _fold(item.written) for other, q in item.candidates):
        score -= 3.0  # "Pokrovsk" is the town of that name, not Engels, which GeoNames also knows by its old name
    if quality >= 100 and _fold(place.name) == _fold(item.written):
        score += 0.5  # named as the place itself, not by one of its variants ("Ras al-Ain" of Ceylanpınar)
    elif quality < 100 and any(q >= 100 for _, q in item.candidates):
        score -= VARIANT_PENALTY  # a name that only sounds like it, beside one spelled as written ("Kauru" is not
        # Kovrov's "Kaurou", however bigger Kovrov is)
    cue = item.cue_after or (item.cue_before if item.cue_before in _ADMIN_OF_WORDS else "")
    if cue == "countryside":  # "Aleppo western countryside", as "the countryside of Aleppo": near the city
        score += 1.5 if kind in SETTLEMENT_KINDS else 0.0
    elif cue in ADMIN2_CUES:  # its seat or a province of that name, as the document's countries say
        score += 1.0 if kind in ("admin2", "region") else 0.5 if kind == "admin1" else 0.0
    elif cue in _ADMIN_CUES:
        score += 5.0 if kind in ("admin1", "admin2", "region") else -2.0
    elif cue in _WATER_CUES:  # "the Bekaa Valley": a valley, else the province named after it
        score += 5.0 if kind in ("river", "region") else 2.0 if kind == "admin1" and cue == "valley" else -2.0
    elif cue in _SETTLEMENT_CUES or item.cue_before in ("town", "village", "city", "villages", "towns"):
        score += 1.5 if kind in SETTLEMENT_KINDS else -1.0
        if kind == "village" and "city" in (cue, item.cue_before) and any(
                other.kind in ("city", "town") and q >= 100 for other, q in item.candidates):
            score -= 6.0  # "the city of Lyman": the town of 20,000, not a village of that name nearer the story
    elif kind == "country":
        score += 6.0 if item.possessive else 2.0  # "in Mexico's southwestern Guerrero state": the country
    elif kind == "admin1":
        # a bare name is the city more often than the province ("Idlib", "Aleppo"); "southern Idlib" is not
        # ("western Mexico", "eastern Niger": the country, not the state named after it)
        score += 6.5 if item.part_of and not any(
            other.kind == "country" and q >= 100 for other, q in item.candidates) else -0.5
    # the name as written, in a country the text names at all, beats a mere spelling variant in the country it
    # names most ("Tyre" in a story about Israeli strikes on Lebanon is not Tirat Karmel)
    named_share = context.country_share(place.country)
    score += (2.0 if kind in ("city", "town") and not item.part_of and (named_share >= 0.2 or (
        named_share > 0 and (place.population or 0) >= 100_000)) else 0.5) if quality >= 100 else 0.0
    score += 1.0 if place.id.startswith("ge:") else 0.0
    return score


def _quick_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km: within 1 % of the great circle at the ranges that matter here (< 300 km)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _lookalike(place: Any, context: DocumentContext, item: _Raw, own: float = 0.0) -> bool:
    """True for a small place in a country only this very name points to (``own``: the evidence it gave)."""
    if place.kind == "admin1" and not item.cue_after and context.evidence > 0 and (
            context.countries.get(place.country, 0.0) <= own):
        return True  # a bare "Shati" in a Gaza story is not Libya's Ash Shati district
    if place.kind in ("village", "town") and (place.population or 0) < 5_000 and not place.id.startswith("ge:") and (
            context.countries.get(place.country, 0.0) <= own) and max(
            (w for c, w in context.countries.items() if c != place.country), default=0.0) >= 0.5:
        return True  # "Kashmir" beside Pulwama is not the village of Cashmere, Washington
    if context.evidence < 1.5:
        return False
    quality = next((q for p, q in item.candidates if p is place), 100.0)
    share = context.country_share(place.country, across_border=quality >= 100)
    if own and share > 0:  # the same share, computed without what this very name contributed
        rest = context.countries.get(place.country, 0.0) - own
        top = max([rest, *(w for c, w in context.countries.items() if c != place.country)])
        if top < 1.5:
            return False  # nothing else in the text points anywhere: the name is all there is
        share = max(0.0, rest / top)
    if share >= 0.15 or place.kind == "country" or (share > 0 and place.id.startswith("ge:")):
        return False

    if share == 0 and context.evidence >= 3 and ((place.population or 0) < 1_000_000 or quality < 100):
        return True  # "Boni" (Niger) is not Bonn: the text never points to Germany
    return (place.population or 0) < 200_000


def _why(place: Any, item: _Raw, context: DocumentContext) -> str:
    parts = [f"{len(item.candidates)} place(s) named '{item.written}'"]
    share = context.country_share(place.country)
    if share:
        parts.append(f"the text points to {place.country_name} ({share:.0%} of its country evidence)")
    if item.cue_after:
        parts.append(f"cue '{item.cue_after}'")
    if place.population:
        parts.append(f"population {place.population:,}")
    return "; ".join(parts)


def find_places(text: str, gazetteer: Any, blocked: list[tuple[int, int]] = (),  # type: ignore[assignment]
                countries: list[CountryMention] | None = None,
                rejected: list[Rejected] | None = None) -> list[PlaceMention]:
    """Return the resolved place mentions of ``text`` in text order (find, then resolve in context)."""
    from geo_events.extract.countries import find_countries

    raw = find_place_candidates(text, gazetteer, blocked, rejected=rejected)
    if countries is None:
        countries = find_countries(text)
    return resolve_places(text, raw, countries, rejected=rejected)


def _near_border_of(province: Any, place: Any) -> bool:
    """True for a settlement of the province's country inside the box of the province's towns: GeoNames gives
    border towns the neighbouring province now and then (Sarmada, Idlib, is filed under Aleppo)."""
    box = getattr(province, "bbox", None)
    return bool(box) and province.kind == "admin1" and place.country == province.country and (
        place.kind in SETTLEMENT_KINDS) and box[0] <= place.lon <= box[2] and box[1] <= place.lat <= box[3]


def contains(outer: Any, inner: Any) -> bool:
    """True when ``outer`` is (or is named like) the province or country ``inner`` lies in ("X in Idlib")."""
    if outer is inner or outer.id == inner.id:
        return False
    if outer.kind == "country":
        return outer.country == inner.country
    if outer.kind == "admin2":  # a province below admin-1 has only its seat's point: towns near it are in it
        return outer.country == inner.country and KIND_RANK.get(inner.kind, 0) < 2 and haversine_km(
            outer.lat, outer.lon, inner.lat, inner.lon) <= ADMIN2_REACH_KM
    if inner.kind in ("admin1", "country"):
        return False  # a town named like its province ("Baghlan district of Baghlan province") does not contain it
    if not inner.admin1 or outer.country != inner.country:
        return False
    admin = _fold(inner.admin1)
    return _fold(outer.admin1 or "") == admin if outer.kind == "admin1" else _fold(outer.name) == admin
