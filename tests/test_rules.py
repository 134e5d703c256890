"""Every registered rule table runs its own examples: each example is decided by its own rule
(no rule higher in the table shadows it), each counter-example is left alone by it."""

from __future__ import annotations

import importlib
import pkgutil

import bitexto.summarize
import bitexto.translate
from bitexto.translate.spanish.rules import TABLES, Rule, RuleTable

# A table of this test's own: the runner must catch a rule its neighbour shadows.
_TOY = RuleTable("test: toy", str.lower, [
    Rule("question", "question", lambda line: line.endswith("?"), "a question mark closes it",
         examples=("¿Qué pasó?",), counter_examples=("Pasó algo.",)),
    Rule("exclamation", "exclamation", lambda line: line.endswith("!"), "an exclamation mark closes it",
         examples=("¡Basta!",), counter_examples=("Basta.",)),
])


def _every_table() -> dict[str, RuleTable]:
    for package in (bitexto.translate, bitexto.summarize):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    return dict(TABLES)


def failures(table: RuleTable) -> list[str]:
    found = []
    for rule in table:
        for example in rule.examples:
            decided = table.first(table.prepare(example))
            if decided is not rule:
                found.append(f"{table.concern}/{rule.name}: {example!r} decided by {decided and decided.name}")
        for counter in rule.counter_examples:
            if rule.test(table.prepare(counter)):
                found.append(f"{table.concern}/{rule.name}: counter-example {counter!r} matches")
    return found


def test_every_table_decides_its_own_examples():
    tables = _every_table()
    assert "test: toy" in tables
    assert [problem for table in tables.values() for problem in failures(table)] == []


def test_a_shadowed_rule_is_caught():
    shadowing = RuleTable("test: shadowed", str.lower, [
        Rule("anything", "line", lambda line: True, "every line", examples=("x",)),
        Rule("question", "question", lambda line: line.endswith("?"), "a question", examples=("¿Sí?",)),
    ])
    try:
        assert failures(shadowing) == ["test: shadowed/question: '¿Sí?' decided by anything"]
    finally:
        TABLES.pop("test: shadowed")


def test_a_table_refuses_a_rule_without_examples():
    try:
        RuleTable("test: no examples", str, [Rule("bare", "x", bool, "no example", examples=())])
    except ValueError as error:
        assert "example" in str(error)
    else:
        raise AssertionError("a rule without examples was accepted")
    assert "test: no examples" not in TABLES
