"""Reading the Spanish parse around a reporting verb: its subject, its agreement, whether
it is impersonal, whether the parse ties it to the quotation.

A mixin of summarize.quote_speakers.SpeakerFinder, which provides `analysis` (the
document's translate.language parse), `document`, `table` (its SpeakerTable), `reader`
(its MentionReader), `_masked(token)` (a token inside a quotation) and `_locator(block)`
(its sentences).
"""

from __future__ import annotations

from bitexto.translate.spanish.nouns import other_names_for
from bitexto.summarize.quote_marks import QuotedSpan
from bitexto.translate.spanish.parse import Token

# Subject labels; "que"/"quien" subjects stand for the antecedent of their clause.
SUBJECT_LABELS = ("nsubj", "nsubj:pass")
_RELATIVE_WORDS = frozenset({"que", "quien", "quienes", "cual", "cuales"})
# Object clitics: with one of them "se" is a plain pronoun ("se lo dijo"), not impersonal.
_OBJECT_CLITICS = frozenset({"lo", "la", "los", "las", "le", "les"})


class CueParse:
    def _subject_of(self, verb: Token) -> Token | None:
        """The verb's subject, through "que"/"quien", conjoined verbs and "quiso decir"."""
        for _ in range(6):
            subjects = [child for child in self.analysis.children(verb)
                        if child.dep in SUBJECT_LABELS and not self._masked(child) and child.pos != "PUNCT"
                        and self._number_agrees(child, verb)]
            if subjects:
                subject = subjects[0]
                if subject.text.lower() in _RELATIVE_WORDS and verb.dep.startswith("acl"):
                    antecedent = self.analysis.head(verb)
                    if not self._masked(antecedent):
                        return antecedent
                    # "Vidal alabó el «esfuerzo de todos», que calificó de «…»": quoted words
                    # do not speak; the clause above has the subject.
                    verb = self._clause_verb_above(verb)
                    if verb is None:
                        return None
                    continue
                if subject.start > verb.start and subject.pos == "NOUN" and not self.reader.can_speak(subject):
                    # "La asociación, que defiende «…», condenó el asesinato": the parser
                    # hung the real subject from the quotation and took the object for it.
                    stray = self._stray_subject(verb, across_quotes=True)
                    if stray is not None:
                        return stray
                return subject
            inverted = self._inverted_object(verb) or self._name_right_before(verb)
            if inverted is not None:
                return inverted
            if verb.dep == "conj":
                # "Gil cogió el micrófono y lanzó «…»": the verb coordinated right before
                # shares its subject (the parser often hangs the second one elsewhere).
                before = self._verb_before(verb)
                if before is not None and before.index != verb.head:
                    shared = self._subject_of(before)
                    if shared is not None:
                        return shared
            gerund = verb.dep == "advcl" and verb.feature("VerbForm") == "Ger"
            if verb.dep in ("conj", "xcomp") or gerund:
                verb = self.analysis.head(verb)
                continue
            stray = self._stray_subject(verb)
            if stray is not None or not verb.dep.startswith("acl"):
                return stray
            # A relative clause without a subject of its own ("Vidal elogió la labor, que
            # calificó de «…»"): its subject is the one of the clause it hangs in.
            verb = self._clause_verb_above(verb)
            if verb is None:
                return None
        return None

    def _inverted_object(self, verb: Token) -> Token | None:
        """ "Resumen bien la protesta las palabras de X": when the parser's subject does not
        agree with the verb, the noun after the verb that does is the subject."""
        children = self.analysis.children(verb)
        if not any(c.dep in SUBJECT_LABELS and not self._number_agrees(c, verb) for c in children):
            return None
        _, number = self._agreement(verb)
        for child in children:
            if (child.dep == "obj" and child.pos == "NOUN" and child.start > verb.start
                    and child.feature("Number") == number and not self._masked(child)):
                return child
        return None

    def _number_agrees(self, subject: Token, verb: Token) -> bool:
        """A subject the verb does not agree with is an object the parser misread:
        "destacaron un mensaje positivo"."""
        _, verb_number = self._agreement(verb)
        if verb_number is None or subject.pos not in ("NOUN", "PROPN"):
            return True
        if any(child.dep == "conj" for child in self.analysis.children(subject)):
            return True  # "Ana y Pedro dijeron"
        subject_number = subject.feature("Number")
        if subject.pos == "PROPN":  # "Estados Unidos dijo": only a plural verb tells
            return not (verb_number == "Plur" and subject_number == "Sing")
        return subject_number is None or subject_number == verb_number

    def _verb_before(self, verb: Token) -> Token | None:
        """The verb right before "y"/"e"/"pero" and `verb`, in the same sentence."""
        tokens = self.analysis.tokens
        index = verb.index - 1
        while index >= 0 and tokens[index].pos in ("ADV", "PRON", "AUX"):
            index -= 1
        if index < 0 or tokens[index].pos != "CCONJ":
            return None
        for previous in reversed(tokens[max(0, index - 12) : index]):
            if previous.block != verb.block or previous.text in ".;:" or self._masked(previous):
                return None
            if previous.pos == "VERB":
                return previous
        return None

    def _clause_verb_above(self, clause_verb: Token) -> Token | None:
        """The verb of the clause that holds the noun a relative clause modifies."""
        for ancestor in self.analysis.ancestors(clause_verb):
            if ancestor.pos in ("VERB", "AUX") and not self._masked(ancestor):
                return ancestor
        return None

    def _stray_subject(self, verb: Token, across_quotes: bool = False) -> Token | None:
        """ "«…» La jefa de la policía local, Ana Mora, subrayó …": the parser hung the subject
        from the quotation's verb; it is the subject left between the quotation and the verb."""
        sentence_start = verb.start
        block = self.document.blocks[verb.block]
        if block.sentences:
            sentence_start = self._locator(block).at(verb.start).start
        for token in reversed(self.analysis.tokens_in(sentence_start, verb.start)):
            if self._masked(token):
                if across_quotes:
                    continue
                return None
            stray = token.dep in SUBJECT_LABELS or (token.dep == "obj" and token.pos in ("NOUN", "PROPN"))
            if stray and self._masked(self.analysis.head(token)):
                return token
        return None

    def _name_right_before(self, verb: Token) -> Token | None:
        """ "… y Pekín le ha advertido de que «…»": a name right before the verb (its
        clitics and auxiliaries between) is its subject, whatever the parser hung it from."""
        tokens = self.analysis.tokens
        index = verb.index - 1
        while index >= 0 and tokens[index].pos in ("PRON", "AUX") and tokens[index].block == verb.block:
            index -= 1
        if index < 1 or tokens[index].pos != "PROPN" or self._masked(tokens[index]):
            return None
        run = self.table.run_at(tokens[index])
        first = self.analysis.token_at(run.start) if run is not None and run.end == tokens[index].end else None
        if first is None or first.index < 1:
            return None
        before = tokens[first.index - 1]
        if before.pos == "ADP" or before.block != verb.block:
            return None  # "en una charla con Radio Norte habló": a complement
        return first

    def _right_after(self, verb: Token, span: QuotedSpan) -> bool:
        """Only punctuation, auxiliaries, clitics and adverbs between the quotation and the verb."""
        if verb.start < span.outer_end:
            return False
        between = self.analysis.tokens_in(span.outer_end, verb.start)
        return all(t.pos in ("PUNCT", "AUX", "ADV", "PRON") and not self._masked(t) for t in between)

    def _inverted_subject(self, verb: Token) -> Token | None:
        """ "«…», contó una vecina": after the quotation, what the verb says is the
        quotation, so a bare noun phrase after the verb that the parser took for its
        object is its subject."""
        for child in self.analysis.children(verb):
            if child.dep == "obj" and child.start > verb.start and not self._masked(child):
                kids = self.analysis.children(child)
                nominal = child.pos in ("NOUN", "PROPN") or (child.pos == "ADJ" and any(c.dep == "det" for c in kids))
                if nominal and not any(c.dep == "case" for c in kids):  # "lamenta un familiar"
                    return child
        return self._person_after(verb)

    def _person_after(self, verb: Token) -> Token | None:
        """ "«…», explicó a la BBC Ana Ruiz": the parser glued the name to the complement
        before it; the first person named in the verb's clause, not governed by a preposition."""
        tokens = self.analysis.tokens
        for index in range(verb.index + 1, min(len(tokens), verb.index + 12)):
            token = tokens[index]
            if token.text in (",", ".", ";", ":") or self._masked(token) or token.block != verb.block:
                return None
            starts_name = token.entity == "PER" and token.text[:1].isupper() and tokens[index - 1].entity != "PER"
            if starts_name and tokens[index - 1].pos != "ADP":
                return token
        return None

    def _source_complement(self, verb: Token) -> Token | None:
        """ "«…», explican desde el ministerio": a subjectless verb speaks for the body
        its "desde" complement names; a plural one also for a body after "en" ("«…»,
        dicen en el partido"), not for a place or a medium ("dicen en Twitter")."""
        plural = self._agreement(verb)[1] == "Plur"
        for child in self.analysis.children(verb):
            if child.dep != "obl" or self._masked(child):
                continue
            links = {c.text.lower() for c in self.analysis.children(child) if c.dep == "case"}
            body = child.entity == "ORG" or bool(other_names_for(child.lemma))
            if "desde" in links or (plural and "en" in links and body):
                return child
        return None

    def _impersonal(self, verb: Token) -> bool:
        """ "Se ha dicho", "se asegura": "se" with no other clitic object and no subject."""
        clitics = [c.text.lower() for c in self.analysis.children(verb) if c.pos == "PRON"]
        return "se" in clitics and not _OBJECT_CLITICS & set(clitics)

    def _agreement(self, verb: Token) -> tuple[str | None, str | None]:
        """Person and number of a verb, read on its auxiliary for compound tenses."""
        for token in [verb, *(c for c in self.analysis.children(verb) if c.dep in ("aux", "cop"))]:
            if token.feature("Mood") == "Imp" and token.feature("Number") == "Sing":
                # "según indica": the tú imperative is spelt like the third person present,
                # and outside quotation marks a news text reports, it does not command.
                return "3", "Sing"
            if token.feature("Person"):
                return token.feature("Person"), token.feature("Number")
        return None, verb.feature("Number")

    def _linked(self, verb: Token, quote_tokens: list[Token]) -> bool:
        """The parse ties the verb to the quotation: the quotation hangs from it, or it from the quotation."""
        inside = {t.index for t in quote_tokens}
        for token in quote_tokens:
            if token.head not in inside and verb.index in (token.head, *(a.index for a in self.analysis.ancestors(token))):
                return True
        return any(a.index in inside for a in self.analysis.ancestors(verb))
