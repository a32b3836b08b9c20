"""The ACLED event taxonomy (6 event types, 25 sub-event types) and helpers to validate against it.

Names follow the ACLED Codebook (2023 edition) exactly, so exports compare one-to-one with ACLED data.
"""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TYPES: dict[str, str] = {sub: parent for parent, subs in EVENT_TYPES.items() for sub in subs}

#: ACLED's ``disorder_type`` for each event type.
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence; Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _lookup(value: str, names: list[str] | tuple[str, ...]) -> str | None:
    folded = value.strip().casefold()
    for name in names:
        if name.casefold() == folded:
            return name
    return None


def canonical_event_type(value: str) -> str:
    """Return the canonical spelling of an ACLED event type, or raise ``ValueError``."""
    found = _lookup(value, list(EVENT_TYPES))
    if found is None:
        raise ValueError(f"unknown event_type {value!r}; expected one of: {', '.join(EVENT_TYPES)}")
    return found


def canonical_sub_event_type(value: str, event_type: str | None = None) -> str:
    """Return the canonical spelling of an ACLED sub-event type (checked against ``event_type``)."""
    found = _lookup(value, list(SUB_EVENT_TYPES))
    if found is None:
        raise ValueError(f"unknown sub_event_type {value!r}; expected one of: {', '.join(SUB_EVENT_TYPES)}")
    if event_type is not None and SUB_EVENT_TYPES[found] != event_type:
        raise ValueError(
            f"sub_event_type {found!r} belongs to event_type {SUB_EVENT_TYPES[found]!r}, not {event_type!r}"
        )
    return found
