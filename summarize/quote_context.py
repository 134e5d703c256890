"""Quotations whose own sentence does not say who spoke: read off their neighbours.

A mixin of summarize.quote_speakers.SpeakerFinder (which provides the parse, the masked
text, the speaker table, the mention reader and the sentence locators):

- an omitted subject or a pronoun ("—ha añadido—", "ella aseguró") carries over the
  speaker of the last attributed quotation, or a person named as a recent subject (or
  presented by a copula: "Una de ellas es la actriz Ana Gil") who agrees in number, and
  for a pronoun in gender; a body named since does not take over from a person;
- a quotation with no cue continues the one before it, speaks for the person the
  sentence before it is about ("Carmen Ortiz dirige el albergue…. «…»") or that ends
  on a person it describes, takes the speaker of a
  directly attributed quotation right after it, or of "Así lo afirmó X." after it;
- a partial quotation inside a clause speaks for the named subject (or person's role)
  of the nearest clause above it that has one.
"""

from __future__ import annotations

from dataclasses import replace

from bitexto.summarize.cue_parse import SUBJECT_LABELS
from bitexto.summarize.quote_marks import QuotedSpan
from bitexto.translate.spanish.saying import is_saying_verb
from bitexto.translate.spanish.nouns import is_person_role
from bitexto.summarize.speaker_mentions import MASK, NOBODY, Attribution
from bitexto.translate.document import CONTENT_KINDS, Block
from bitexto.translate.spanish.parse import Token

_BACK_REFERENCES = frozenset({"así", "eso", "esto", "lo", "tal"})


class QuoteContext:
    # --- carrying a speaker over --------------------------------------------------------

    def _carry_over(self, pending: Attribution, last: Attribution | None, block: Block,
                    span: QuotedSpan) -> Attribution:
        """An omitted subject or a pronoun: the nearest earlier speaker that agrees."""
        # The speaker of the last attributed quotation first, unless this paragraph has
        # named a new subject since; failing one, a person who is a recent subject.
        people = self.table.people
        recent = self._recent_subject(block, span.outer_start, pending.number, pending.gender)
        if (last is not None and (agrees(pending.number, last.number) or self._its_members(pending, last))
                and (last.speaker is None or people.agrees(last.speaker, pending.gender))):
            # Only an omitted subject moves on to a newly named subject: a pronoun points
            # back at the speaker the reader has in mind.
            # A body named since does not take over from a person who was speaking
            # ("El partido afronta la campaña …. «…», ha explicado": still its leader).
            takes_over = recent is not None and (people.is_person(recent.speaker) or not people.is_person(last.speaker))
            newer = (pending.via == "omitted" and takes_over and block.start <= recent.position
                     and recent.position > last.position)
            nearest = recent if newer else last
        else:
            nearest = recent
        if nearest is None:
            return Attribution(None, "verb", pending.mention, position=pending.position)
        if nearest.speaker is None:  # the same unnamed source goes on speaking
            return Attribution(None, "verb", pending.mention, description=nearest.description,
                               number=nearest.number, position=pending.position)
        return Attribution(nearest.speaker, "verb", pending.mention, number=nearest.number,
                           position=pending.position)

    def _its_members(self, pending: Attribution, last: Attribution) -> bool:
        """ "El grupo anunció que «…». «…», añadieron": a plural verb after a body speaks
        for its members."""
        return (pending.via == "omitted" and pending.number == "Plur" and last.speaker is not None
                and not self.table.people.is_person(last.speaker))

    def _recent_subject(self, block: Block, position: int, number: str | None,
                        gender: str | None = None) -> Attribution | None:
        """The latest named subject before `position` in this paragraph or the one before
        that agrees in number (and, for a pronoun, in gender: "él" is not the woman named)."""
        lo = block.start
        previous = self._previous_block.get(block.id)
        if previous is not None and previous.kind in CONTENT_KINDS:
            lo = previous.start
        for token in reversed(self.analysis.tokens_in(lo, position)):
            copular = token.dep == "ROOT" and any(c.dep == "cop" for c in self.analysis.children(token))
            if copular and token.pos in ("NOUN", "PROPN"):
                # "La más veterana es la jubilada de origen gallego Ana Gil": the
                # person the sentence presents.
                named = [t for t in self.analysis.subtree(token)
                         if t.entity == "PER" and self.table.is_name(t) and not self._masked(t)]
                if not named:
                    continue
                token = named[0]
            elif token.pos == "VERB" and token.dep == "ROOT":
                # A main verb's subject as _subject_of reads it: a post-verbal one the parser
                # took for the object, or one it hung from a quotation before it.
                subject = self._subject_of(token)
                if subject is None or subject.dep in SUBJECT_LABELS:
                    continue
                token = subject
            elif token.dep not in SUBJECT_LABELS or not self._number_agrees(token, self.analysis.head(token)):
                continue
            if self._masked(token) or token.pos not in ("PROPN", "NOUN"):
                continue
            if self.table.entity_label(token.start, token.end) == "LOC" or self._in_question(token):
                continue
            found = self.reader.read(token, "verb", token.start)
            resolved_role = found.speaker is not None and found.speaker != self.reader.role_words(token)
            named = found.speaker is not None and (self.table.is_name(token) or resolved_role)
            if named and agrees(number, found.number) and self.table.people.agrees(found.speaker, gender):
                return found
        return None

    def _in_question(self, token: Token) -> bool:
        """ "¿Y si el ministro cede?": the writer asks about someone, who does not speak."""
        _, end = self.analysis.sentence_span(token)
        return self.masked[end - 1 : end] == "?"

    def _without_cue(self, block: Block, spans: list[QuotedSpan], results: list[Attribution],
                     index: int, last: Attribution | None) -> Attribution:
        span = spans[index]
        locator = self._locator(block)
        sentence = locator.at(span.outer_start)
        opens_sentence = not has_word(self.masked[sentence.start : span.outer_start])
        end_sentence = locator.at(span.outer_end - 1)
        stands_alone = opens_sentence and not has_word(self.masked[span.outer_end : end_sentence.end])
        introduced = self._introduced(block, locator.index_at(span.outer_start), span) if stands_alone else None
        if introduced is not None and (last is None or introduced.position > last.position):
            return introduced
        if opens_sentence and last is not None:
            earlier_here = any(r.speaker or r.description for r in results[:index])
            opens_paragraph = not has_word(self.masked[block.start : span.outer_start])
            if earlier_here or opens_paragraph:
                return Attribution(last.speaker, "continued", description=last.description, number=last.number,
                                   position=span.outer_start)
        if stands_alone and index + 1 < len(spans):
            following = results[index + 1]
            close = locator.index_at(spans[index + 1].outer_start) - locator.index_at(span.outer_end - 1) <= 1
            if following.direct and following.speaker and close:
                return Attribution(following.speaker, "next", number=following.number, position=span.outer_start)
        position = locator.index_at(span.outer_end - 1)
        if position + 1 < len(block.sentences):
            said_after = self._said_after(block.sentences[position + 1], span)
            if said_after is not None:
                return said_after
        return self._clause_subject(span) or NOBODY

    def _introduced(self, block: Block, sentence_index: int, span: QuotedSpan) -> Attribution | None:
        """ "Carmen Ortiz dirige el albergue desde 2010. «Aquí…»": a quotation standing
        alone speaks for the named person the sentence before it is about."""
        if sentence_index == 0:
            return None
        previous = block.sentences[sentence_index - 1]
        tokens = [t for t in self.analysis.tokens_in(previous.start, previous.end) if not self._masked(t)]
        roots = [t for t in tokens if t.dep == "ROOT"]
        if len(roots) != 1:
            return None
        subject = self._subject_of(roots[0])
        if subject is None and roots[0].pos in ("VERB", "AUX"):
            # "Las médicas Ana Gil y Eva Sanz llegaron en mayo. Al irse contaron lo vivido.
            # «…»": an omitted subject, named in a sentence before.
            _, number = self._agreement(roots[0])
            found = self._recent_subject(block, previous.start, number)
            return replace(found, via="introduced", position=previous.start) if found else None
        if subject is None or not self.table.is_name(subject):
            return self._presented_last(tokens)
        if self.table.entity_label(subject.start, subject.end) == "LOC":
            return None
        found = self.reader.read(subject, "introduced", subject.start)
        return replace(found, position=subject.start) if found.speaker else None

    def _presented_last(self, tokens: list[Token]) -> Attribution | None:
        """ "La sentencia indignó a Javier Ruiz, padre de la víctima. «…»": a sentence
        that ends on a person, named and described, hands the word to that person."""
        people = [t for t in tokens if t.entity == "PER" and self.table.is_name(t)]
        if not people or MASK in self.masked[tokens[0].start : tokens[-1].end]:
            return None  # a sentence that quotes someone attributes, it does not present
        last = self.table.run_at(people[-1])
        before = self.analysis.token_at(last.start - 2) if last.start >= 2 else None
        if before is not None and before.text.lower() in ("de", "del"):
            return None  # "el recurso del abogado de Ana Ruiz": she is not the one presented
        after = [t for t in tokens if t.start >= last.end and t.pos != "PUNCT"]
        if any(t.pos in ("VERB", "AUX") or t.entity == "PER" for t in after):
            return None
        if after and self.masked[last.end : last.end + 1] != ",":
            return None  # "… a Javier Ruiz en Madrid": a complement, not his description
        name = self.table.full_name(last.text, last.start)
        return Attribution(name, "introduced", position=last.start)

    def _clause_subject(self, span: QuotedSpan) -> Attribution | None:
        """ "Gil pide el voto contra «los especuladores del suelo»": a partial quotation
        inside a clause whose subject is a named person or body speaks for that subject."""
        quote_tokens = self.analysis.tokens_in(span.start, span.end)
        inside = {t.index for t in quote_tokens}
        for token in quote_tokens:
            if token.head in inside:
                continue
            for ancestor in self.analysis.ancestors(token):
                if self._masked(ancestor) or ancestor.pos not in ("VERB", "AUX", "ADJ", "NOUN"):
                    continue
                subject = self._subject_of(ancestor)
                if subject is None and ancestor.pos in ("VERB", "AUX"):
                    return None
                if subject is not None and (self.table.is_name(subject) or is_person_role(subject)):
                    found = self.reader.read(subject, "clause", span.outer_start)
                    return found if found.speaker else None
                # "Ana Gil confía en que esto sirva a «…»": a subordinate clause about a
                # thing; the person is the subject of a clause above it.
            return None
        return None

    def _said_after(self, sentence, span: QuotedSpan) -> Attribution | None:
        """A next sentence that only attributes what came before: "Así lo afirmó el ministro."."""
        words = [t for t in self.analysis.tokens_in(sentence.start, sentence.end) if t.pos != "PUNCT"]
        if not words or words[0].text.lower() not in _BACK_REFERENCES:
            return None
        for token in words[1:4]:
            if is_saying_verb(token):
                subject = self._subject_of(token)
                if subject is not None:
                    found = self.reader.read(subject, "next", span.outer_start)
                    return found if found.speaker or found.description else None
        return None


def agrees(wanted: str | None, number: str | None) -> bool:
    return wanted is None or number is None or wanted == number


def has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)
