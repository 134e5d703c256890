"""Rules as registered entries that carry their own examples.

A concern (the wording of a page line, the cue of a quotation…) keeps its rules in ONE
`RuleTable`, in priority order: the first rule whose test holds decides. Each `Rule` says
what it decides, why (the pattern of Spanish news it captures), and gives invented
examples it must decide and counter-examples it must leave alone. tests/test_rules.py runs
every example of every table: an example must be decided by its own rule (so a rule
higher in the table cannot silently shadow it) and a counter-example must not match it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Generic, Iterator, TypeVar

Item = TypeVar("Item")

TABLES: dict[str, "RuleTable"] = {}


@dataclass(frozen=True)
class Rule(Generic[Item]):
    name: str
    decides: str
    test: Callable[[Item], bool] = field(repr=False)
    why: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()


class RuleTable(Generic[Item]):
    """The rules of one concern, highest priority first.

    `prepare` turns an example (a line of text) into what the rules test; tables register
    themselves by concern so that one test can run them all.
    """

    def __init__(self, concern: str, prepare: Callable[[str], Item], rules: list[Rule[Item]]):
        names = [rule.name for rule in rules]
        if len(set(names)) != len(names):
            raise ValueError(f"{concern}: two rules share a name")
        if any(not rule.examples for rule in rules):
            raise ValueError(f"{concern}: every rule needs at least one example")
        self.concern, self.prepare, self.rules = concern, prepare, tuple(rules)
        TABLES[concern] = self

    def __iter__(self) -> Iterator[Rule[Item]]:
        return iter(self.rules)

    def first(self, item: Item) -> Rule[Item] | None:
        """The highest-priority rule whose test holds for `item`."""
        return next((rule for rule in self.rules if rule.test(item)), None)

    def decide(self, item: Item) -> str | None:
        rule = self.first(item)
        return rule.decides if rule else None

    def rule(self, name: str) -> Rule[Item]:
        return next(rule for rule in self.rules if rule.name == name)
