"""Statements said again after a correction: the type's own wording, the old sentence with
the changed piece in place, or a plain sentence (sentences in our own words)."""

from types import SimpleNamespace

from app.extraction.restate import needs_restating, restate
from app.extraction.statements import Named

FIELDS = dict(predicate="spent_on", value=None, unit=None, modality=None, value_qualifier=None,
              rank=None, rank_total=None, scope=None, metric=None, quantity=None, item=None,
              period_start=None, period_end=None)  # fmt: skip


def claim(type, statement="", **fields):
    return SimpleNamespace(type=type, statement=statement, **{**FIELDS, **fields})


def test_a_statement_in_the_types_wording_is_worded_again():
    old = claim("spending", "Ruritania spent 4 billion EUR on tanks in 2021.", value=4e9,
                unit="EUR", metric="tanks", period_start=2021, period_end=2021)  # fmt: skip
    new = claim("spending", value=5e9, unit="EUR", metric="tanks", period_start=2021,
                period_end=2022, modality="planned")  # fmt: skip
    said = restate(old, Named("Ruritania"), new, Named("Ruritania"))
    assert said == "Ruritania plans to spend 5 billion EUR on tanks in 2021–2022."


def test_an_appointment_names_the_new_post_and_predecessor():
    old = claim("appointment", "Jan Novak was appointed Chief of Staff.", predicate="appointed")
    new = claim("appointment", predicate="appointed")
    said = restate(old, Named("Jan Novak", "Chief of Staff"), new,
                   Named("Jan Novak", "Chief of the Navy", replaces="Ola Berg"))  # fmt: skip
    assert said == "Jan Novak was appointed Chief of the Navy, replacing Ola Berg."


def test_a_curated_sentence_keeps_its_words_around_the_changed_piece():
    old = claim("ranking", "Freedonia came 12th of 40 nations in the Harbour Index 2019.",
                predicate="ranked_in", rank=12, rank_total=40, period_start=2019,
                period_end=2019)  # fmt: skip
    new = claim("ranking", predicate="ranked_in", rank=11, rank_total=40, period_start=2019,
                period_end=2019)  # fmt: skip
    said = restate(old, Named("Freedonia"), new, Named("Sylvania"))
    assert said == "Sylvania came 11th of 40 nations in the Harbour Index 2019."


def test_a_piece_the_old_sentence_does_not_say_gives_a_plain_sentence():
    old = claim("cooperation", "Freedonia works closely with its neighbours.",
                predicate="cooperates_with")  # fmt: skip
    new = claim("cooperation", predicate="cooperates_with", quantity=12, item="countries",
                period_start=2020, period_end=2020)  # fmt: skip
    said = restate(old, Named("Freedonia"), new, Named("Freedonia"))
    assert said == "Freedonia cooperates with (12 countries) in 2020."


def test_a_new_modality_is_never_left_unsaid():
    old = claim("procurement", "Freedonia's navy got two frigates.", predicate="ordered",
                quantity=2, item="frigates")  # fmt: skip
    new = claim("procurement", predicate="ordered", quantity=2, item="frigates",
                modality="proposed")  # fmt: skip
    said = restate(old, Named("Freedonia"), new, Named("Freedonia"))
    assert "proposed" in said and "2 frigates" in said


def test_only_what_a_statement_says_needs_restating():
    assert needs_restating({"value"}) and needs_restating({"subject"})
    assert not needs_restating({"confidence", "review_status", "statement"})
