"""The closed vocabularies of the contract, shared by storage, wire shapes and extraction,
and how a vocabulary is stored (`enum_column_type`)."""

from enum import StrEnum

import sqlalchemy as sa


class EntityType(StrEnum):
    """What kind of thing an entity is."""

    country = "country"
    organization = "organization"
    person = "person"
    place = "place"
    program = "program"
    position = "position"


class FactType(StrEnum):
    """What kind of claim a fact is."""

    ranking = "ranking"
    spending = "spending"
    alliance = "alliance"
    cooperation = "cooperation"
    structure = "structure"
    event = "event"
    mandate = "mandate"
    procurement = "procurement"
    exercise = "exercise"
    appointment = "appointment"


class Modality(StrEnum):
    """Whether a claim is done or to come: `asserted` (it is or happened), `planned` (will,
    plans, is to), `proposed` (requested, proposed, in a draft)."""

    asserted = "asserted"
    planned = "planned"
    proposed = "proposed"


# The kinds of claim that something happens or is done, and so can be done, planned or
# proposed; a ranking, a structure or a mandate states how things are (modality null).
MODAL_FACT_TYPES = frozenset({
    FactType.spending, FactType.procurement, FactType.exercise, FactType.appointment,
    FactType.alliance, FactType.cooperation, FactType.event,
})  # fmt: skip


class ValueQualifier(StrEnum):
    """How exact a fact's value is: `approximate` for "about", `more_than` for "more than", ..."""

    exact = "exact"
    approximate = "approximate"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"


class Origin(StrEnum):
    """Where a fact comes from: `curated` seed annotations or the `extracted` pipeline."""

    curated = "curated"
    extracted = "extracted"


class ReviewStatus(StrEnum):
    """Where a fact stands in human review."""

    unreviewed = "unreviewed"
    accepted = "accepted"
    rejected = "rejected"
    corrected = "corrected"


def enum_column_type(enum: type[StrEnum], name: str) -> sa.Enum:
    """A portable enum: VARCHAR plus a CHECK constraint, never a native PostgreSQL type."""
    return sa.Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum),
        values_callable=lambda members: [member.value for member in members],
    )
