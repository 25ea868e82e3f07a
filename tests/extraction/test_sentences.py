"""Sentence splitting: abbreviations, initials, numbers, quotes, datelines, line breaks.

Every sentence here is made up, one per phrasing class.
"""

import pytest

from app.extraction.document import hard_wrapped, name_tokens, split_sentences, tokenize


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    return [sentence.text for sentence in sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Lt. Gen. Ivan Petrov inspected the base.",
        "President Maria L. Santos signed the order.",
        "The frigate is No. 3 in the class.",
        "The talks began on Jan. 5 in Geneva.",
        "The U.S. Navy sent two ships.",
        "The budget grew by approx. 4 percent.",
        "Troops paraded in St. Petersburg on Sunday.",
        "Spending rose 3.5 percent to $12.7 billion.",
        "Dr. Anna Berg and Mr. Tom Reid spoke.",
        "Officials, e.g. the minister, agreed.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(text):
    assert texts(text) == [text]


def test_sentences_still_end_after_a_dotted_abbreviation_before_an_opener():
    assert texts("Aid came from the U.S. The money arrived in May.") == [
        "Aid came from the U.S.",
        "The money arrived in May.",
    ]


def test_quotes_and_question_marks():
    assert texts("“We are ready,” she said. “Are you?” he asked. Nobody replied!") == [
        "“We are ready,” she said.",
        "“Are you?” he asked.",
        "Nobody replied!",
    ]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("OSLO (Reuters) - Norway will buy ten ships.", "Norway will buy ten ships."),
        ("NEW DELHI, Sept 25 (PTI) — India tested a missile.", "India tested a missile."),
        (
            "Tbilisi, Georgia — Georgian troops joined the drill.",
            "Georgian troops joined the drill.",
        ),
        ("LIMA: Peru signed the deal.", "Peru signed the deal."),
        ("ROME -- Italy raised its budget.", "Italy raised its budget."),
        ("MANILA Oct 2 The Philippines bought jets.", "The Philippines bought jets."),
        ("Leeds [UK], March 3 : England won the match.", "England won the match."),
    ],
)
def test_datelines_are_left_out_of_the_sentence(text, body):
    assert texts(text) == [body]


def test_a_title_case_word_and_a_dash_is_no_dateline():
    assert texts("Norway - a NATO member - will buy ships.") == [
        "Norway - a NATO member - will buy ships."
    ]


def test_date_only_lines_are_no_sentences():
    text = (
        "Tuesday, 4 March 2025\n\n12 May 2024 09:15 (UTC+02:00)\n\nLIMA, Oct. 3, Xinhua\n\n"
        "Chile bought ships."
    )
    assert texts(text) == ["Chile bought ships."]


def test_lines_without_a_full_stop_end_at_the_line_break():
    text = "Chile to buy frigates\nChile will buy four frigates.\n- on May 2, it said so.\n- more"
    assert texts(text) == [
        "Chile to buy frigates",
        "Chile will buy four frigates.",
        "- on May 2, it said so.",
        "- more",
    ]


def test_a_line_that_ends_in_a_function_word_goes_on():
    assert texts("The order went to the\nMinistry of Defence today.") == [
        "The order went to the\nMinistry of Defence today."
    ]


def test_hard_wrapped_copy_reads_line_breaks_as_spaces():
    line = "The navy said on Monday that it had named new commanders for"
    text = "\n".join([line, "its four fleets, while Admiral Jan", "Kowalski will lead the", line,
                      line, "staff college."])  # fmt: skip
    assert hard_wrapped(text)
    assert len(texts(text)) == 1


def test_name_tokens_keep_capitalised_words_numbers_connectors_and_particles():
    text = "the anti-NATO plan of Lula da Silva for 2020 was Norway's"
    assert [t.text for t in name_tokens(text)] == [
        "the", "of", "Lula", "da", "Silva", "for", "2020", "Norway",
    ]  # fmt: skip
    assert [t.text for t in tokenize(text)][:3] == ["the", "anti-NATO", "plan"]
    assert name_tokens(text)[-1].possessive


def test_a_stop_that_lost_its_space_still_ends_the_sentence():
    from app.extraction.document import split_sentences

    text = ("The navy said.The missile flew 400 km.It fell short. Officials in the U.S.Army "
            "office agreed, News.Az reports.")  # fmt: skip
    assert [s.text for s in split_sentences(text)] == [
        "The navy said.", "The missile flew 400 km.", "It fell short.",
        "Officials in the U.S.Army office agreed, News.Az reports.",
    ]  # fmt: skip


def test_a_numbered_list_item_is_one_sentence():
    from app.extraction.document import split_sentences

    assert [s.text for s in split_sentences("Top five:\n\n1. Peru\n\n2 . Chile\n")] == [
        "Top five:", "1. Peru", "2 . Chile",
    ]  # fmt: skip


def test_a_glued_stop_after_an_abbreviation_or_in_a_sites_name_ends_nothing():
    from app.extraction.document import split_sentences

    text = "Maj.Gen.Ana Reyes spoke. Shares of Amazon.Com rose."
    assert [s.text for s in split_sentences(text)] == [
        "Maj.Gen.Ana Reyes spoke.", "Shares of Amazon.Com rose.",
    ]  # fmt: skip
