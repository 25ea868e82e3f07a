"""How often each kind of extracted fact is right, measured on the development corpus:
a fact's `confidence` is this share, so facts at 0.6 are right about 6 times in 10.

Measured with `article-facts evaluate --corpus corpus --split dev --calibration` (which
prints this table anew) on the 44 development articles, 2026-12-01, extractor rules-2:
(right + 1) / (extracted + 2), so a kind seen rarely is not given 0 or 1.
The held-out split is not used here: it checks the calibration.
"""

from app.enums import FactType

CONFIDENCE: dict[FactType, float] = {
    FactType.alliance: 0.25,
    FactType.appointment: 0.75,
    FactType.cooperation: 0.5,
    FactType.event: 0.3,
    FactType.exercise: 0.22,
    FactType.mandate: 0.9,
    FactType.procurement: 0.45,
    FactType.ranking: 0.68,
    FactType.spending: 0.46,
    FactType.structure: 0.67,
}
