"""Wire shapes: what clients send and receive, apart from the storage tables.

Every field has a description and an example drawn from the seed article; the
OpenAPI document is built from these classes.
"""

from app.schemas.params import (
    KEY_DESCRIPTION,
    MAX_ID,
    EntityFilters,
    FactFilters,
    FactSort,
    NoParams,
    PageParams,
)
from app.schemas.problems import Health, Problem, ProblemError, Readiness
from app.schemas.resources import (
    ArticleDetail,
    ArticlePage,
    ArticlePublic,
    EntityDetail,
    EntityPage,
    EntityPublic,
    EntityRef,
    Evidence,
    FactPage,
    FactPublic,
    MentionPublic,
    Page,
    ReviewPage,
    ReviewPublic,
)
from app.schemas.writes import ArticleCreate, ArticleIngested, FactReview

__all__ = [
    "KEY_DESCRIPTION",
    "MAX_ID",
    "ArticleCreate",
    "ArticleDetail",
    "ArticleIngested",
    "ArticlePage",
    "ArticlePublic",
    "EntityDetail",
    "EntityFilters",
    "EntityPage",
    "EntityPublic",
    "EntityRef",
    "Evidence",
    "FactFilters",
    "FactPage",
    "FactPublic",
    "FactReview",
    "FactSort",
    "Health",
    "MentionPublic",
    "NoParams",
    "Page",
    "PageParams",
    "Problem",
    "ProblemError",
    "Readiness",
    "ReviewPage",
    "ReviewPublic",
]
