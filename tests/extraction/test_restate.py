"""Statements said again after a correction: the type's own wording, the old sentence with
the changed piece in place, or a plain sentence (sentences in our own words)."""

from types import SimpleNamespace

from app.extraction.restate import NAME_FIELDS, needs_restating, restate
from app.extraction.statements import Named

FIELDS = dict(predicate="spent_on", value=None, unit=None, modality=None, value_qualifier=None,
              rank=None, rank_total=None, scope=None, metric=None, quantity=None, item=None,
              period_start=None, period_end=None)  # fmt: skip


def claim(type, statement="", **fields):
    return SimpleNamespace(type=type, statement=statement, **{**FIELDS, **fields})


def again(old, old_names: Named, new, new_names: Named) -> str:
    """`restate` told what changed, as the review write tells it."""
    changed = {name for name in FIELDS if getattr(old, name) != getattr(new, name)}
    changed |= {field for name, field in NAME_FIELDS.items()
                if getattr(old_names, name) != getattr(new_names, name)}  # fmt: skip
    return restate(old, old_names, new, new_names, changed)


def test_a_statement_in_the_types_wording_is_worded_again():
    old = claim("spending", "Ruritania spent 4 billion EUR on tanks in 2021.", value=4e9,
                unit="EUR", metric="tanks", period_start=2021, period_end=2021)  # fmt: skip
    new = claim("spending", value=5e9, unit="EUR", metric="tanks", period_start=2021,
                period_end=2022, modality="planned")  # fmt: skip
    said = again(old, Named("Ruritania"), new, Named("Ruritania"))
    assert said == "Ruritania plans to spend 5 billion EUR on tanks in 2021–2022."


def test_an_appointment_names_the_new_post_and_predecessor():
    old = claim("appointment", "Jan Novak was appointed Chief of Staff.", predicate="appointed")
    new = claim("appointment", predicate="appointed")
    said = again(old, Named("Jan Novak", "Chief of Staff"), new,
                   Named("Jan Novak", "Chief of the Navy", replaces="Ola Berg"))  # fmt: skip
    assert said == "Jan Novak was appointed Chief of the Navy, replacing Ola Berg."


def test_a_curated_sentence_keeps_its_words_around_the_changed_piece():
    old = claim("ranking", "Freedonia came 12th of 40 nations in the Harbour Index 2019.",
                predicate="ranked_in", rank=12, rank_total=40, period_start=2019,
                period_end=2019)  # fmt: skip
    new = claim("ranking", predicate="ranked_in", rank=11, rank_total=40, period_start=2019,
                period_end=2019)  # fmt: skip
    said = again(old, Named("Freedonia"), new, Named("Sylvania"))
    assert said == "Sylvania came 11th of 40 nations in the Harbour Index 2019."


def test_a_piece_the_old_sentence_does_not_say_gives_a_plain_sentence():
    old = claim("cooperation", "Freedonia works closely with its neighbours.",
                predicate="cooperates_with")  # fmt: skip
    new = claim("cooperation", predicate="cooperates_with", quantity=12, item="countries",
                period_start=2020, period_end=2020)  # fmt: skip
    said = again(old, Named("Freedonia"), new, Named("Freedonia"))
    assert said == "Freedonia cooperates with (12 countries) in 2020."


def test_a_new_modality_is_never_left_unsaid():
    old = claim("procurement", "Freedonia's navy got two frigates.", predicate="ordered",
                quantity=2, item="frigates")  # fmt: skip
    new = claim("procurement", predicate="ordered", quantity=2, item="frigates",
                modality="proposed")  # fmt: skip
    said = again(old, Named("Freedonia"), new, Named("Freedonia"))
    assert "proposed" in said and "2 frigates" in said


def test_only_what_a_statement_says_needs_restating():
    assert needs_restating({"value"}) and needs_restating({"subject"})
    assert not needs_restating({"confidence", "review_status", "statement"})


def test_a_wording_never_says_a_field_that_was_cleared():
    old = claim("procurement", "Freedonia ordered 4 patrol boats.", predicate="ordered",
                quantity=4, item="patrol boats")  # fmt: skip
    new = claim("procurement", predicate="ordered", quantity=4)
    said = again(old, Named("Freedonia"), new, Named("Freedonia"))
    assert "None" not in said and said.startswith("Freedonia ordered")


def test_cleared_pieces_never_break_or_garble_the_sentence():
    # Found in review: clearing a named object raised (500), and wordings said "None".
    joined = claim("alliance", "Chile became a member of the Pacific Alliance in 2012.",
                   predicate="joined", period_start=2012, period_end=2012)  # fmt: skip
    cleared = claim("alliance", predicate="joined", period_start=2012, period_end=2012)
    said = again(joined, Named("Chile", "Pacific Alliance"), cleared, Named("Chile"))
    assert said == "Chile joined in 2012."
    post = claim("appointment", "Ana Ruiz was appointed Chief of Staff, replacing Leo Paz.",
                 predicate="appointed")  # fmt: skip
    said = again(post, Named("Ana Ruiz", "Chief of Staff", "Leo Paz"), claim("appointment",
                 predicate="appointed"), Named("Ana Ruiz", replaces="Leo Paz"))  # fmt: skip
    assert "None" not in said and "replacing Leo Paz" in said


def test_a_field_the_types_wording_does_not_say_is_said_plainly():
    ranked = claim("ranking", "Freedonia ranked 5th globally in 2020.", predicate="ranked_in",
                   rank=5, scope="global", period_start=2020, period_end=2020)  # fmt: skip
    proposed = claim("ranking", predicate="ranked_in", rank=5, scope="global",
                     period_start=2020, period_end=2020, modality="proposed")  # fmt: skip
    said = again(ranked, Named("Freedonia"), proposed, Named("Freedonia"))
    assert "proposed" in said and "5th" in said
    unranked = claim("ranking", predicate="ranked_in", scope="global", period_start=2020,
                     period_end=2020)  # fmt: skip
    said = again(ranked, Named("Freedonia"), unranked, Named("Freedonia"))
    assert "None" not in said and "in in" not in said
    pact = claim("alliance", "Freedonia joined the Harbour Pact.", predicate="joined")
    scoped = claim("alliance", predicate="joined", scope="Europe")
    said = again(
        pact, Named("Freedonia", "Harbour Pact"), scoped, Named("Freedonia", "Harbour Pact")
    )
    assert "Europe" in said
