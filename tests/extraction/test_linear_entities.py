"""Sentence splitting and entity finding stay linear on shapes that aim at their patterns:
runs of dots, blanks and line breaks, initials, titles, datelines, names and cue words.
CPU time of the two passes alone, the collector off; four times the text must cost about
four times the time (a quadratic pass costs sixteen)."""

import gc
import time

import pytest

from app.extraction.document import split_sentences
from app.extraction.entities import find_entities

SHAPES = {
    "dots": ".",
    "dot_spaces": ". ",
    "blanks": " \t",
    "line_breaks": "\n",
    "blank_lines": " \n \n",
    "initials": "A. ",
    "titles": "Lt. Gen. ",
    "dotted": "U.S. ",
    "datelines": "MADRID (Reuters) - ",
    "dateline_lines": "OSLO, Norway — Norway\n",
    "date_lines": "Tuesday, 4 March 2025\n",
    "names": "Jens Halvorsen said ",
    "surnames": "Aydin Mammadov ",
    "title_case": "Big New Plan For Army ",
    "possessives": "Chile's parliament ",
    "demonyms": "the Chilean defence minister ",
    "places": "in Kandoro, ",
    "ranks": "Colonel-General ",
    "particles": "Lula da Silva da ",
    "acronyms": "(RLT) ",
    "hyphens": "anti-NATO-led ",
    "apostrophes": "O’Grady’s ",
    "counterparts": "Chilean Foreign Minister Ana Soto and her Peruvian counterpart, ",
    "militaries": "Chile's military bases and ",
    "currencies": "40 million US dollars ",
    "routes": "the Lima-Quito-Lima ",
    "units": "Air Forces Commander Gen. ",
    "sites": "at the Kandoro garrison and NATO headquarters ",
    "governments": "said that the government has ",
    "long_forms": "Joint Press Office (JPO) said ",
    "dotted_datelines": "Baku. 31 August.\n",
    "weapon_systems": "Long Range Rocket Systems ",
    "arabic_names": "Omar al-Rashidi al-Nour el-",
    "korean_posts": "South Korean President North Korean leader Peru Army General ",
    "of_owners": "Ivan Havlik of Slovakia said ",
    "shows": "the LIMEX defence show and the Quispe govt ",
    "compass_places": "in Kandoro and Western Kandoro Gas Corridor ",
    "company_posts": "Harbour Bank Ltd named its new chairman and the bank’s chief executive ",
}
SIZE = 25_000


def cpu_seconds(text: str) -> float:
    gc.disable()
    try:
        start = time.process_time()
        find_entities(text, split_sentences(text))
        return time.process_time() - start
    finally:
        gc.enable()


@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_text_costs_about_four_times_the_time(shape):
    unit = SHAPES[shape]
    small = cpu_seconds(unit * (SIZE // len(unit)))
    large = cpu_seconds(unit * (4 * SIZE // len(unit)))
    assert large < 8 * small + 0.3 and large < 4.0, (small, large)
