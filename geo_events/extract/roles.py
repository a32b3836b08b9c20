"""Who did what to whom: attacker (``actor1``) and target (``actor2``) from actor mentions around triggers.

In each sentence that reports violence, an actor mention votes for a role (weighted by the sentence):

* attacker — after "by" / "fire of" / "fire from" ("strikes by the coalition"), or before the first
  trigger word of the sentence when nothing marks it otherwise (the grammatical subject);
* target — after "on", "against", "targeting", a killing verb and an optional number ("killed at least
  100 pro-regime fighters"), or before a passive phrase ("Syrian militias came under fire",
  "… were killed");
* mentions that only name a speaker ("the Russian Defence Ministry said", "a US official") do not vote.

``actor1`` is the top attacker, ``actor2`` the top target other than ``actor1``; actors of the same side
as either with at least a quarter of the winner's votes become ``assoc_actors``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from geo_events.extract.actors import ActorList, ActorMention

_BY_RE = re.compile(r"(?:\bby|\bfire\s+(?:of|from)|\bstrikes\s+by|\bled\s+by)\s+(?:the\s+|a\s+)?(?:\w+\s+)?$",
                    re.IGNORECASE)
_TARGET_BEFORE_RE = re.compile(
    r"(?:\bon|\bagainst|\btargeting|\btargeted|\bat|\bhit|\bhitting|\bkill(?:ed|ing|s)?|\bstruck|\bbomb(?:ed|ing)"
    r"|\battack(?:ed|ing)|\bshell(?:ed|ing)|\bwound(?:ed|ing)|\bambush(?:ed|ing)|\bengaging|\bfighting|\bwith"
    r"|\bpounded|\bsurrounded|\bexecuted|\babducted|\bkidnapped|\barrested|\bdetained)"
    r"\s+(?:(?:at\s+least|more\s+than|over|up\s+to|as\s+many\s+as|some|about|nearly|dozens\s+of|scores\s+of|"
    r"hundreds\s+of)\s+)?(?:[\w,-]+\s+)?(?:of\s+)?(?:the\s+|a\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
_PASSIVE_AFTER_RE = re.compile(
    r"^[\s,)]*(?:(?!and\b)[\w'-]+\s+){0,2}?(?:(?:and\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?)?)(?:came\s+under|come\s+under|were\s+(?:killed|hit|targeted|struck|wounded|bombed|attacked)"
    r"|was\s+(?:hit|targeted|attacked|struck|bombed|ambushed|shelled|raided|overrun|stormed)"
    r"|were\s+(?:ambushed|shelled|raided|overrun)|had\s+been\s+(?:killed|hit|targeted)|suffered|lost"
    # "Somali troops repelled an attack by al-Shabaab": the defender is the target
    r"|repelled|repulsed|thwarted|foiled|fought\s+off|beat\s+back"
    r"|(?:killed|wounded|injured|hurt)\s+(?:by|in|when|as|after|near|during|on|at(?!\s+least))\b)",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?!and\b)[\w-]+\s+){0,2}$", re.IGNORECASE)
_ATTACKER_AFTER_RE = re.compile(
    r"^[\s-]*(?:(?!(?:was|were|is|are|been|being|be|had|has|have|got|came|come)\b)[\w-]+\s+)?(?:air\s*strikes?|strikes?|warplanes|war\s+planes|jets|aircraft|drones?|drone\s+strikes?"
    r"|artillery|shelling|rockets?|missiles?|raids?|bombing|bombers?|helicopters|gunmen|fighters\s+(?:attacked|ambushed|stormed)"
    r"|(?:forces|troops|fighters|militants)\s+(?:struck|attacked|shelled|ambushed|stormed|captured|seized|recaptured|fired|bombed)"
    r"|(?:struck|attacked|shelled|ambushed|stormed|captured|seized|recaptured|fired|bombed|dropped|pounded|launched|hit))\b",
    re.IGNORECASE,
)
_SPEAKER_AFTER_RE = re.compile(
    r"^\s*(?:defen[cs]e\s+ministry|ministry|officials?|spokes(?:man|woman|person)|media|television|tv|"
    r"news\s+agency|statement|embassy|envoy|ambassador|foreign\s+ministry|president|minister|commander"
    r"|government\s+said)\b",
    re.IGNORECASE,
)


#: Sides that many distinct belligerents share (every state's forces are "government"): no exclusion by side.
_SHARED_SIDES = frozenset({"government", "opposition", "opposition-state", "unknown", "communal-militia", "side"})
#: Aliases that are also place names (capitals standing for governments).
_PLACE_ALIASES = frozenset({"Damascus", "Moscow", "Ankara", "Washington", "Tehran", "Baghdad", "Pentagon"})


@dataclass
class RoleVotes:
    """Accumulated attacker / target votes per canonical actor name."""

    attacker: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    target: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    evidence: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))


def vote(
    text: str,
    sentence_start: int,
    sentence_end: int,
    pivots: list[int],
    mentions: list[ActorMention],
    weight: float,
    votes: RoleVotes,
    offset_valid: bool = True,
) -> None:
    """Add the votes of one sentence (``pivots`` are offsets of its trigger / casualty words)."""
    if not pivots:
        return
    first_pivot = min(pivots)
    for mention in mentions:
        if not (sentence_start <= mention.start < sentence_end):
            continue
        after = text[mention.end : mention.end + 60]
        if _SPEAKER_AFTER_RE.match(after) or re.match(r"-(?:held|controlled|run|led)\b", after):
            continue
        before = text[max(sentence_start, mention.start - 60) : mention.start]
        name = mention.actor.name
        if re.search(r",\s*(?:the\s+|a\s+|an\s+)?$", before) and re.match(
                r"\s*(?:(?:also|later)\s+)?(?:said|says|told|reported|claimed|added|announced|stated)\b", after):
            continue  # ", the Manbij Military Council said": the speaker, not a party
        if mention.alias in _PLACE_ALIASES and re.search(r"\b(?:in|near|outside|around|towards|of)\s+$", before):
            continue  # "near Damascus" is a place here, not the government
        if _BY_RE.search(before) or _BETWEEN_RE.search(before) or _ATTACKER_AFTER_RE.match(after):
            role = "attacker"
        elif _PASSIVE_AFTER_RE.match(after) or _TARGET_BEFORE_RE.search(before):
            role = "target"
        elif mention.start < first_pivot:
            role = "attacker"
        elif re.search(r"\bbetween\b[^.;]{0,80}\band\s+(?:the\s+)?(?:[\w-]+\s+)?$", before, re.IGNORECASE):
            role = "target"
        else:
            role = "target"
            weight_here = weight * 0.5
            votes.target[name] += weight_here
            if offset_valid:
                votes.evidence[name].append((mention.start, mention.end))
            continue
        getattr(votes, role)[name] += weight
        if offset_valid:
            votes.evidence[name].append((mention.start, mention.end))


_BLAME_RE = re.compile(r"\b(?:blamed|blames|blaming|accused|accuses|accusing)\b", re.IGNORECASE)


def vote_blame(text: str, start: int, end: int, mentions: list[ActorMention], weight: float, votes: RoleVotes) -> None:
    """"Activists blamed government forces": actors named after a blame verb get a (weaker) attacker vote."""
    blame = _BLAME_RE.search(text, start, end)
    if blame is None:
        return
    for mention in mentions:
        if blame.end() <= mention.start < end and mention.actor.side not in ("civilians", "protesters"):
            votes.attacker[mention.actor.name] += 0.6 * weight


def decide(votes: RoleVotes, actors: ActorList) -> tuple[str | None, str | None, list[str]]:
    """Return ``(actor1, actor2, assoc_actors)`` from the votes (deterministic ties by actor list order)."""

    def ranked(table: dict[str, float], exclude: set[str]) -> list[tuple[str, float]]:
        rows = [(name, score) for name, score in table.items() if name not in exclude and score > 0]
        rows.sort(key=lambda row: (-row[1], actors.rank(row[0])))
        return rows

    attackers = ranked(votes.attacker, set())
    actor1 = attackers[0][0] if attackers else None
    excluded = {actor1} if actor1 else set()
    side = actors.side(actor1) if actor1 else None
    if side and side not in _SHARED_SIDES:
        # "Israeli forces" and "Israeli troops" are one side: its second name is not the target
        excluded |= {name for name in votes.target if actors.side(name) == side}
    targets = ranked(votes.target, excluded)
    actor2 = targets[0][0] if targets else None
    if actor1 is None and actor2 is not None:
        # only a target is known: keep it as actor2 unless a second actor exists
        pass
    assoc: list[str] = []
    for winner, table in ((actor1, votes.attacker), (actor2, votes.target)):
        if winner is None:
            continue
        top = table.get(winner, 0.0)
        for name, score in ranked(table, {actor1 or "", actor2 or ""}):
            if score >= 0.25 * top and actors.side(name) == actors.side(winner) and name not in assoc:
                assoc.append(name)
    return actor1, actor2, assoc[:3]
