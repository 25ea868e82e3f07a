"""The closed vocabularies of the contract, shared by storage, wire shapes and extraction."""

from enum import StrEnum


class EntityType(StrEnum):
    country = "country"
    organization = "organization"
    person = "person"
    place = "place"
    program = "program"
    position = "position"


class FactType(StrEnum):
    ranking = "ranking"
    spending = "spending"
    alliance = "alliance"
    cooperation = "cooperation"
    structure = "structure"
    event = "event"
    mandate = "mandate"


class ValueQualifier(StrEnum):
    exact = "exact"
    approximate = "approximate"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"


class Origin(StrEnum):
    curated = "curated"
    extracted = "extracted"


class ReviewStatus(StrEnum):
    unreviewed = "unreviewed"
    accepted = "accepted"
    rejected = "rejected"
    corrected = "corrected"
