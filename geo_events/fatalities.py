"""Fatality figures from attributed claims, by conservative ACLED/UCDP rules.

The rule (documented in docs/data-model.md):

* only ``killed`` claims count; wounded, captured and mixed "dead and wounded" claims never do;
* each claim's point value is its lower bound ("at least 100", "more than 100" → 100), or its upper
  bound when only that is given ("as many as 100", "up to 100" → 100);
* ``best`` is the lowest point value among claims with a specific number, falling back to vague
  quantifiers ("dozens" → 12, "scores" → 40) only when no claim gives a number — conservative like ACLED;
* ``low`` is the lowest point value of any killed claim, ``high`` the highest bound of any killed claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class _ClaimLike(Protocol):
    kind: str
    low: int | None
    high: int | None
    vague: bool


def claim_point(claim: _ClaimLike) -> int | None:
    """Return the single number a claim stands for (its lower bound, else its upper bound)."""
    if claim.low is not None:
        return claim.low
    return claim.high


def fatality_range(claims: Iterable[_ClaimLike]) -> tuple[int, int, int]:
    """Return ``(best, low, high)`` fatalities from the killed claims; ``(0, 0, 0)`` when there are none."""
    killed = [c for c in claims if c.kind == "killed" and claim_point(c) is not None]
    if not killed:
        return 0, 0, 0
    specific = [c for c in killed if not c.vague] or killed
    best = min(claim_point(c) for c in specific)  # type: ignore[type-var]
    low = min(claim_point(c) for c in killed)  # type: ignore[type-var]
    high = max(max(v for v in (c.low, c.high) if v is not None) for c in killed)
    low = min(low, best)
    high = max(high, best)
    return int(best), int(low), int(high)
