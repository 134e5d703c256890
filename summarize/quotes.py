"""The article's direct quotations, who said them, their English, and which ones are key.

Public API
----------
Quote
    id ("q1", "q2"… in document order), text (Spanish, marks excluded), target (the same
    quotation in the English translation; None on an untranslated document), speaker
    (None when the article does not say), sentence_id (where the quotation starts),
    start/end (document.text[start:end] == text), marks ("«»", "“”", "\"\"", "‘’", "‹›",
    or one mark for a recovered broken one), flags, key, score. `to_dict()` gives the
    JSON shape: id, text, target, speaker, speaker_mention, speaker_description,
    speaker_target, sentence_id, start, end, marks, flags, key, score. speaker_mention is the wording
    that designates the speaker near the quotation, as written ("el técnico", "ella");
    speaker_description says who spoke when the article names nobody ("fuentes
    policiales"), and speaker is then None. `from_dict` reads results stored before
    those two fields existed.
extract_quotes(document, sentence_scores=None, max_key=DEFAULT_MAX_KEY) -> list[Quote]
    Every direct quotation of the article's body, in document order, with `key` set on
    the `max_key` best-scored ones.

Flags: "malformed" (a broken mark was recovered), "multi_sentence" (the quotation spans
sentences), "target_not_located" (the English span could not be found: target is then
the whole English sentence(s)).

What is not a quotation of this article:
- anything outside body blocks: related headlines, captions and boilerplate quote
  other stories;
- scare quotes around a name or a term (el «procés», el llamado “Chapo”): a quotation of
  at most SCARE_QUOTE_MAX_WORDS words with no speaker stated in its own sentence, or a
  short one right after an article or a naming word (el, la, llamado, alias…) unless a
  cue right after it says who said it («Basta», dijo).

Key quotes: the score mixes length (a full clause reads best; a two-word fragment or a
whole paragraph less so), speaker (stated, and how prominent in the article) and how
important its sentence is (`sentence_scores`, by default summarize.summary's ranker
when that module is present, else the sentence's position). DEFAULT_MAX_KEY = 8 because
news pieces typically carry three to eight quotations worth showing side by side: every
quotation of a typical article is key (all 7 of the seed's), while interview-length
pieces keep their 8 best.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field

from bitexto.summarize.quote_alignment import align_group, sentence_groups
from bitexto.summarize.quote_marks import QuotedSpan, find_quoted_spans
from bitexto.summarize.quote_sentences import SentenceLocator
from bitexto.summarize.quote_speakers import Attribution, SpeakerFinder
from bitexto.summarize.speaker_mentions import DIRECT_VIAS
from bitexto.translate.document import AlignedDocument, Block
from bitexto.translate.spanish import lexicon
from bitexto.translate.parsing import parse_document
from bitexto.translate.spanish.parse import Analysis

DEFAULT_MAX_KEY = 8
SCARE_QUOTE_MAX_WORDS = 2
# A quotation right after "el", "la", "llamado"… is a name or a title up to this length.
NAMED_TERM_MAX_WORDS = 4
QUOTE_BLOCK_KINDS = ("body",)
# Words that start a new clause after a short quotation: «habrá acuerdo» y que …
_CLAUSE_LINKS = frozenset({"y", "e", "pero", "aunque", "mientras", "sino"})
PARTIAL_QUOTE_MIN_WORDS = 2

MALFORMED = "malformed"
MULTI_SENTENCE = "multi_sentence"
TARGET_NOT_LOCATED = "target_not_located"

# Score weights (they sum to 1, so a score lies in 0..1).
_LENGTH_WEIGHT = 0.4
_SPEAKER_WEIGHT = 0.35
_SENTENCE_WEIGHT = 0.25
# Lengths (in words) of a quotation that reads well on its own.
_IDEAL_MIN_WORDS = 8
_IDEAL_MAX_WORDS = 35


@dataclass
class Quote:
    id: str
    text: str
    target: str | None
    speaker: str | None
    sentence_id: str
    start: int
    end: int
    marks: str
    flags: list[str] = field(default_factory=list)
    key: bool = False
    score: float = 0.0
    sentence_ids: list[str] = field(default_factory=list)  # every sentence it touches
    # The words near the quotation that designate the speaker, as written ("el técnico",
    # "ella", "según fuentes policiales" → "fuentes policiales"); None when its sentence
    # names nobody (an omitted subject, a speaker carried over).
    speaker_mention: str | None = None
    # Who spoke, as the article says, when it names nobody ("un portavoz del ministerio").
    speaker_description: str | None = None
    # The speaker (or the description) in English: names as written, roles and bodies
    # translated. Set by the analysis that translates the article.
    speaker_target: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "target": self.target,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "speaker_description": self.speaker_description,
            "speaker_target": self.speaker_target,
            "sentence_id": self.sentence_id,
            "start": self.start,
            "end": self.end,
            "marks": self.marks,
            "flags": list(self.flags),
            "key": self.key,
            "score": round(self.score, 4),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Quote":
        return cls(id=data["id"], text=data["text"], target=data.get("target"), speaker=data.get("speaker"),
                   sentence_id=data["sentence_id"], start=data["start"], end=data["end"], marks=data["marks"],
                   flags=list(data.get("flags", ())), key=data.get("key", False), score=data.get("score", 0.0),
                   sentence_ids=[data["sentence_id"]], speaker_mention=data.get("speaker_mention"),
                   speaker_description=data.get("speaker_description"), speaker_target=data.get("speaker_target"))


def extract_quotes(
    document: AlignedDocument,
    analysis: Analysis | None = None,
    sentence_scores: dict[str, float] | None = None,
    max_key: int = DEFAULT_MAX_KEY,
) -> list[Quote]:
    """All direct quotations of the article's body, in document order, the best `max_key` marked key.

    `analysis` is the document's Spanish parse (bitexto.translate.parsing), parsed here when
    the caller has none."""
    spans_by_block = {
        block.id: find_quoted_spans(document.text, block.start, block.end) for block in document.blocks
    }
    if analysis is None:
        analysis = parse_document(document)
    speakers = SpeakerFinder(document, analysis, spans_by_block)
    quotes: list[Quote] = []
    previous: Attribution | None = None
    for block in document.blocks:
        if block.kind not in QUOTE_BLOCK_KINDS or not block.sentences:
            continue
        spans = spans_by_block[block.id]
        if not spans:
            previous = None  # a paragraph without quotations breaks "añadió" chains
            continue
        attributions = speakers.attribute_block(block, spans, previous)
        locator = SentenceLocator(block.sentences)
        for span, attribution in zip(spans, attributions):
            if _is_scare_quote(document.text, span, attribution, analysis):
                continue
            quotes.append(_make_quote(document, locator, span, attribution))
        named = [a for a in attributions if a.speaker or a.description]
        previous = named[-1] if named else None
    for number, quote in enumerate(quotes, start=1):
        quote.id = f"q{number}"
    _rank(document, quotes, sentence_scores, max_key, speakers)
    if document.is_translated:
        locate_english(document, quotes)
    return quotes


def locate_english(document: AlignedDocument, quotes: list[Quote]) -> None:
    """Set each quote's `target` from the translated document: its English span, or the
    whole English of its sentence(s), flagged, when it cannot be located.

    Quotes are found on the Spanish alone (they need no English); an analysis finds them
    before translating and locates their English after, without finding them again."""
    by_block: dict[str, list[Quote]] = {}
    for quote in quotes:
        block = next(b for b in document.blocks if b.start <= quote.start < b.end)
        by_block.setdefault(block.id, []).append(quote)
    for block in document.blocks:
        if block.id not in by_block:
            continue
        spans = find_quoted_spans(document.text, block.start, block.end)
        located = dict(zip((span.start for span in spans),
                           _targets(document, block, spans, SentenceLocator(block.sentences))))
        for quote in by_block[block.id]:
            target, found = located.get(quote.start, (None, False))
            quote.target = target
            if TARGET_NOT_LOCATED in quote.flags:
                quote.flags.remove(TARGET_NOT_LOCATED)
            if not found:
                quote.flags.append(TARGET_NOT_LOCATED)


# --- building quotes -------------------------------------------------------------------


def _make_quote(
    document: AlignedDocument,
    locator: SentenceLocator,
    span: QuotedSpan,
    attribution: Attribution,
) -> Quote:
    touched = locator.touched(span.outer_start, span.outer_end)
    first = locator.at(span.start)
    flags = []
    if span.malformed:
        flags.append(MALFORMED)
    if len(locator.touched(span.start, span.end)) > 1:
        flags.append(MULTI_SENTENCE)
    return Quote(
        id="",
        text=document.text[span.start : span.end],
        target=None,
        speaker=attribution.speaker,
        speaker_mention=attribution.mention if attribution.direct or attribution.via == "verb" else None,
        speaker_description=None if attribution.speaker else attribution.description,
        sentence_id=first.id,
        start=span.start,
        end=span.end,
        marks=span.marks,
        flags=flags,
        sentence_ids=[s.id for s in touched] or [first.id],
    )


def _targets(
    document: AlignedDocument, block: Block, spans: list[QuotedSpan], locator: SentenceLocator
) -> list[tuple[str | None, bool]]:
    """(English text, located?) per span; the whole English sentence(s) when not located.

    A located span must lie inside the English of the quotation's own sentences, so the
    target is always a piece of what the reader sees next to it.
    """
    if not document.is_translated:
        return [(None, True)] * len(spans)
    found: dict[int, tuple[str | None, bool]] = {}
    for group in sentence_groups(block.sentences, spans):
        english = group.english
        for span, bounds in zip(group.spans, align_group(group)):
            own = locator.touched(span.outer_start, span.outer_end)
            allowed = group.english_range({s.id for s in own})
            if bounds is not None and english is not None and _within(bounds, allowed):
                found[id(span)] = (english[bounds[0] : bounds[1]], True)
            else:
                found[id(span)] = (" ".join(s.target for s in own if s.target) or None, False)
    return [found.get(id(span), (None, False)) for span in spans]


def _within(bounds: tuple[int, int], allowed: tuple[int, int] | None) -> bool:
    return allowed is not None and allowed[0] <= bounds[0] <= bounds[1] <= allowed[1]


def _is_scare_quote(text: str, span: QuotedSpan, attribution: Attribution, analysis: Analysis | None) -> bool:
    """A name or a term in quotation marks rather than words someone said."""
    quoted = text[span.start : span.end]
    words = len(quoted.split())
    if quoted[:1] in "¡¿" and quoted.rstrip()[-1:] in "!?":
        return False  # "¡Fuera!": shouted or asked, always someone's words
    word_before = _word_before(text, span.outer_start)
    # In a sentence that reports speech, a few words in marks are a partial quotation
    # ("avisó de que «podría cerrar» la planta", denunció la «falta de pruebas sólidas»);
    # not a term the reported clause is about (dijo que la «operación especial» había
    # terminado), nor after a naming word (el llamado «…»). One word is a term.
    reported = attribution.via in DIRECT_VIAS and words >= PARTIAL_QUOTE_MIN_WORDS
    if reported and word_before not in lexicon.words("quotation_naming_words") and not _is_subject(analysis, span):
        return False
    if words <= NAMED_TERM_MAX_WORDS and word_before in _naming_words() and not attribution.cue_after:
        return True
    if words > SCARE_QUOTE_MAX_WORDS:
        return False
    # A short quotation counts only as the whole of what a stated speaker said: it ends
    # its clause ("calificó la decisión de «inaceptable».") rather than naming a thing
    # inside one ("que "nadie" lo esperaba").
    return not (attribution.direct and _ends_clause(text, span.outer_end))


def _naming_words() -> frozenset[str]:
    """Words after which a short quotation is a name: determiners (el «procés») and naming
    words (el llamado «Chapo»); after a naming word even a reported phrase is one."""
    return lexicon.words("determiners") | lexicon.words("quotation_naming_words")


def _is_subject(analysis: Analysis | None, span: QuotedSpan) -> bool:
    """The quoted words are the subject of their clause: a thing named, not words said."""
    if analysis is None:
        return False
    inside = analysis.tokens_in(span.start, span.end)
    indices = {t.index for t in inside}
    return any(t.head not in indices and t.dep in ("nsubj", "nsubj:pass") for t in inside)


def _ends_clause(text: str, pos: int) -> bool:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    if pos >= len(text) or text[pos] in ".,;:!?…\n)—–-":
        return True
    return _word_after(text, pos) in _CLAUSE_LINKS


def _word_after(text: str, pos: int) -> str:
    end = pos
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[pos:end].lower()


def _word_before(text: str, pos: int) -> str:
    cursor = pos
    while cursor > 0 and text[cursor - 1] == " ":
        cursor -= 1
    start = cursor
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:cursor].lower()


# --- ranking ---------------------------------------------------------------------------


def _rank(
    document: AlignedDocument,
    quotes: list[Quote],
    sentence_scores: dict[str, float] | None,
    max_key: int,
    speakers: SpeakerFinder,
) -> None:
    if not quotes:
        return
    if sentence_scores is None:
        sentence_scores = default_sentence_scores(document)
    for quote in quotes:
        importance = max((_clip(sentence_scores.get(sid, 0.0)) for sid in quote.sentence_ids), default=0.0)
        prominence = 0.0
        if quote.speaker:
            prominence = 0.5 + 0.5 * min(1.0, (speakers.mentions(quote.speaker) - 1) / 3)
        quote.score = (
            _LENGTH_WEIGHT * length_score(len(quote.text.split()))
            + _SPEAKER_WEIGHT * prominence
            + _SENTENCE_WEIGHT * importance
        )
    ranked = sorted(range(len(quotes)), key=lambda i: (-quotes[i].score, i))
    for index in ranked[: max(0, max_key)]:
        quotes[index].key = True


def length_score(words: int) -> float:
    """1.0 for a quotation of a full clause, less for fragments and whole paragraphs."""
    if words < _IDEAL_MIN_WORDS:
        return 0.2 + 0.8 * max(0, words - 1) / (_IDEAL_MIN_WORDS - 1)
    if words <= _IDEAL_MAX_WORDS:
        return 1.0
    return max(0.3, 1.0 - (words - _IDEAL_MAX_WORDS) / 70)


def default_sentence_scores(document: AlignedDocument) -> dict[str, float]:
    """summarize.summary's sentence scores when that module exists, else lead position."""
    # Another module, possibly not there yet: use it only when it exists.
    exists = importlib.util.find_spec("bitexto.summarize.summary") is not None
    summary = importlib.import_module("bitexto.summarize.summary") if exists else None
    scorer = getattr(summary, "sentence_scores", None)
    if scorer is not None:
        return scorer(document)
    return position_scores(document)


def position_scores(document: AlignedDocument) -> dict[str, float]:
    """News put what matters first: 1.0 for the first body sentence, decaying after."""
    body = [s for b in document.blocks if b.kind in QUOTE_BLOCK_KINDS for s in b.sentences]
    return {sentence.id: 1.0 / (1.0 + rank / 3.0) for rank, sentence in enumerate(body)}


def _clip(value: float) -> float:
    return min(1.0, max(0.0, float(value)))
