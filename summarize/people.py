"""The people one article talks about: how often it names each, and their grammatical gender.

A definite role that the article never ties to a name ("la portavoz", "el entrenador")
almost always designates someone the article is about. `People.salient` gives the
person named most often before that point whose gender agrees (Spanish role nouns and
their articles carry it: "la portavoz", "el técnico"); a tie goes to the latest named.
A plural role ("los expresidentes") designates the pair or list of people the article
names together just before it ("Ana Gil y Pedro Sanz").
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

from bitexto.translate.spanish.names import NameRun
from bitexto.translate.spanish.parse import Analysis, Token

# How far back (characters) a plural role looks for the people it stands for.
_GROUP_WINDOW = 400


def grammatical_gender(noun: Token, analysis: Analysis) -> str | None:
    """ "Fem" or "Masc", read on the noun's article first ("la portavoz"), then on the noun."""
    for child in analysis.children(noun):
        if child.dep == "det" and child.feature("Gender"):
            return child.feature("Gender")
    return noun.feature("Gender")


class People:
    def __init__(self, runs: list[NameRun], analysis: Analysis, full_name: Callable[[str, int], str]):
        self._mentions: list[tuple[int, int, str]] = []  # (start, end, full name), in order
        self._groups: list[tuple[int, str]] = []  # (start, "A y B") for people named together
        resolved = [(run, full_name(run.text, run.start)) for run in runs]
        # A name is a person's when the recogniser says so at least once: it misses many
        # mentions of the same name (tagged PER once, MISC or nothing elsewhere).
        persons = {name for run, name in resolved if _starts_person(run, analysis)}
        self._persons = frozenset(persons)
        for run, name in resolved:
            if " y " in run.text and _starts_person(run, analysis):
                self._groups.append((run.start, name))
            elif name in persons:
                self._mentions.append((run.start, run.end, name))
        self._starts = [start for start, _, _ in self._mentions]
        self._genders: dict[str, set[str]] = {}

    def note_gender(self, name: str, gender: str | None) -> None:
        if gender:
            self._genders.setdefault(name, set()).add(gender)

    def salient(self, position: int, gender: str | None, skip: tuple[int, int] = (0, 0)) -> str | None:
        """The person named most often before `position`, outside text[skip[0]:skip[1]]."""
        counts: Counter[str] = Counter()
        latest: dict[str, int] = {}
        for start, end, name in self._mentions[: bisect.bisect_left(self._starts, position)]:
            if skip[0] <= start < skip[1]:
                continue
            counts[name] += 1
            latest[name] = start
        candidates = [name for name in counts if self.agrees(name, gender)]
        if not candidates:
            return None
        # Between two people named as often, one the article has already given a role of
        # this gender ("el experto" after "Luis Mora, director de …").
        return max(candidates, key=lambda name: (counts[name], gender in self._genders.get(name, ()),
                                                 latest[name]))

    def is_person(self, name: str | None) -> bool:
        return name in self._persons

    def times_named(self, name: str, position: int) -> int:
        """How often the article names `name` (a full name) before `position`."""
        return sum(1 for start, _, full in self._mentions if start < position and full == name)

    def group_before(self, position: int) -> str | None:
        """People the article names together shortly before `position` ("A y B")."""
        earlier = [(start, names) for start, names in self._groups if position - _GROUP_WINDOW <= start < position]
        return earlier[-1][1] if earlier else None

    def agrees(self, name: str, gender: str | None) -> bool:
        """Nothing the article says of `name` contradicts `gender`."""
        known = self._genders.get(name)
        return gender is None or not known or gender in known


def _starts_person(run: NameRun, analysis: Analysis) -> bool:
    first = analysis.token_at(run.start)
    return first is not None and first.entity == "PER"
