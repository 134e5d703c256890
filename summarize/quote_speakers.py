"""Who said each quotation, read on the Spanish parse of the article (translate.language).

For every quotation, the cues of its own sentence(s), outside any quotation, compete:

- a reporting verb (summarize.reporting, by lemma: any tense or person), before or
  after the quotation or between two halves of it ("«…» —dijo X— «…»"); the nearest
  wins, and a verb the parse ties to the quotation (the quotation as its complement,
  object or parataxis, or the verb as an inciso inside it) counts as nearer;
- "según X", and lead-ins "para X, «…»", "en palabras de X", "a juicio de X";
- a colon right before the quotation: "X: «…»", "X fue tajante: «…»" (when X may speak:
  not "el patio es el sitio donde …: «…»").

A sentence with no finite verb before its quotation joins the sentence before it (the
splitter cut at a title). The cue's noun phrase (the verb's subject — one that agrees
with the verb, also written after the verb, as the antecedent of "que", or shared with
the verb coordinated before) is read by summarize.speaker_mentions: a name, a role, an
anonymous source (no speaker, a description) or a pronoun. Passive and impersonal verbs
("se ha dicho") name nobody. Omitted subjects, pronouns and quotations with no cue of
their own are summarize.quote_context's: the speaker is read off the quotations and
sentences around them, and is None when they name nobody.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from bitexto.summarize.cue_parse import CueParse
from bitexto.summarize.quote_context import QuoteContext, has_word
from bitexto.summarize.quote_marks import QuotedSpan
from bitexto.translate.spanish.names import is_capitalised, words_in as tokens
from bitexto.summarize.quote_sentences import SentenceLocator
from bitexto.summarize.reporting import OPINION_LEAD_INS, SEGUN
from bitexto.translate.spanish.saying import is_saying_verb
from bitexto.summarize.speaker_mentions import MASK, NOBODY, Attribution, MentionReader
from bitexto.summarize.speaker_table import SpeakerTable
from bitexto.translate.document import CONTENT_KINDS, AlignedDocument, Block
from bitexto.translate.spanish.parse import INCISO_DASH, Analysis, Token

__all__ = ["MASK", "NOBODY", "Attribution", "SpeakerFinder", "masked_text"]

# How much nearer (in characters) a verb the parse ties to the quotation counts.
_LINKED_FACTOR = 0.4
# A cue on the far side of another quotation counts as this much further away.
_OTHER_QUOTE_PENALTY = 60
# Characters between a quotation and a verb that directly attributes it (", " or " —").
_ADJACENT = 4
_CONTRACTIONS = {"del": "de", "al": "a"}
# A colon lead-in is a short noun phrase or clause: "El técnico, tajante: «…»".
_COLON_CLAUSE_TOKENS = 40


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


class SpeakerFinder(CueParse, QuoteContext):
    """Attribution of the quotations of one document (see the module docstring)."""

    def __init__(
        self,
        document: AlignedDocument,
        analysis: Analysis,
        spans_by_block: dict[str, list[QuotedSpan]],
        content_kinds: tuple[str, ...] = CONTENT_KINDS,
    ):
        self.document = document
        self.analysis = analysis
        self.masked = masked_text(document.text, [s for spans in spans_by_block.values() for s in spans])
        content = [block for block in document.blocks if block.kind in content_kinds]
        self.table = SpeakerTable(self.masked, self.analysis, [(b.start, b.end) for b in content])
        self.reader = MentionReader(self.masked, self.analysis, self.table)
        self._locators: dict[str, SentenceLocator] = {}
        self._previous_block = {b.id: prev for prev, b in zip(document.blocks, document.blocks[1:])}
        self._word_counts = Counter(
            m.group().lower() for b in content for m in tokens(document.text, b.start, b.end)
        )

    # --- public -----------------------------------------------------------------------

    def attribute_block(
        self, block: Block, spans: list[QuotedSpan], previous: Attribution | None = None
    ) -> list[Attribution]:
        """One Attribution per span of `block`, in order; `previous` is the last attributed
        quotation of the paragraph before, if that paragraph quoted anyone."""
        results = [self.direct(block, span) for span in spans]
        last = previous if previous is not None and (previous.speaker or previous.description) else None
        for index, span in enumerate(spans):
            found = results[index]
            if found.pending:
                found = self._carry_over(found, last, block, span)
            elif found.via is None:
                found = self._without_cue(block, spans, results, index, last)
            results[index] = found
            if found.speaker or found.description:
                last = replace(found, position=span.outer_start)
        return results

    def mentions(self, speaker: str) -> int:
        """How often the article names the speaker: by surname, or by an organisation's head noun."""
        words = speaker.split()
        is_person = all(is_capitalised(word) for word in words)
        key = words[-1] if is_person else words[0]
        return max(1, self._word_counts.get(key.lower(), 0))

    # --- cues of the quotation's own sentence ------------------------------------------

    def direct(self, block: Block, span: QuotedSpan) -> Attribution:
        """What the cues of the quotation's own sentence(s) say (maybe pending)."""
        locator = self._locator(block)
        first = locator.index_at(span.outer_start)
        lo = block.sentences[first].start
        hi = locator.at(max(span.outer_start, span.outer_end - 1)).end
        outside = [t for t in self.analysis.tokens_in(lo, hi) if not self._masked(t)]
        before = [t for t in outside if t.end <= span.outer_start and t.pos != "PUNCT"]
        cut_at_a_title = before and not any(t.feature("VerbForm") == "Fin" for t in before)
        if first > 0 and (cut_at_a_title or self._inciso_open_before(block.sentences[first - 1], lo, span)):
            # "… autora del libro Vivir despacio. Claves para …, «…»": a sentence with no
            # finite verb before the quotation is the end of one the splitter cut at a
            # title; so is one that closes a dash the sentence before opened.
            lo = block.sentences[first - 1].start
            outside = [t for t in self.analysis.tokens_in(lo, hi) if not self._masked(t)]
        quote_tokens = self.analysis.tokens_in(span.start, span.end)
        best: tuple[float, str, Token] | None = None
        for index, token in enumerate(outside):
            cue = self._cue_at(outside, index)
            if cue is None:
                continue
            kind, anchor = cue
            distance = self._distance(token, span)
            if kind == "verb" and self._linked(token, quote_tokens):
                distance *= _LINKED_FACTOR
            if best is None or distance < best[0]:
                best = (distance, kind, anchor)
        # A colon right before the quotation closes the clause that introduces it
        # ("Mora fue tajante: «…»"): that clause's subject speaks, whatever verbs of
        # saying sit in its subordinate clauses.
        # A verb right after the quotation («…», explicó X) still is its own attribution.
        lead_in = self._colon_lead_in(outside, span)
        verb_right_after = best is not None and best[2].start >= span.outer_end and best[0] <= _ADJACENT
        found = None
        if best is not None:
            found = replace(self._from_cue(best[1], best[2], span), cue_after=best[2].start >= span.outer_end)
        if lead_in is not None and not verb_right_after and (lead_in.speaker or lead_in.description or lead_in.pending):
            # "Un músico toca y la poeta X cita a un clásico: «…»": an unnamed subject of the
            # lead-in yields to a named speaker of a verb of saying inside it.
            if lead_in.speaker is None and not lead_in.pending and found is not None and found.speaker:
                return found
            return lead_in
        return found or lead_in or NOBODY

    def _inciso_open_before(self, previous, lo: int, span: QuotedSpan) -> bool:
        """ "como recuerda X –autor de Cumbres. Diario de una vida– que «…»": a dash opened in the
        sentence before and closed before the quotation."""
        opened = len(INCISO_DASH.findall(self.masked, previous.start, previous.end))
        return opened % 2 == 1 and INCISO_DASH.search(self.masked, lo, span.outer_start) is not None

    def _cue_at(self, outside: list[Token], index: int) -> tuple[str, Token] | None:
        token = outside[index]
        lowered = token.text.lower()
        if lowered == SEGUN:
            head = self.analysis.head(token)
            if head.index != token.index and not self._masked(head) and not is_saying_verb(head):
                return "segun", head
            return None  # "según dijo X": the verb is a cue of its own
        for lead_in in OPINION_LEAD_INS:
            words = [_CONTRACTIONS.get(t.text.lower(), t.text.lower()) for t in outside[index : index + len(lead_in)]]
            if tuple(words) == lead_in:
                last = outside[index + len(lead_in) - 1]
                head = self.analysis.head(last)
                sentence_initial = lead_in != ("para",) or self._opens_clause(token)
                if sentence_initial and head.pos in ("NOUN", "PROPN", "PRON") and not self._masked(head):
                    return "lead_in", head
        # "critica que X se queje de que …": a verb of saying in the subjunctive is what
        # someone might say or should not, not who said the quotation.
        if is_saying_verb(token) and token.feature("Mood") != "Sub":
            return "verb", token
        return None

    def _from_cue(self, kind: str, anchor: Token, span: QuotedSpan) -> Attribution:
        if kind != "verb":
            return self.reader.read(anchor, kind, span.outer_start)
        subject = self._subject_of(anchor)
        if subject is None and self._right_after(anchor, span):
            subject = self._inverted_subject(anchor)
        if subject is None:  # "Según explica Ana Ruiz, «…»", "continúa la experta Ana Gil, «…»"
            subject = self._person_after(anchor)
        if subject is not None:
            found = self.reader.read(subject, "verb", span.outer_start)
            if found.speaker is None and found.description is not None:
                # "Mena se queja de que los novios piden «…»": the words are those of
                # the named person who reports what unnamed others do.
                return self._named_reporter_above(anchor, span) or found
            return found
        source = self._source_complement(anchor)
        if source is not None:  # "explican desde el partido"
            return self.reader.read(source, "verb", span.outer_start)
        if self._impersonal(anchor):
            return Attribution(None, "impersonal", position=span.outer_start)
        person, number = self._agreement(anchor)
        if person in ("1", "2"):
            return Attribution(None, "writer", position=span.outer_start)
        return Attribution(None, "omitted", number=number, position=span.outer_start)

    def _named_reporter_above(self, verb: Token, span: QuotedSpan) -> Attribution | None:
        for ancestor in self.analysis.ancestors(verb):
            if self._masked(ancestor) or not is_saying_verb(ancestor):
                continue
            subject = self._subject_of(ancestor)
            if subject is not None:
                found = self.reader.read(subject, "verb", span.outer_start)
                return found if found.speaker else None
        return None

    def _colon_lead_in(self, outside: list[Token], span: QuotedSpan) -> Attribution | None:
        """ "X: «…»" or "X fue tajante: «…»": the clause before a colon right before the quotation."""
        before = [t for t in outside if t.end <= span.outer_start]
        if not before or before[-1].text != ":" or self.masked[before[-1].end : span.outer_start].strip():
            return None
        clause = before[:-1][-_COLON_CLAUSE_TOKENS:]
        inside = {t.index for t in clause}
        roots = [t for t in clause if t.head not in inside or t.head == t.index]
        for root in roots:
            if root.pos in ("VERB", "AUX") or any(c.dep == "cop" for c in self.analysis.children(root)):
                subject = self._subject_of(root)
                if subject is None or subject.index not in inside:
                    return None
                found = self.reader.read(subject, "colon", span.outer_start)
                return found if self._may_speak(subject, found) else None
        # No verb: a bare lead-in, "El ministro: «…»", "Pérez, tajante: «…»".
        heads = [t for t in roots if self.table.is_name(t) or (t.pos == "NOUN" and self._has_determiner(t))]
        return self.reader.read(heads[0], "colon", span.outer_start) if heads else None

    def _may_speak(self, subject: Token, found: Attribution) -> bool:
        """A name, a pronoun, a person, a body or a source: not "el patio es el sitio …"."""
        return subject.pos != "NOUN" or found.speaker is not None or self.reader.can_speak(subject)

    def _has_determiner(self, noun: Token) -> bool:
        return any(c.dep == "det" for c in self.analysis.children(noun))

    def _distance(self, token: Token, span: QuotedSpan) -> float:
        if token.end <= span.outer_start:
            lo, hi = token.end, span.outer_start
        else:
            lo, hi = span.outer_end, token.start
        gap = self.masked[lo:hi]
        distance = float(len(gap.replace(MASK, "")))
        if MASK in gap:  # another quotation lies in between
            distance += _OTHER_QUOTE_PENALTY
        return distance

    # --- helpers ------------------------------------------------------------------------

    def _opens_clause(self, token: Token) -> bool:
        """First word of its sentence, or right after a comma ("Por último, para X, …")."""
        before = self.masked[max(0, token.start - 3) : token.start].strip()
        return before.endswith(",") or self._opens_sentence(token)

    def _opens_sentence(self, token: Token) -> bool:
        block = self.document.blocks[token.block]
        if not block.sentences:
            return True
        sentence = self._locator(block).at(token.start)
        return not has_word(self.masked[sentence.start : token.start])

    def _masked(self, token: Token) -> bool:
        return MASK in self.masked[token.start : token.end]

    def _locator(self, block: Block) -> SentenceLocator:
        if block.id not in self._locators:
            self._locators[block.id] = SentenceLocator(block.sentences)
        return self._locators[block.id]
