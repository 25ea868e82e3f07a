"""How often each kind of extracted fact is right, measured on the development corpus:
a fact's `confidence` is this share, so facts at 0.6 are right about 6 times in 10.

Measured with `article-facts evaluate --corpus corpus --calibration` (which prints this
table anew) on all 102 corpus articles, 2026-12-01, extractor rules-4:
(right + 1) / (extracted + 2), so a kind seen rarely is not given 0 or 1.
The whole corpus, not the development split alone: the rules were written from the
development articles, where they are right 78% of the time, against 49% on the held-out
ones (and 39% and 48% on the two blind rounds, README, Quality); a table from the
development split alone says 0.9 for kinds that are right half the time on text nobody
fitted. Even this one is too high for new text.
"""

from app.enums import FactType

CONFIDENCE: dict[FactType, float] = {
    FactType.alliance: 0.86,
    FactType.appointment: 0.86,
    FactType.cooperation: 0.75,
    FactType.event: 0.7,
    FactType.exercise: 0.55,
    FactType.mandate: 0.91,
    FactType.procurement: 0.7,
    FactType.ranking: 0.76,
    FactType.spending: 0.68,
    FactType.structure: 0.4,
}
