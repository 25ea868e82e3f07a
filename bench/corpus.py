"""A deterministic generator of varied defence-news articles, 300 to 900 words each.

Claims come from templates written in many phrasings (money formats, rankings, periods,
attributions, alliances, structure, mandates, events) about every country in the
gazetteer; filler sentences make up the rest of each article, as in real news.
"""

import random
from collections.abc import Iterator

from app.extraction.gazetteer import countries

OUTLETS = ["Reuters", "Bloomberg", "SIPRI", "Global Firepower", "the World Bank", "TASS",
           "Xinhua", "Al Jazeera", "Defense News", "the International Institute for Strategic "
           "Studies"]  # fmt: skip
GROUPS = [("the Collective Security Treaty Organization", "CSTO"), ("NATO", None),
          ("the African Union", None), ("the Shanghai Cooperation Organisation", "SCO"),
          ("the Partnership for Peace", "PfP"), ("the European Union", None)]  # fmt: skip
MONEY = ["${a},{b}bn", "${a}.{b} billion", "USD {a},{b}00,000,000", "{a}.{b} billion euros",
         "£{a}.{b} billion", "${a}{b}0mn", "AZN {a}{b} million", "about ${a}.{b}bn",
         "more than ${a}{b} million"]  # fmt: skip
PERIODS = ["in {y}", "in {y}-{z}", "between {y} and {z}", "during the {y}-{z}-period",
           "since {y}"]  # fmt: skip
FIRST = ["Amir", "Olena", "Sergei", "Nurlan", "Maria", "Kofi", "Ravi", "Lena", "Tomas", "Aziz"]
LAST = ["Karimov", "Petrenko", "Ivanov", "Sadykov", "Novak", "Mensah", "Sharma", "Berg",
        "Horvat", "Rahimov"]  # fmt: skip
CLAIMS = [
    "{C} spent {money} on {what} {period}, according to {outlet}.",
    "{C} ranked {rank} among {total} countries in the Global Firepower index {y}.",
    "{C} placed {n} out of the {total} nations reviewed by {outlet}.",
    "The country was the {ordword}-largest arms importer in the world {period}, a report by "
    "SIPRI finds.",
    "{C} has the {rank} most powerful army in {region}, according to {outlet}.",
    "{C} cooperates with about {n} countries in the defence sphere.",
    "{C} has agreements on military cooperation with more than {n} states.",
    "In {y} {C} signed an agreement on defence cooperation with {P}.",
    "{C} joined {group} in {y}.",
    "{C} has been a member of {group} since {y}.",
    "{D} Defence Minister {person} said the {D} Armed Forces have three branches: the {D} "
    "Army, the {D} Navy and the {D} Air Force.",
    "The {D} Armed Forces employ around {n},000 active personnel.",
    "The Ministry of Defence is responsible for protecting {C} and monitoring its airspace.",
    "Military spending rose by {n} percent {period}, {outlet} reported.",
    "{Cap} allocated {money} to {what} {period}.",
    "General {person} visited the new {what} centre in {y}.",
]  # fmt: skip
WHAT = ["air defence", "new equipment", "drones", "naval vessels", "cyber defence",
        "training", "armoured vehicles", "helicopters"]  # fmt: skip
REGIONS = ["Africa", "Europe", "Asia", "the Middle East", "Central Asia", "Latin America"]
ORDWORDS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
FILLER = [
    "Officials declined to comment on the details of the plan.",
    "The programme is expected to take several years to complete.",
    "Analysts say the move reflects a broader trend across the region.",
    "The announcement came after months of negotiations behind closed doors.",
    "Critics argue that the money could be better spent on health and education.",
    "Supporters of the plan say it will create thousands of jobs at home.",
    "The details of the contracts have not been made public.",
    "Parliament is expected to debate the proposal later this month.",
    "Several neighbouring governments are watching the developments closely.",
    "Independent experts have raised questions about the timeline.",
    "The ministry said further information would be released in due course.",
    "Local media reported that the first deliveries could arrive soon.",
    "Observers noted that similar plans had been delayed in the past.",
    "The decision was welcomed by industry groups and trade unions.",
    "Questions remain about how the new units will be staffed and trained.",
]  # fmt: skip


def _country_pool() -> list:
    return [c for c in countries() if c.demonyms and c.capital and " " not in c.name]


def article(rng: random.Random, words: int) -> str:
    pool = _country_pool()
    country, partner = rng.sample(pool, 2)
    slots = {
        "C": country.name, "D": country.demonyms[0], "Cap": country.capital, "P": partner.name,
        "outlet": rng.choice(OUTLETS), "what": rng.choice(WHAT), "region": rng.choice(REGIONS),
        "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "ordword": rng.choice(ORDWORDS),
    }  # fmt: skip
    paragraphs, count = [f"{country.name} steps up its defence plans"], 5
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            template = rng.choice(CLAIMS) if rng.random() < 0.45 else rng.choice(FILLER)
            sentence = _fill(template, slots, rng)
            sentences.append(sentence)
            count += len(sentence.split())
            if count >= words:
                break
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def _fill(template: str, slots: dict, rng: random.Random) -> str:
    y = rng.randint(1992, 2022)
    group, _ = rng.choice(GROUPS)
    values = {
        **slots, "y": y, "z": y + rng.randint(1, 6), "n": rng.randint(2, 90),
        "rank": f"{rng.randint(4, 90)}th", "total": rng.choice([137, 138, 140, 145]),
        "group": group,
    }  # fmt: skip
    values["money"] = rng.choice(MONEY).format(a=rng.randint(1, 9), b=rng.randint(1, 9))
    values["period"] = rng.choice(PERIODS).format(y=y, z=values["z"])
    text = template.format(**values)
    return text[0].upper() + text[1:]


def generate(count: int, seed: int = 2026) -> Iterator[str]:
    """`count` distinct articles, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield article(rng, rng.randint(300, 860))  # stops within one sentence of this
