"""sumy's summarisers run on OUR sentences, answering with positions.

sumy is fed a DOM built directly from the body sentences (one sumy Paragraph per block,
headlines as sumy headings), words from summarize.text, the Snowball Spanish stemmer and
Spanish stop words. Two details keep the answer exactly our sentences:

- sumy Sentences compare and hash by text, so two identical sentences would share one
  rating; ours compare by identity and carry their position.
- sumy only returns the top N in document order; we hand it a callable "count" (which
  `_get_best_sentences` accepts) that records its full ranking instead.

Algorithms whose cost grows with the square of the sentence count or worse only see a
bounded set of candidates, chosen by cosine to the article centroid (a linear-time proxy
for the centrality they look for): the pairwise ones (LexRank, TextRank, Reduction), the
greedy ones that rescan every sentence per pick (SumBasic, and KL, which is cubic and
gets a smaller bound), and LSA, whose SVD grows with words × sentences². On a
400-sentence article this takes KL from over a minute to under a second (measured by
bench/summary_eval.py --long).
"""

from __future__ import annotations

import warnings
from typing import ClassVar

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from bitexto.summarize.body import Body
from bitexto.summarize.text import STOP_WORDS, stemmer, words
from bitexto.summarize.vectors import MAX_CANDIDATES, centrality, prefilter, sentence_vectors
from bitexto.translate.spanish import lexicon


class _PositionedSentence(SumySentence):
    """A sumy Sentence that knows its position and is equal only to itself."""

    __slots__ = ("position",)

    def __init__(self, text: str, tokenizer: "_WordTokenizer", position: int, is_heading: bool = False):
        super().__init__(text, tokenizer, is_heading)
        self.position = position

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    __hash__ = object.__hash__


class _WordTokenizer:
    """The tokenizer interface sumy's DOM needs, on our regex words."""

    language = "spanish"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        # Never asked: the DOM is built from already segmented sentences.
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


class _RankingRecorder:
    """Stands in for sumy's ItemsCount: remembers the full best-first ranking."""

    def __init__(self) -> None:
        self.ranked: list[_PositionedSentence] = []

    def __call__(self, infos):
        self.ranked = [info.sentence for info in infos]
        return infos


def build_dom(body: Body) -> ObjectDocumentModel:
    """A sumy document: headlines as a heading paragraph, then one Paragraph per block."""
    tokenizer = _WordTokenizer()
    paragraphs = []
    if body.headings:
        heading = [_PositionedSentence(h, tokenizer, -1, is_heading=True) for h in body.headings]
        paragraphs.append(Paragraph(heading))
    current: list[_PositionedSentence] = []
    for position, (text, paragraph) in enumerate(zip(body.sentences, body.paragraphs)):
        if current and paragraph != body.paragraphs[position - 1]:
            paragraphs.append(Paragraph(current))
            current = []
        current.append(_PositionedSentence(text, tokenizer, position))
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)


class SumyRanker:
    """Ranks body positions with one sumy summariser; subclasses name the summariser."""

    summarizer_class: ClassVar[type]
    # True when the algorithm's cost grows with the square of the sentence count.
    quadratic: ClassVar[bool] = False
    max_candidates: ClassVar[int] = MAX_CANDIDATES

    def make_summarizer(self):
        summarizer = self.summarizer_class(stemmer())
        summarizer.stop_words = STOP_WORDS
        return summarizer

    def rank(self, body: Body, count: int) -> list[int]:
        """Every body position, best first (candidates ranked by sumy, the rest after)."""
        if self.quadratic and len(body) > self.max_candidates:
            cheap = centrality(sentence_vectors(body.sentences))
            candidates = prefilter(cheap, self.max_candidates)
        else:
            cheap = None
            candidates = list(range(len(body)))
        ranked = [candidates[p] for p in self._sumy_ranking(body.subset(candidates))]
        return _complete(ranked, len(body), cheap)

    def _sumy_ranking(self, body: Body) -> list[int]:
        recorder = _RankingRecorder()
        with warnings.catch_warnings():
            # LSA warns when an article has fewer distinct words than sentences; the
            # ranking is still usable and the warning means nothing to our users.
            warnings.simplefilter("ignore", UserWarning)
            self.make_summarizer()(build_dom(body), recorder)
        return [s.position for s in recorder.ranked]


def _complete(ranked: list[int], total: int, scores: list[float] | None) -> list[int]:
    """`ranked` followed by every position it lacks (best `scores` first, else in order)."""
    seen = set(ranked)
    rest = [i for i in range(total) if i not in seen]
    if scores is not None:
        rest.sort(key=lambda i: (-scores[i], i))
    return ranked + rest


class LuhnRanker(SumyRanker):
    summarizer_class = LuhnSummarizer


class LsaRanker(SumyRanker):
    summarizer_class = LsaSummarizer
    quadratic = True


class LexRankRanker(SumyRanker):
    summarizer_class = LexRankSummarizer
    quadratic = True


class TextRankRanker(SumyRanker):
    summarizer_class = TextRankSummarizer
    quadratic = True


class ReductionRanker(SumyRanker):
    summarizer_class = ReductionSummarizer
    quadratic = True


class SumBasicRanker(SumyRanker):
    summarizer_class = SumBasicSummarizer
    quadratic = True


class KLRanker(SumyRanker):
    summarizer_class = KLSummarizer
    quadratic = True
    # Each of KL's n picks recomputes a divergence for every remaining sentence over a
    # growing summary: cubic, so a tighter bound than the pairwise algorithms.
    max_candidates = 60

    def make_summarizer(self):
        summarizer = KLSummarizer(stemmer())
        # KL's stop_words is a plain attribute compared with lowercased words.
        summarizer.stop_words = STOP_WORDS
        return summarizer


class EdmundsonRanker(SumyRanker):
    """Edmundson's cue method: words that announce the news itself earn a bonus, words of
    asides, furniture and hedging a stigma (lexicon lists; sumy stems them as the text)."""

    summarizer_class = EdmundsonSummarizer

    def make_summarizer(self):
        summarizer = EdmundsonSummarizer(stemmer())
        summarizer.bonus_words = lexicon.words("summary_bonus_words")
        summarizer.stigma_words = lexicon.words("summary_stigma_words")
        # Null words are ignored when matching headline words, as in sumy's CLI.
        summarizer.null_words = STOP_WORDS
        return summarizer
