"""Find each Spanish quotation inside the English translation of its sentence(s).

Engines usually keep quote marks, so the English side is parsed with the same scanner
(summarize.quote_marks, in English mode) and quotations are paired within a *sentence
group* — the sentences a paragraph's quotations span, so a quotation crossing a
sentence boundary is compared with the joined English of those sentences:

- same number of quoted spans on both sides: the k-th Spanish ↔ the k-th English;
- otherwise, in order, the English span sharing the most words with the Spanish one
  (numbers, capitalised names, and cognates compared on their first letters:
  "contribución" ~ "contribution"), a span needing at least one shared word;
- a recovered quotation (lone closing mark) takes its English start by the same rule
  mirrored: the Spanish "como" at rank k from the end ↔ the English "as"/"like" at
  rank k, "que" ↔ "that", a colon ↔ a colon.

What cannot be located is reported as such (the caller returns the whole English
sentence and flags it): this module never invents text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bitexto.summarize.quote_marks import QuotedSpan, find_quoted_spans, recover_start
from bitexto.summarize.quote_sentences import SentenceLocator
from bitexto.translate.document import Sentence
from bitexto.translate.spanish.fold import fold

_WORD = re.compile(r"[^\W_]+")
_COGNATE_PREFIX = 4
# Bonus for the span at the same index, so ties between equally similar spans keep order.
_SAME_INDEX_BONUS = 0.05


@dataclass(frozen=True)
class SentenceGroup:
    """Consecutive sentences of one block that its quotations tie together."""

    sentences: list[Sentence]
    spans: list[QuotedSpan]  # every Spanish quotation inside, scare quotes included

    @property
    def english(self) -> str | None:
        targets = [s.target for s in self.sentences if s.target]
        return " ".join(targets) if targets else None

    def english_range(self, sentence_ids: set[str]) -> tuple[int, int] | None:
        """Where the given sentences' English lies inside `english` (they are consecutive)."""
        cursor, found = 0, None
        for sentence in self.sentences:
            if not sentence.target:
                continue
            start, end = cursor, cursor + len(sentence.target)
            if sentence.id in sentence_ids:
                found = (start, end) if found is None else (found[0], end)
            cursor = end + 1
        return found


def sentence_groups(sentences: list[Sentence], spans: list[QuotedSpan]) -> list[SentenceGroup]:
    """Group a block's sentences so that no quotation crosses a group boundary."""
    if not sentences:
        return []
    index_of = SentenceLocator(sentences).index_at
    groups: list[SentenceGroup] = []
    ranges = sorted(
        ((index_of(span.outer_start), index_of(span.outer_end - 1), span) for span in spans),
        key=lambda item: (item[0], item[1], item[2].outer_start),
    )
    current_first = current_last = None
    current_spans: list[QuotedSpan] = []
    for first, last, span in ranges:
        if current_first is not None and first <= current_last:
            current_last = max(current_last, last)
            current_spans.append(span)
            continue
        if current_first is not None:
            groups.append(SentenceGroup(sentences[current_first : current_last + 1], current_spans))
        current_first, current_last, current_spans = first, last, [span]
    if current_first is not None:
        groups.append(SentenceGroup(sentences[current_first : current_last + 1], current_spans))
    return groups


def align_group(group: SentenceGroup) -> list[tuple[int, int] | None]:
    """For each Spanish span of the group, (start, end) of its English text in `group.english`."""
    english = group.english
    if english is None:
        return [None] * len(group.spans)
    english_spans = find_quoted_spans(english, 0, len(english), language="en")
    pairs = _pair(group, english_spans)
    located: list[tuple[int, int] | None] = []
    for spanish, found in zip(group.spans, pairs):
        if found is None:
            located.append(None)
            continue
        start, end = found.start, found.end
        both_recovered = spanish.open_at is None and found.open_at is None
        if both_recovered and spanish.recovery and found.region_lo is not None and found.close_at is not None:
            decision = (spanish.recovery, spanish.recovery_rank)
            mirrored, _, _ = recover_start(english, found.region_lo, found.close_at, "en", prefer=decision)
            start = _skip_space(english, mirrored, end)
        located.append((start, end) if start < end else None)
    return located


def _pair(group: SentenceGroup, english_spans: list[QuotedSpan]) -> list[QuotedSpan | None]:
    spanish_texts = [_source_text(group, span) for span in group.spans]
    if len(english_spans) == len(group.spans):
        return list(english_spans)
    english = group.english or ""
    pairs: list[QuotedSpan | None] = []
    next_free = 0
    for index, spanish_text in enumerate(spanish_texts):
        best, best_score = None, 0.0
        for candidate_index in range(next_free, len(english_spans)):
            candidate = english_spans[candidate_index]
            score = overlap(spanish_text, english[candidate.start : candidate.end])
            if score > 0 and candidate_index == index:
                score += _SAME_INDEX_BONUS
            if score > best_score:
                best, best_score = candidate_index, score
        if best is None:
            pairs.append(None)
        else:
            pairs.append(english_spans[best])
            next_free = best + 1
    return pairs


def _source_text(group: SentenceGroup, span: QuotedSpan) -> str:
    """The Spanish quotation's text, read back from the group's sentences."""
    for sentence in group.sentences:
        if sentence.start <= span.start < sentence.end:
            relative = span.start - sentence.start
            return sentence.source[relative : relative + (span.end - span.start)]
    return ""


def overlap(spanish: str, english: str) -> float:
    """Share of the Spanish words found in the English text (numbers, names, cognates)."""
    spanish_keys = _keys(spanish)
    if not spanish_keys:
        return 0.0
    return len(spanish_keys & _keys(english)) / len(spanish_keys)


def _keys(text: str) -> set[str]:
    keys = set()
    for word in _WORD.findall(text):
        if word.isdigit() or word[:1].isupper() and len(word) > 1:
            keys.add(fold(word))
        elif len(word) >= _COGNATE_PREFIX + 1:
            keys.add(fold(word)[:_COGNATE_PREFIX])
    return keys


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    return start
