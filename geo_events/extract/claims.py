"""Casualty claims: who says how many were killed, wounded or captured, in one sentence.

A quantity (see :mod:`geo_events.extract.numbers`) becomes a claim when a casualty word is close to it
in the same clause ("killed at least 100 fighters", "over 100 … had been killed", "25 wounded",
"dozens of dead and wounded"). Its kind is ``killed`` / ``wounded`` / ``captured``, or ``other`` when
dead and wounded are counted together ("casualties", "dead and wounded").

The claimant is whoever the sentence attributes the statement to: "X cited Y as saying" (Y, detail
"cited by X"), "Y told AFP" (Y, "quoted by AFP"), "according to Y", "Y said/claimed/reported …" or
"…, said Y". Without attribution the outlet itself is the claimant. Claimant phrases are normalised
("a United States official" → "US official", "Syrian state television" → "Syrian state media").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo_events.extract.matcher import PrefixScanner
from geo_events.extract.numbers import Quantity, find_quantities
from geo_events.extract.text import Sentence

_KILLED = (r"killed|kill|kills|killing|dead|died|die|deaths|death\s+toll|lost\s+their\s+lives|fatalities"
           r"|bodies|slain|massacred|executed|perished|death|toll|lives|martyred|embraced\s+martyrdom")
_WOUNDED = r"wounded|wounding|wounds|injured|injuring|injuries|injury|hurt|maimed"
_CAPTURED = r"captured|capturing|taken\s+prisoner|taken\s+captive|abducted|kidnapped|held\s+captive|prisoners"
_OTHER = r"casualties|casualty|dead\s+and\s+wounded|dead\s+or\s+wounded|killed\s+or\s+wounded|killed\s+and\s+injured" \
         r"|killed\s+and\s+wounded|dead\s+and\s+injured|killed\s+or\s+injured"
CASUALTY_RE = re.compile(
    rf"\b(?:(?P<other>{_OTHER})|(?P<killed>{_KILLED})|(?P<wounded>{_WOUNDED})|(?P<captured>{_CAPTURED}))\b",
    re.IGNORECASE,
)
_CASUALTY_LOWER_RE = re.compile(CASUALTY_RE.pattern)
CASUALTY_SCANNER = PrefixScanner(_CASUALTY_LOWER_RE, (
    "casualt", "dead", "kill", "died", "die", "death", "lost", "fatalit", "bodies", "slain", "massacr", "execut",
    "perish", "toll", "lives", "martyr", "embrac", "wound", "injur", "hurt", "maim", "captur", "taken", "abduct", "kidnap", "held",
    "prisoner"))
_NOT_PEOPLE_RE = re.compile(
    r"^\s*(?:%|percent|per\s+cent|km|kilomet|kilometres|miles?\b|metres|meters|years?\b|months?\b|weeks?\b|days?\b"
    r"|hours?\b|minutes?\b|dollars|\$|million|billion|tons|tonnes|times|rockets|missiles|shells|drones|tanks"
    r"|vehicles|trucks|buildings|homes|houses|villages|towns|kg|am\b|pm\b|a\.m|p\.m|o'clock|th\b|st\b|nd\b"
    r"|rd\b|-year|year-old|aircraft|jets|planes|(?:of\s+)?(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)",
    re.IGNORECASE,
)
_MONTH_BEFORE_RE = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november"
                              r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$", re.IGNORECASE)
_ATTRIB_VERBS = (r"said|says|say|told|claimed|claims|claim|reported|reports|stated|announced|added|estimated"
                 r"|confirmed|declared|acknowledged|insisted|alleged|tweeted|wrote|noted|put|counted|documented")
_CITED_RE = re.compile(
    r"(?P<by>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:later\s+|also\s+)?(?:cited|quoted)\s+"
    r"(?P<who>[^,;\"“”]{2,80}?)\s+as\s+saying", re.UNICODE)
_TOLD_RE = re.compile(
    r"(?P<who>(?:\b[\w.'’-]+\s+){0,6}?[\w.'’-]+)\s+told\s+(?P<to>AFP|Reuters|AP|the\s+Associated\s+Press|"
    r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})")
_ACCORDING_RE = re.compile(r"according\s+to\s+(?P<who>[^,;.\"“”]{2,80})", re.IGNORECASE)
_SUBJECT_VERB_RE = re.compile(rf"(?P<who>(?:\b[\w.'’&(),-]+\s+){{0,12}}?[\w.'’&(),-]+)\s+(?:has\s+|had\s+|have\s+|later\s+|also\s+)?"
                              rf"(?P<verb>{_ATTRIB_VERBS})\b")
_VERB_SUBJECT_RE = re.compile(rf"[,\"”]\s*(?:{_ATTRIB_VERBS})\s+(?P<who>[^,;.\"“”]{{2,80}})")
_PRONOUNS = frozenset(["i", "we", "he", "she", "it", "they", "you", "this", "that", "which", "who", "one", "there", "what"])
_DROP_WORDS = frozenset(["a", "an", "the", "one", "two", "three", "another", "senior", "local", "its", "their", "his", "her", "later", "also", "spokesman", "spokesperson", "statement"])
_CLAIMANT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), name)
    for pattern, name in (
        (r"coalition", "US-led coalition"),
        (r"\b(?:sana|syrian\s+(?:arab\s+)?news\s+agency|syrian\s+state|state[- ]run\s+syrian|syrian\s+(?:tv|television))",
         "Syrian state media"),
        (r"\bstate\s+(?:media|television|tv|news\s+agency|broadcaster)\b", "state media"),
        (r"(?:russian|russia'?s?)\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|military)", "Russian defence ministry"),
        (r"(?:turkish|turkey'?s?)\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e)", "Turkish defence ministry"),
        (r"(?:iraqi|iraq'?s?)\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)", "Iraqi defence ministry"),
        (r"(?:syrian|syria'?s?)\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)", "Syrian defence ministry"),
        (r"(?:israeli|israel'?s?)\s+(?:military|army|defen[cs]e\s+forces)|\bidf\b", "Israeli military"),
        (r"syrian\s+observatory|observatory|\bsohr\b", "Syrian Observatory for Human Rights"),
        (r"(?:u\.?s\.?|united\s+states|american|pentagon)\s+(?:defen[cs]e\s+|military\s+|army\s+)official", "US military official"),
        (r"(?:u\.?s\.?|united\s+states|american)\s+officials?", "US official"),
        (r"white\s+helmets|civil\s+defen[cs]e", "Syria Civil Defence (White Helmets)"),
        (r"\bsdf\b|syrian\s+democratic\s+forces", "Syrian Democratic Forces"),
        (r"activists?", "activists"),
        (r"\b(?:medics?|medical\s+(?:sources?|officials?|staff)|doctors?|hospital|health\s+(?:ministry|officials?|authorities))\b",
         "medical sources"),
        (r"\b(?:residents?|witness(?:es)?|locals|villagers)\b", "residents / witnesses"),
    )
)


_SINGLE_VICTIM_RE = re.compile(
    r"\b(?:a|an)\s+(?:(?:young|local|elderly|teenage|pregnant|female|male|\d+-year-old)\s+)?"
    r"(?:civilian|child|man|woman|boy|girl|soldier|fighter|farmer|shepherd|policeman|police\s+officer|officer"
    r"|journalist|doctor|nurse|teacher|student|worker|driver|member|person|militant|commander|resident|refugee)\b",
    re.IGNORECASE,
)
_SOURCE_NOUN_RE = re.compile(r"\b(?:monitor|officials?|sources?|activists?|police|ministry|agency|medics|residents"
                             r"|spokes(?:man|woman|person)|commanders?)\b", re.IGNORECASE)
_GROUP_NOUNS = frozenset(["group", "alliance", "militia", "force", "forces", "movement", "organisation", "organization", "army"])
#: Placeholder claimant for "the group said": resolved to the last actor named before it.
COREFERENCE = "<coreference>"
#: Placeholder claimant for "it said" / "he told": resolved from the sentence before.
PRONOUN = "<pronoun>"
_SPEAKING_PRONOUN_RE = re.compile(rf"^(?:it|he|she|they)\s+(?:also\s+|later\s+)?(?:{_ATTRIB_VERBS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundClaim:
    """A claim found in one sentence, before it is tied to a source id."""

    claimant: str
    kind: str
    low: int | None
    high: int | None
    vague: bool
    detail: str | None
    start: int
    end: int


def _kind_of(match: re.Match[str]) -> str:
    for kind in ("other", "killed", "wounded", "captured"):
        if match.group(kind):
            return kind
    return "other"


def _words_between(text: str) -> int:
    return len(text.split())


def find_claims(
    text: str,
    sentence: Sentence,
    outlet: str,
    actor_names: dict[str, str],
    previous: Sentence | None = None,
) -> list[FoundClaim]:
    """Return the casualty claims of one sentence.

    Parameters
    ----------
    text : str
        The prepared article text (offsets are into it).
    sentence : Sentence
        The sentence to read.
    outlet : str
        Claimant used when the sentence attributes the figure to nobody (the publisher).
    actor_names : dict
        Folded actor alias → canonical name, used to normalise claimants such as "Russia".
    previous : Sentence, optional
        The sentence before: "It said 23 died" takes its claimant from there.
    """
    body = sentence.text
    words = CASUALTY_RE.search(body)
    if words is None:
        return []
    casualty_words = list(CASUALTY_RE.finditer(body))
    quantities = [q for q in find_quantities(body) if _is_people_count(body, q)]
    singles = [Quantity(m.start(), m.end(), 1, 1, False, m.group(0)) for m in _SINGLE_VICTIM_RE.finditer(body)
               if not any(q.start <= m.start() < q.end for q in quantities)]
    if singles:
        quantities = sorted([*quantities, *singles], key=lambda q: q.start)
    claims: list[FoundClaim] = []
    attribution: tuple[str, str | None] | None = None
    used_words: set[int] = set()
    previous_end = -1
    for index, quantity in enumerate(quantities):
        match = _nearest_casualty_word(body, quantity, casualty_words, quantities, index)
        if match is None:
            if (claims and previous_end >= 0 and _ENUMERATION_RE.match(body[previous_end : quantity.start])
                    and not _SPEECH_AFTER_RE.match(body[quantity.end : quantity.end + 60])):
                claims[-1] = _add_to(claims[-1], quantity, sentence.start)  # "a woman and two children"
                previous_end = quantity.end
            continue
        previous_end = quantity.end
        kind = _kind_of(match)
        if kind != "other" and _mixed_after(body, match):
            kind = "other"
        used_words.add(match.start())
        if attribution is None:
            attribution = attribute(body, outlet, actor_names)
            if attribution[0] == PRONOUN:
                earlier = attribute(previous.text, outlet, actor_names) if previous is not None else (outlet, None)
                attribution = (outlet if earlier[0] == PRONOUN else earlier[0], attribution[1])
        claimant, detail = attribution
        if kind == "other":
            detail = "; ".join(d for d in (detail, "dead and wounded together") if d)
        span_start = sentence.start + min(quantity.start, match.start())
        span_end = sentence.start + max(quantity.end, match.end())
        claims.append(FoundClaim(claimant, kind, quantity.low, quantity.high, quantity.vague, detail,
                                 span_start, span_end))
    return claims


_ENUMERATION_RE = re.compile(r"^(?:\s+(?:[\w-]+\s+)?[\w-]+)?(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+)$")


_SPEECH_AFTER_RE = re.compile(rf"^(?:\s+[\w'’-]+){{0,6}}?\s+(?:{_ATTRIB_VERBS})\b", re.IGNORECASE)


def _add_to(claim: FoundClaim, quantity: Quantity, offset: int) -> FoundClaim:
    """Add an enumerated count to the claim before it ("killing three soldiers and two civilians")."""
    if claim.vague or quantity.vague or claim.low is None or claim.low != claim.high or quantity.low != quantity.high:
        return claim
    total = claim.low + (quantity.low or 0)
    return FoundClaim(claim.claimant, claim.kind, total, total, False, claim.detail, claim.start,
                      max(claim.end, offset + quantity.end))


def _is_people_count(body: str, quantity: Quantity) -> bool:
    after = body[quantity.end : quantity.end + 24]
    if _NOT_PEOPLE_RE.match(after):
        return False
    before = body[max(0, quantity.start - 12) : quantity.start].lower().rstrip()
    if before.endswith(("$", "aged", "age", "no.", "number", "resolution", "route", "highway", "unit")):
        return False
    if _MONTH_BEFORE_RE.search(before):
        return False  # "February 24, 2018"
    value = quantity.value
    if 1900 <= value <= 2100 and quantity.low == quantity.high and not quantity.vague:
        return False  # a year
    if quantity.text.strip().lower() in ("one",) and re.match(r"\s+of\b", after):
        return False
    return True


def _nearest_casualty_word(
    body: str, quantity: Quantity, words: list[re.Match[str]], quantities: list[Quantity], index: int
) -> re.Match[str] | None:
    best: tuple[int, re.Match[str]] | None = None
    previous_end = quantities[index - 1].end if index else 0
    next_start = quantities[index + 1].start if index + 1 < len(quantities) else len(body)
    for word in words:
        if word.start() >= quantity.end:
            gap_text = body[quantity.end : word.start()]
            if word.start() > next_start or re.search(r"[;:]|\bbut\b|\bwhile\b", gap_text):
                continue
            gap = _words_between(gap_text)
            limit = 7
        elif word.end() <= quantity.start:
            gap_text = body[word.end() : quantity.start]
            if word.end() < previous_end or re.search(r"[;:,.]|\bbut\b|\band\b", gap_text):
                continue
            gap = _words_between(gap_text)
            limit = 4
        else:
            continue
        if gap <= limit and (best is None or gap < best[0]):
            best = (gap, word)
    return best[1] if best else None


def _mixed_after(body: str, match: re.Match[str]) -> bool:
    """True for "dead and wounded" style pairs written around a quantity ("dozens of dead and wounded")."""
    return bool(re.match(r"\s+(?:and|or)\s+(?:wounded|injured)\b", body[match.end() : match.end() + 16], re.IGNORECASE))


def attribute(body: str, outlet: str, actor_names: dict[str, str]) -> tuple[str, str | None]:
    """Return ``(claimant, detail)`` for a sentence (the outlet when nobody is quoted).

    "The group said" is resolved to the last actor named before it in the sentence (else the outlet).
    """
    claimant, detail = _attribute(body, outlet, actor_names)
    if claimant == outlet and _SPEAKING_PRONOUN_RE.search(body.lstrip("\"“ ")):
        return PRONOUN, detail
    if claimant == COREFERENCE:
        claimant = _last_actor(body, actor_names) or outlet
    return claimant, detail


def _last_actor(body: str, actor_names: dict[str, str]) -> str | None:
    folded = body.lower().replace("-", " ")
    best: tuple[int, str] | None = None
    for alias, name in actor_names.items():
        if name in ("Civilians", "Protesters") or len(alias) < 2:
            continue
        position = folded.rfind(alias)
        if position >= 0 and (best is None or position > best[0]):
            best = (position, name)
    return best[1] if best else None


def _attribute(body: str, outlet: str, actor_names: dict[str, str]) -> tuple[str, str | None]:
    anonymous = "anonymity" in body.lower() or "anonymous" in body.lower()
    cited = _CITED_RE.search(body)
    if cited:
        details = [f"cited by {cited.group('by').strip()}"]
        if anonymous:
            details.append("anonymous")
        return normalise_claimant(cited.group("who"), actor_names) or outlet, ", ".join(details)
    told = _TOLD_RE.search(body)
    if told:
        who = _last_phrase(told.group("who"))
        claimant = normalise_claimant(who, actor_names)
        if claimant:
            detail = f"quoted by {told.group('to').strip()}"
            return claimant, detail + (", anonymous" if anonymous else "")
    according = _ACCORDING_RE.search(body)
    if according:
        who = re.split(r"\s+(?:who|which|that|whose)\b", according.group("who"), maxsplit=1)[0]
        claimant = normalise_claimant(who, actor_names)
        if claimant:
            return claimant, "anonymous" if anonymous else None
    for match in _SUBJECT_VERB_RE.finditer(body):
        if _inside_quotes(body, match.start("verb")):
            continue
        claimant = _subject_claimant(match.group("who"), actor_names)
        if claimant:
            return claimant, "anonymous" if anonymous else None
    inverted = _VERB_SUBJECT_RE.search(body)
    if inverted:
        claimant = normalise_claimant(inverted.group("who"), actor_names)
        if claimant:
            return claimant, "anonymous" if anonymous else None
    return outlet, None


def _inside_quotes(body: str, offset: int) -> bool:
    before = body[:offset]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    return straight or curly


_KNOWN_CLAIMANTS = frozenset(name for _, name in _CLAIMANT_RULES)
_RELATIVE_CLAUSE_RE = re.compile(r"^(?:which|who|whom|whose|that|where|when|and|or)\b", re.IGNORECASE)


def _subject_claimant(words: str, actor_names: dict[str, str]) -> str | None:
    """Claimant from the words before a speech verb, skipping appositions and relative clauses.

    "The Syrian Observatory for Human Rights, a Britain-based war monitor, said" → the Observatory;
    "The SDF, which relies on coalition air strikes, said" → the SDF.
    """
    parts = [p.strip() for p in re.split(r"[\"“”;:()]|\bthat\b|\bwhile\b|\bafter\b|\bas\b|\bbut\b", words)]
    segments = [seg.strip() for seg in (parts[-1] if parts else words).split(",") if seg.strip()]
    fallback = None
    for index, segment in enumerate(reversed(segments[-3:])):
        relative = bool(_RELATIVE_CLAUSE_RE.match(segment))
        if relative:
            continue
        claimant = normalise_claimant(segment, actor_names)
        if claimant is None:
            continue
        if claimant == COREFERENCE:
            if index == 0:
                return COREFERENCE
            continue
        if claimant in _KNOWN_CLAIMANTS or claimant in actor_names.values():
            return claimant
        if index == 0:
            fallback = claimant  # the words right before the verb, e.g. "Colonel Sean Ryan"
    return fallback


def _last_phrase(words: str) -> str:
    """Keep the words after the last clause break (quote, comma, 'that', 'and')."""
    parts = re.split(r"[\"“”,;:()]|\bthat\b|\bwhile\b|\bafter\b|\bas\b|\bbut\b", words)
    return parts[-1].strip() if parts else words


def normalise_claimant(phrase: str, actor_names: dict[str, str]) -> str | None:
    """Return a canonical claimant for a phrase ("a United States official" → "US official"), or None."""
    phrase = re.sub(r"\s+", " ", phrase).strip(" .'\"“”‘’-")
    phrase = re.sub(r"\b(?:on\s+condition\s+of\s+anonymity|in\s+a\s+statement.*|on\s+\w+day.*|later|yesterday|today)$",
                    "", phrase, flags=re.IGNORECASE).strip()
    words = phrase.split()
    while words and words[0].lower() in _DROP_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in ("statement", "spokesman", "spokeswoman", "spokesperson",
                                                   "said", "says", "later", "also"):
        words = words[:-1]
    if not words or len(words) > 9:
        return None
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return None
    if len(words) == 1 and words[0].lower() in _GROUP_NOUNS:
        return COREFERENCE
    if all(w.lower() in _PRONOUNS or w.lower() in _DROP_WORDS for w in words):
        return None
    cleaned = " ".join(words)
    for pattern, name in _CLAIMANT_RULES:
        if pattern.search(cleaned):
            return name
    folded = cleaned.lower().replace("-", " ")
    if folded in actor_names:
        return actor_names[folded]
    if not any(w[:1].isupper() for w in words) and len(words) > 3 and not (
            len(words) <= 6 and _SOURCE_NOUN_RE.search(cleaned)):
        return None  # a lower-case clause, not a named source ("a war monitor and local officials" is one)
    cleaned = re.sub(r"\b(?:United States|U\.S\.)\b", "US", cleaned)
    cleaned = re.sub(r"\bDefense\b", "defence", cleaned)
    return cleaned[:1].upper() + cleaned[1:]
