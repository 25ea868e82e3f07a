"""Unit tests for quote location, slugs and titles, on text beyond the seed article."""

import pytest

from app.extraction.text import (
    QuoteError,
    find_all,
    first_sentence,
    locate_quote,
    slugify,
    title_of,
)

TEXT = "Kazakhstan’s army grew. The army of Kazakhstan is large; armies differ."


def test_locate_quote_gives_python_string_offsets():
    start, end = locate_quote(TEXT, "army of Kazakhstan")
    assert TEXT[start:end] == "army of Kazakhstan"


def test_offsets_count_code_points_not_bytes():
    text = "Ünïcödé – “quoted” Azerbaijan’s 🚀 budget"
    start, end = locate_quote(text, "budget")
    assert (start, end) == (len(text) - 6, len(text))
    assert text[start:end] == "budget"


def test_missing_quote_raises():
    with pytest.raises(QuoteError, match="not found"):
        locate_quote(TEXT, "navy")


def test_ambiguous_quote_raises_unless_an_occurrence_is_given():
    with pytest.raises(QuoteError, match="occurs 2 times"):
        locate_quote(TEXT, "Kazakhstan")
    start, _ = locate_quote(TEXT, "Kazakhstan", occurrence=2)
    assert start == TEXT.rindex("Kazakhstan")
    with pytest.raises(QuoteError, match="not 3"):
        locate_quote(TEXT, "Kazakhstan", occurrence=3)


def test_empty_quote_is_refused():
    with pytest.raises(QuoteError):
        locate_quote(TEXT, "")


def test_find_all_whole_words_only():
    assert find_all(TEXT, "army", whole_word=True) == [13, 28]
    assert len(find_all(TEXT, "arm")) == 3
    assert find_all("NATO-led and NATOs", "NATO", whole_word=True) == [0]


@pytest.mark.parametrize(
    ("value", "slug"),
    [
        ("Defense Ministry of Azerbaijan", "defense-ministry-of-azerbaijan"),
        ("Île-de-France  Région", "ile-de-france-region"),
        ("Office of the OSCE Chairperson-in-Office", "office-of-the-osce-chairperson-in-office"),
        ("2020", "n-2020"),
        ("???", "untitled"),
    ],
)
def test_slugify(value, slug):
    assert slugify(value) == slug


def test_slugify_cuts_at_a_word_boundary():
    assert slugify("word " * 30, max_length=22) == "word-word-word-word"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Azerbaijan is upgrading its units.\n\nMore follows.",
            "Azerbaijan is upgrading its units.",
        ),
        ("Spending rose 5.2% in 2019. Analysts said.", "Spending rose 5.2% in 2019."),
        ("“We are ready,” he said. Then left.", "“We are ready,” he said."),
        ("No full stop at all", "No full stop at all"),
        ("  Leading\nspace and\tbreaks. Rest.", "Leading space and breaks."),
    ],
)
def test_first_sentence(text, title):
    assert first_sentence(text) == title


def test_first_sentence_is_bounded():
    title = first_sentence("word " * 100)
    assert len(title) <= 201 and title.endswith("…")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Chile to buy ten frigates\n\nChile will spend $1bn on ships.",
            "Chile to buy ten frigates",
        ),
        ("\u200b\n Chile to buy ten frigates\nChile will spend.", "Chile to buy ten frigates"),
        ("Chile to buy ten frigates\r\n\r\nChile will spend.", "Chile to buy ten frigates"),
        # A line broken inside a sentence is no headline.
        (
            "Chile will spend $1bn on ships,\nthe navy said. More.",
            "Chile will spend $1bn on ships, the navy said.",
        ),
        ("Chile will spend $1bn on\nships. More.", "Chile will spend $1bn on ships."),
        ("Chile bought ships.\nMore followed.", "Chile bought ships."),
        ("One line and no end", "One line and no end"),
        (" " * 5000 + "Chile bought ships. More.", "Chile bought ships."),
    ],
)
def test_the_title_is_the_headline_else_the_first_sentence(text, title):
    assert title_of(text) == title
