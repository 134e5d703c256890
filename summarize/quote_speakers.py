"""Who said each quotation: Spanish reporting cues around it, then the fullest name for them.

Cues are looked for in this order, all inside the quotation's own sentence:

1. right after it: «…», dijo Putin. / «…», según X. / «…», Putin dijo.
2. before it: X dijo: «…» / X dijo que … «…» / X calificó … como «…» / … que, según
   él, «…» / Dijo el ministro que «…» / Para el ministro, «…» / X: «…»;
3. at the end of the sentence: … «una contribución importante» a Rusia …, dijo la comisión.

A cue with no subject ("«…», añadió.") takes the last speaker of the paragraph (or of
the paragraph just before). A quotation with no cue in its sentence inherits the speaker
of a quotation in the same or previous sentence of its paragraph when it opens its
sentence («…», dijo Putin. «…».), or, standing alone, the speaker of the quotation that
follows it; failing that, a next sentence that only points back at it names the speaker
("«…». Así lo afirmó la comisión."). Otherwise the speaker is None: never a guess.

Mentions are then completed (quote_names): "Putin" → "Vladimir Putin", "la comisión" →
"Comisión Militar Central de Corea del Norte", "él" → the sentence's subject; "el
portavoz del ministerio, Koo Byoungsam" gives "Koo Byoungsam". Leading articles go.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from summarize.quote_cues import (
    AUXILIARY_WORDS,
    FUNCTION_WORDS,
    NP_STOP_WORDS,
    OPINION_OPENERS,
    STRICT_PRONOUNS,
    is_cue_verb,
)
from summarize.quote_marks import QuotedSpan
from summarize.quote_names import NameIndex, NameRun, is_capitalised, lowercase_vocabulary, name_runs, tokens
from summarize.quote_sentences import SentenceLocator
from translate.document import CONTENT_KINDS, AlignedDocument, Block, Sentence

# Quotation contents (and marks) are blanked with this character so that words said
# inside a quotation are never taken for cues or speakers outside it.
MASK = "\x1f"

# Attributions stated by a cue in the quotation's own sentence.
DIRECT_VIAS = frozenset({"after", "before", "trailing", "segun", "colon", "opinion"})

_ARTICLES = frozenset("el la los las un una unos unas".split())
_RELATIVES = frozenset("que quien quienes cuyo cuya cuyos cuyas donde cual cuales".split())
_PREPOSITIONS = frozenset(
    "de del a al en con para por sobre desde entre contra hacia según sin tras ante".split()
)
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–\x1f«»“”\"]|\bque\b")
_NP_END = re.compile(r"[.;:!?\n\x1f«»“”\"()]")
_TIME_PREFIX = re.compile(
    r"\s*(?:(?:el|este|esta|la|el pasado|la pasada|el próximo|la próxima)\s+)?"
    r"(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|fin de semana|semana pasada|mes pasado|"
    r"año pasado)\b(?:\s+(?:por la|en la)\s+(?:mañana|tarde|noche))?"
    r"|\s*(?:hoy|ayer|anoche|anteayer|también|además|luego|después)\b",
    re.IGNORECASE,
)
# "dijo a la prensa el ministro": a short complement before the subject.
_COMPLEMENT_PREFIX = re.compile(
    r"\s*(?:a|ante|en)\s+(?:(?:la|las|los|el|un|una|su|sus)\s+)?\w+\s+(?=(?:el|la|los|las)\s|[A-ZÁÉÍÓÚÑ])"
)
# A sentence pointing back at what was just said: "Así lo dijo …", "Eso afirmó …".
_BACK_REFERENCE = re.compile(r"(?:así lo|así|eso|esto|lo)\s+(?=\w)", re.IGNORECASE)
# "él" refers to someone named in its sentence or just before it.
_PRONOUN_LOOKBACK_SENTENCES = 3
# What follows a subject: a past-tense verb or a perfect auxiliary ("Putin elogió").
_VERB_LIKE = re.compile(r"\w+(?:ó|aron|ieron|aba|aban|ía|ían)$")
_PERFECT_AUXILIARIES = frozenset({"ha", "han", "había", "habían"})


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    via: str | None = None  # which rule found it; None when nothing was found

    @property
    def direct(self) -> bool:
        """Stated by a cue in the quotation's own sentence (not inherited or implied)."""
        return self.via in DIRECT_VIAS and self.speaker is not None


NOBODY = Attribution(None)


def masked_text(text: str, spans: list[QuotedSpan]) -> str:
    """`text` with every quotation's marks and content replaced by MASK (same length)."""
    pieces, cursor = [], 0
    for span in sorted(spans, key=lambda s: s.outer_start):
        start, end = max(cursor, span.outer_start), span.outer_end
        if end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(MASK * (end - start))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


class SpeakerFinder:
    """Attribution of the quotations of one document (see the module docstring)."""

    def __init__(
        self,
        document: AlignedDocument,
        spans_by_block: dict[str, list[QuotedSpan]],
        content_kinds: tuple[str, ...] = CONTENT_KINDS,
    ):
        self.document = document
        all_spans = [span for spans in spans_by_block.values() for span in spans]
        self.masked = masked_text(document.text, all_spans)
        content = [block for block in document.blocks if block.kind in content_kinds]
        content_text = "\n".join(self.masked[b.start : b.end] for b in content)
        self.lowercase = lowercase_vocabulary(content_text)
        runs: list[NameRun] = []
        for block in content:
            runs.extend(name_runs(self.masked, block.start, block.end, self.lowercase))
        self.names = NameIndex(runs)
        self._locators: dict[str, SentenceLocator] = {}
        self._block_of_sentence = {s.id: b for b in document.blocks for s in b.sentences}
        self._word_counts = Counter(
            m.group().lower() for b in content for m in tokens(document.text, b.start, b.end)
        )

    # --- public -----------------------------------------------------------------------

    def attribute_block(
        self, block: Block, spans: list[QuotedSpan], previous_speaker: str | None = None
    ) -> list[Attribution]:
        """One Attribution per span of `block`, in order."""
        results = [self.direct(block, span) for span in spans]
        for index, attribution in enumerate(results):
            if attribution.via == "implicit":
                earlier = [a.speaker for a in results[:index] if a.speaker]
                speaker = earlier[-1] if earlier else previous_speaker
                results[index] = Attribution(speaker, "implicit" if speaker else None)
        for index, span in enumerate(spans):
            if results[index].via is not None:
                continue
            results[index] = self._from_neighbours(block, spans, results, index)
        return results

    def mentions(self, speaker: str) -> int:
        """How often the article names the speaker: by surname, or by an organisation's head noun."""
        words = speaker.split()
        is_person = all(is_capitalised(word) for word in words)
        key = words[-1] if is_person else words[0]
        return max(1, self._word_counts.get(key.lower(), 0))

    # --- the rules --------------------------------------------------------------------

    def direct(self, block: Block, span: QuotedSpan) -> Attribution:
        """The speaker stated by a cue in the quotation's own sentence, if any."""
        first = self._locator(block).at(span.outer_start)
        last = self._locator(block).at(max(span.outer_start, span.outer_end - 1))
        for found in (
            self._after(span, last),
            self._before(span, first),
            self._trailing(span, last),
        ):
            if found is not None:
                return found
        return NOBODY

    def _after(self, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
        """«…», dijo X. / «…», según X. / «…», X dijo."""
        masked, end = self.masked, sentence.end
        pos = span.outer_end
        while pos < end and masked[pos] in " ,—–-":
            pos += 1
        words = tokens(masked, pos, _first_break(masked, pos, end))
        if not words:
            return None
        first = words[0].group().lower()
        if first == "según" or _de_acuerdo_con(words, 0):
            cue = words[0] if first == "según" else words[2]
            return self._said_by(self._np_after(cue.end(), end), cue.end(), sentence, "segun")
        index = _skip_auxiliaries(words, 0)
        if index < len(words) and is_cue_verb(words[index].group()):
            noun_phrase = self._np_after(words[index].end(), end)
            return self._said_by(noun_phrase, words[index].end(), sentence, "after")
        # Subject first: «…», Putin dijo.
        for index, word in enumerate(words[:6]):
            if is_cue_verb(word.group()):
                subject_end = words[_back_over_auxiliaries(words, index)].start()
                chunk = masked[pos:subject_end]
                if "," in chunk or not chunk.strip():
                    return None
                return self._said_by(self._np_from_chunk(chunk), pos, sentence, "after")
        return None

    def _before(self, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
        """Cues between the sentence's start and the quotation, nearest first."""
        masked, lo, hi = self.masked, sentence.start, span.outer_start
        words = tokens(masked, lo, hi)
        for index in range(len(words) - 1, -1, -1):
            word = words[index].group()
            lowered = word.lower()
            if lowered == "según" or (lowered == "con" and _de_acuerdo_con(words, index - 2)):
                noun_phrase = self._np_after(words[index].end(), hi)
                if noun_phrase:
                    return self._said_by(noun_phrase, words[index].end(), sentence, "segun")
                continue
            if is_cue_verb(word):
                subject_end = words[_back_over_auxiliaries(words, index)].start()
                subject = self._np_before(lo, subject_end)
                if subject:
                    return self._said_by(subject, subject_end, sentence, "before")
                inverted = self._np_after(words[index].end(), hi)  # Dijo el ministro que «…»
                if inverted:
                    return self._said_by(inverted, words[index].end(), sentence, "before")
                return Attribution(None, "implicit")
        before = masked[lo:hi].rstrip()
        if before.endswith(":"):  # Sánchez: «…»
            chunk = before[:-1].split(",")[-1]
            runs = name_runs(chunk, 0, len(chunk), self.lowercase)
            if runs and runs[-1].end == len(chunk.rstrip()):
                return self._said_by(runs[-1].text, hi, sentence, "colon")
        opener = OPINION_OPENERS.match(masked, lo, hi)
        if opener:
            comma = masked.find(",", opener.end(), hi)
            if comma != -1:
                noun_phrase = self._np_from_chunk(masked[opener.end() : comma])
                if noun_phrase:
                    return self._said_by(noun_phrase, opener.end(), sentence, "opinion")
        return None

    def _trailing(self, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
        """… «…» a Rusia tomando el territorio, dijo la comisión."""
        masked, end = self.masked, sentence.end
        comma = masked.find(",", span.outer_end, end)
        while comma != -1:
            words = tokens(masked, comma + 1, _first_break(masked, comma + 1, end))
            if words and words[0].group().lower() == "según" and len(words) > 1:
                return self._said_by(self._np_after(words[0].end(), end), words[0].end(), sentence, "segun")
            index = _skip_auxiliaries(words, 0)
            if index < len(words) and is_cue_verb(words[index].group()):
                noun_phrase = self._np_after(words[index].end(), end)
                if noun_phrase:
                    return self._said_by(noun_phrase, words[index].end(), sentence, "trailing")
                return Attribution(None, "implicit")
            comma = masked.find(",", comma + 1, end)
        return None

    def _from_neighbours(
        self, block: Block, spans: list[QuotedSpan], results: list[Attribution], index: int
    ) -> Attribution:
        """Inherit from the quotation just before, or (standing alone) from the one just after."""
        span = spans[index]
        sentence = self._locator(block).at(span.outer_start)
        position = self._locator(block).index_at(span.outer_start)
        opens_sentence = not any(c.isalnum() for c in self.masked[sentence.start : span.outer_start])
        if opens_sentence:
            for earlier in range(index - 1, -1, -1):
                previous = results[earlier]
                earlier_sentence = self._locator(block).index_at(spans[earlier].outer_end - 1)
                if position - earlier_sentence > 1:
                    break
                if previous.speaker:
                    return Attribution(previous.speaker, "inherited")
        stands_alone = opens_sentence and not any(
            c.isalnum() for c in self.masked[span.outer_end : self._locator(block).at(span.outer_end - 1).end]
        )
        if stands_alone and index + 1 < len(spans):
            following = results[index + 1]
            next_position = self._locator(block).index_at(spans[index + 1].outer_start)
            if following.direct and next_position - position <= 1:
                return Attribution(following.speaker, "next")
        last = self._locator(block).index_at(span.outer_end - 1)
        if last + 1 < len(block.sentences):
            return self._said_after(block.sentences[last + 1]) or NOBODY
        return NOBODY

    def _said_after(self, sentence: Sentence) -> Attribution | None:
        """A next sentence that only attributes what came before: "Así lo afirmó el ministro."."""
        opener = _BACK_REFERENCE.match(self.masked, sentence.start, sentence.end)
        if not opener:
            return None
        words = tokens(self.masked, opener.end(), sentence.end)
        index = _skip_auxiliaries(words, 0)
        if index < len(words) and is_cue_verb(words[index].group()):
            noun_phrase = self._np_after(words[index].end(), sentence.end)
            speaker = self.resolve(noun_phrase, words[index].end(), sentence)
            if speaker:
                return Attribution(speaker, "next")
        return None

    # --- noun phrases -----------------------------------------------------------------

    def _np_after(self, start: int, limit: int) -> str:
        """The subject written after its verb: "dijo el lunes el ministro de Economía, Juan Pérez"."""
        masked = self.masked
        end = _first_break(masked, start, limit)
        text = masked[start:end]
        while True:
            trimmed = _TIME_PREFIX.match(text) or _COMPLEMENT_PREFIX.match(text)
            if not trimmed or trimmed.end() == 0:
                break
            text = text[trimmed.end() :]
        chunks = [chunk.strip() for chunk in text.split(",")]
        words = chunks[0].split() if chunks else []
        if not words or words[0].lower() in _RELATIVES:
            return ""
        kept = [words[0]]
        for word in words[1:]:
            if word.lower() in NP_STOP_WORDS:
                break
            kept.append(word)
        noun_phrase = " ".join(kept)
        if not is_capitalised(_strip_articles(noun_phrase)[:1] or "x") and len(chunks) > 1:
            apposition = self._pure_name(chunks[1])
            if apposition:
                return apposition
        return self._np_from_chunk(noun_phrase)

    def _np_before(self, lo: int, end: int) -> str:
        """The subject written before its verb, within its clause."""
        text = self.masked[lo:end].rstrip(" ,")
        breaks = list(_CLAUSE_BREAK.finditer(text))
        if breaks and not text[breaks[-1].end() :].strip() and breaks[-1].group() == "que":
            # "el cantante irlandés que dijo …": the relative's antecedent said it.
            text = text[: breaks[-1].start()].rstrip(" ,")
            breaks = breaks[:-1]
        if breaks:
            text = text[breaks[-1].end() :]
        chunks = [chunk.strip() for chunk in text.split(",") if chunk.strip()]
        while chunks and (chunks[-1].split()[0].lower() in _RELATIVES or _is_time_phrase(chunks[-1])):
            chunks.pop()
        if not chunks:
            return ""
        last = chunks[-1]
        if len(chunks) > 1 and not is_capitalised(_strip_articles(last)[:1] or "x"):
            name = self._pure_name(chunks[-2])  # Koo Byoungsam, portavoz del ministerio, dijo
            if name and last.split()[0].lower() not in _ARTICLES:
                return name
        return self._np_from_chunk(last)

    def _np_from_chunk(self, chunk: str) -> str:
        """A name inside a short phrase, or the phrase itself as a role ("portavoz del Kremlin")."""
        head = _strip_function_words(chunk.strip(" ,"))
        if not head:
            return ""
        # The chunk is not a sentence start, so capitalised words are not checked against
        # the lowercase vocabulary ("Comisión" stays although "la comisión" occurs too).
        runs = name_runs(head, 0, len(head))
        if runs and runs[0].start == 0:
            return runs[0].text
        if runs:
            before_run = head[: runs[-1].start].split()
            if not before_run or before_run[-1].lower() not in _PREPOSITIONS:
                return runs[-1].text
        words = head.split()
        kept = words[:1]
        for word in words[1:]:  # "cartel en la puerta" → "cartel"
            if word.lower() in NP_STOP_WORDS:
                break
            kept.append(word)
        return " ".join(kept)

    def _pure_name(self, chunk: str) -> str | None:
        """The chunk's name when the chunk is nothing but a name (an apposition)."""
        head = _strip_function_words(chunk.strip())
        runs = name_runs(head, 0, len(head))
        if len(runs) == 1 and runs[0].start == 0 and runs[0].text == head:
            return runs[0].text
        return None

    # --- resolution -------------------------------------------------------------------

    def _said_by(self, noun_phrase: str, position: int, sentence: Sentence, via: str) -> Attribution:
        speaker = self.resolve(noun_phrase, position, sentence)
        return Attribution(speaker, via) if speaker else Attribution(None, "implicit")

    def resolve(self, noun_phrase: str, position: int, sentence: Sentence) -> str | None:
        """The fullest form of a mention: full name, organisation, or the role itself."""
        noun_phrase = _strip_articles(noun_phrase.strip(" ,"))
        if not noun_phrase or MASK in noun_phrase:
            return None
        if noun_phrase.lower() in STRICT_PRONOUNS:
            return self._pronoun(position, sentence)
        words = noun_phrase.split()
        if is_capitalised(words[0]):
            return self.names.full_name(noun_phrase, position)
        if len(words) == 1:
            return self.names.organisation(words[0], position) or noun_phrase
        return noun_phrase

    def _pronoun(self, position: int, sentence: Sentence) -> str | None:
        """"él" is the subject of its sentence, else of an earlier sentence of the paragraph.

        A subject is a name followed by a verb ("Putin elogió", "Ursula von der Leyen,
        elogió"); failing one in the pronoun's own sentence, its last name is taken.
        """
        block = self._block_of(sentence)
        sentences = block.sentences if block else [sentence]
        index = self._locator(block).index_at(sentence.start) if block else 0
        first = max(0, index - _PRONOUN_LOOKBACK_SENTENCES)
        for distance, earlier in enumerate(reversed(sentences[first : index + 1])):
            end = position if distance == 0 else earlier.end
            runs = name_runs(self.masked, earlier.start, end, self.lowercase)
            for run in runs:
                following = tokens(self.masked, run.end, min(end, run.end + 40))
                if following and _looks_like_verb(following[0].group()):
                    return self.names.full_name(run.text, run.start)
            if distance == 0 and runs:
                return self.names.full_name(runs[-1].text, runs[-1].start)
        return None

    def _block_of(self, sentence: Sentence) -> Block | None:
        return self._block_of_sentence.get(sentence.id)

    def _locator(self, block: Block) -> SentenceLocator:
        if block.id not in self._locators:
            self._locators[block.id] = SentenceLocator(block.sentences)
        return self._locators[block.id]


# --- helpers ---------------------------------------------------------------------------


def _first_break(text: str, start: int, limit: int) -> int:
    found = _NP_END.search(text, start, limit)
    return found.start() if found else limit


def _skip_auxiliaries(words: list[re.Match], index: int) -> int:
    limit = index + 3
    while index < len(words) and index < limit and words[index].group().lower() in AUXILIARY_WORDS:
        index += 1
    return index


def _back_over_auxiliaries(words: list[re.Match], index: int) -> int:
    """Index of the first of the auxiliaries/adverbs right before words[index] ("había dicho")."""
    while index > 0 and words[index - 1].group().lower() in AUXILIARY_WORDS:
        index -= 1
    return index


def _de_acuerdo_con(words: list[re.Match], index: int) -> bool:
    if index < 0 or index + 2 >= len(words):
        return False
    return [w.group().lower() for w in words[index : index + 3]] == ["de", "acuerdo", "con"]


def _strip_articles(noun_phrase: str) -> str:
    words = noun_phrase.split()
    while len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _strip_function_words(chunk: str) -> str:
    words = chunk.split()
    while len(words) > 1 and (words[0].lower() in FUNCTION_WORDS or words[0].lower() in _ARTICLES):
        words = words[1:]
    return " ".join(words)


def _is_time_phrase(chunk: str) -> bool:
    match = _TIME_PREFIX.match(chunk)
    return bool(match) and not chunk[match.end() :].strip(" ,")


def _looks_like_verb(word: str) -> bool:
    lowered = word.lower()
    return is_cue_verb(lowered) or lowered in _PERFECT_AUXILIARIES or bool(_VERB_LIKE.match(lowered))
