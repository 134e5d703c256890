"""Spans the engine must not translate: names kept as written, glossary terms given in English.

Each protected span of a sentence is replaced by a placeholder before the engine sees the
sentence, and the placeholder in the English is replaced by what the span must read. The
placeholder depends on the engine (its `placeholders` attribute, a PlaceholderStyle),
because each engine passes a different kind of token through untouched and with the
grammar around it intact:

- Apertium: a proper noun of its own dictionary that it copies unchanged ("Juan" for a
  person, "Madrid" for a place, "Google" for anything else). A bracketed superblank would
  also pass through, but it is a blank to the transfer rules, which then treat the verb
  as subject-less ("[Putin] dijo" → "[Putin] It said") and lose "según X" → "according
  to X". A real proper noun keeps those rules working as they would for the name.
- Argos: a token outside the model's vocabulary (MARKER, "⟦0⟧"), which CTranslate2 reads
  as <unk>; the model writes <unk> where the name goes and `replace_unknowns` copies
  the source token with the highest attention, i.e. the marker itself.

What the engine received (the masked sentence) is what a translation cache stores, so a
translation made without protection is never served for a protected sentence. When a
placeholder does not come back exactly once, the caller translates the sentence without
protection and flags it (translate.quality.PROTECTION_FLAGS): never a silent loss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, Sequence

# Marker for engines that pass unknown tokens through (Argos, and echoing test engines).
MARKER = "⟦{}⟧"
MARKER_PATTERN = re.compile(r"⟦(\d+)⟧")


@dataclass(frozen=True)
class Keep:
    """text[start:end] of a sentence must read `output` in English."""

    start: int
    end: int
    output: str
    kind: str  # "name" (kept as written) or "term" (the user's glossary)
    label: str = ""  # PER, LOC, ORG for names: the engine may pick a placeholder by it


class PlaceholderStyle(Protocol):
    def choose(self, keeps: Sequence[Keep], source: str) -> list[str]:
        """One distinct placeholder per keep that cannot be confused with the source's words."""
        ...

    def find(self, output: str, placeholder: str) -> list[tuple[int, int]]:
        """Where `placeholder` came back in the engine's output."""
        ...


class MarkerStyle:
    """Numbered markers ⟦0⟧, ⟦1⟧…, for engines that copy unknown tokens through."""

    def choose(self, keeps: Sequence[Keep], source: str) -> list[str]:
        used = {int(n) for n in MARKER_PATTERN.findall(source)}
        numbers = (n for n in range(len(keeps) + len(used) + 1) if n not in used)
        return [MARKER.format(next(numbers)) for _ in keeps]

    def find(self, output: str, placeholder: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(re.escape(placeholder), output)]


class WordStyle:
    """Real words of the engine's own dictionary, chosen by label, absent from the sentence."""

    def __init__(self, pools: dict[str, Sequence[str]], fallback: Sequence[str]):
        self.pools = pools
        self.fallback = list(fallback)

    def choose(self, keeps: Sequence[Keep], source: str) -> list[str]:
        present = {word.lower() for word in re.findall(r"\w+", source)}
        taken: set[str] = set()
        chosen = []
        for keep in keeps:
            pool = [*self.pools.get(keep.label, ()), *self.fallback]
            word = next((w for w in pool if w.lower() not in present and w not in taken), None)
            if word is None:
                raise TooManyProtectedSpans(len(keeps))
            taken.add(word)
            chosen.append(word)
        return chosen

    def find(self, output: str, placeholder: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(placeholder)}(?!\w)", output)]


class TooManyProtectedSpans(ValueError):
    """More spans in one sentence than the engine has placeholders for."""


@dataclass(frozen=True)
class Masked:
    """A sentence as the engine receives it, with what each placeholder stands for."""

    source: str
    text: str
    slots: tuple[tuple[str, Keep], ...]

    @property
    def protected(self) -> bool:
        return bool(self.slots)


def non_overlapping(keeps: Sequence[Keep]) -> list[Keep]:
    """Keeps in text order; where two overlap, a glossary term wins over a name (the user
    said so), then the longer, then the earlier one."""
    chosen: list[Keep] = []
    for keep in sorted(keeps, key=lambda k: (k.kind != "term", -(k.end - k.start), k.start)):
        if not any(keep.start < other.end and other.start < keep.end for other in chosen):
            chosen.append(keep)
    return sorted(chosen, key=lambda k: k.start)


def mask(source: str, keeps: Sequence[Keep], style: PlaceholderStyle) -> Masked:
    keeps = non_overlapping(keeps)
    if not keeps:
        return Masked(source, source, ())
    try:
        placeholders = style.choose(keeps, source)
    except TooManyProtectedSpans:
        # Protect as many as the engine can hold, the longest first; the rest are left to it.
        while keeps:
            keeps = sorted(keeps, key=lambda k: k.end - k.start)[1:]
            keeps.sort(key=lambda k: k.start)
            try:
                placeholders = style.choose(keeps, source)
                break
            except TooManyProtectedSpans:
                continue
        if not keeps:
            return Masked(source, source, ())
    parts, position = [], 0
    for keep, placeholder in zip(keeps, placeholders, strict=True):
        parts.append(source[position:keep.start])
        parts.append(placeholder)
        position = keep.end
    parts.append(source[position:])
    return Masked(source, "".join(parts), tuple(zip(placeholders, keeps)))


def restore(output: str, masked: Masked, style: PlaceholderStyle) -> str | None:
    """The English with each placeholder replaced, or None if one did not come back exactly once."""
    spans = []
    for placeholder, keep in masked.slots:
        found = style.find(output, placeholder)
        if len(found) != 1:
            return None
        spans.append((found[0], keep.output))
    spans.sort()
    parts, position = [], 0
    for (start, end), text in spans:
        if start < position:
            return None
        parts.append(output[position:start])
        parts.append(text)
        position = end
    parts.append(output[position:])
    return "".join(parts)
