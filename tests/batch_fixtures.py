"""Shared helpers for the batch tests: distinct Spanish articles, and an engine that counts calls."""

from __future__ import annotations

import random
from pathlib import Path

from bitexto.translate.engines import create_engine

SEED = Path(__file__).parent.parent / "seeds" / "000_957073114899cdb1.txt"

PEOPLE = ["la ministra García", "el alcalde Pérez", "la jueza Romero", "el portavoz Núñez",
          "la diputada Torres", "el director Vega", "la presidenta Molina", "el senador Ruiz"]
PLACES = ["Madrid", "Sevilla", "Valencia", "Bilbao", "Zaragoza", "Málaga", "Granada", "Oviedo"]


def seed_paragraphs() -> list[str]:
    """The seed article's longer lines: real Spanish news sentences (headlines, promos and
    credits left out so every generated article has a body)."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if len(line) > 150]


def spanish_articles(count: int, paragraphs: int = 4, seed: int = 0) -> list[str]:
    """`count` different Spanish articles of a few paragraphs each, built from the seed."""
    pool = seed_paragraphs()
    generator = random.Random(seed)
    articles = []
    for number in range(count):
        start = (number * 3) % len(pool)
        chosen = [pool[(start + k) % len(pool)] for k in range(paragraphs)]
        person, place = generator.choice(PEOPLE), generator.choice(PLACES)
        opening = (f"{person[0].upper() + person[1:]} habló el martes en {place} sobre la guerra y dijo que "
                   f"la situación es muy grave para todos los vecinos de la ciudad.")
        articles.append("\n".join([opening, *chosen]))
    return articles


def write_articles(folder: Path, texts: list[str], pattern: str = "art{:03d}.txt") -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number, text in enumerate(texts):
        name = pattern.format(number)
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


class CountingEngine:
    """The real Apertium engine, counting calls and the sentences of each call."""

    def __init__(self, fail_on: str | None = None):
        self.engine = create_engine("apertium")
        self.info = self.engine.info
        self.placeholders = self.engine.placeholders  # names are protected as on the bare engine
        self.calls: list[int] = []
        self.fail_on = fail_on

    def translate(self, sentences, on_progress=None):
        from bitexto.translate.errors import EngineFailure

        self.calls.append(len(sentences))
        if self.fail_on is not None and any(self.fail_on in s for s in sentences):
            raise EngineFailure(f"the engine choked on {self.fail_on!r}")
        return self.engine.translate(sentences, on_progress=on_progress)
