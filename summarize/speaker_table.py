"""Who is who in one article: names, their short forms, and the roles the article gives them.

Spanish news name a person once in full, often with a role, and then by surname or by
role alone: "el técnico del Valencia, Albert Celades" … "Celades" … "el técnico". The
table reads those links off the parse of the article's own text (body and headline):

- appositions: "el técnico del Valencia, Albert Celades", "Celades, entrenador del
  equipo", "la portavoz, Isabel Gómez";
- a role right before a name: "la alcaldesa Ana Gómez", "su amigo Pablo";
- copulas: "Celades es el entrenador del equipo", "el entrenador es Celades".

`full_name` completes a surname or a first name from a fuller run of capitalised words
written before it; `role_name` gives the person the article last tied to a role noun
("técnico", "portavoz"); `organisation` completes a body's head noun ("la comisión" →
"Comisión Militar Central de Corea del Norte").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from bitexto.translate.spanish.nouns import other_names_for
from bitexto.summarize.people import People, grammatical_gender
from bitexto.translate.spanish.fold import fold
from bitexto.summarize.quote_names import NameIndex
from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.names import NameRun, lowercase_vocabulary, name_runs
from bitexto.translate.spanish.nouns import is_person_role
from bitexto.translate.spanish.parse import Analysis, Token

# Parse labels that tie a role noun to a name written next to it.
_APPOSITION_LABELS = frozenset({"appos", "flat", "compound", "nmod", "nsubj", "obj", "amod"})
# Words of a noun phrase, for reading one back from a comma: "la delegada del Gobierno ,".
_NOUN_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "CCONJ"})
_APPOSED_PHRASE_TOKENS = 10
# Tags of words that never end a name, when the recogniser does not say otherwise.
_NOT_NAME_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "AUX", "VERB", "PRON"})
# Named-entity labels of speakers; places and miscellany are not people or bodies.
SPEAKER_ENTITY_LABELS = frozenset({"PER", "ORG"})


# Modifiers that make a former holder of a role: "el ex primer ministro" is not "el primer ministro".
_FORMER = frozenset({"ex", "antiguo", "anterior"})
# Ordinals that are part of a role's name: "primer ministro", "segundo comandante".
_ROLE_ORDINALS = frozenset({"primero", "primer", "segundo"})


@dataclass(frozen=True)
class RoleLink:
    position: int  # where the article ties the role to the name
    name: str
    specific: str | None = None  # the link's most specific key ("ministro sanidad"), if any


def role_keys(noun: Token, analysis: Analysis) -> list[str]:
    """Keys of a role noun, most specific first: "ministro hacienda", then "ministro"."""
    # A noun the tagger took for an adjective ("la discográfica") has a masculine lemma.
    head = fold(noun.lemma or noun.text) if noun.pos == "NOUN" else fold(noun.text)
    children = analysis.children(noun)
    if any(fold(c.lemma or c.text) in _FORMER or fold(c.text) in _FORMER for c in children if c.start < noun.start):
        head = f"ex {head}"
    keys = []
    for child in children:
        ordinal = child.dep == "amod" and fold(child.lemma or child.text) in _ROLE_ORDINALS
        if ordinal or (child.dep == "nmod" and child.pos in ("NOUN", "PROPN") and child.start > noun.start):
            keys.append(f"{head} {fold(child.lemma or child.text)}")
            break
    keys.append(head)
    return keys


class SpeakerTable:
    """Names and roles of one article (see the module docstring)."""

    def __init__(self, masked_text: str, analysis: Analysis, content_spans: list[tuple[int, int]]):
        self.masked = masked_text
        self.analysis = analysis
        content = "\n".join(masked_text[start:end] for start, end in content_spans)
        self.lowercase = lowercase_vocabulary(content)
        runs: list[NameRun] = []
        for start, end in content_spans:
            for run in name_runs(masked_text, start, end, self.lowercase):
                trimmed = self._trimmed(run)
                if trimmed is not None:
                    runs.extend(self._split_at_person(trimmed))
        self.names = NameIndex(runs)
        self._run_starts = [run.start for run in self.names.runs]
        self._person_entities = frozenset(e.text for e in analysis.entities if e.label == "PER")
        self.people = People(self.names.runs, analysis, self.full_name)
        self._roles: dict[str, list[RoleLink]] = {}
        self._first_bare_use: dict[str, int] = {}
        for start, end in content_spans:
            for token in analysis.tokens_in(start, end):
                if not self._masked(token):
                    self._learn(token)
                    self._note_bare_role(token)
        for run in self.names.runs:
            self._learn_written_apposition(run)
        for links in self._roles.values():
            links.sort(key=lambda link: link.position)

    def _trimmed(self, run: NameRun) -> NameRun | None:
        """A run as far as the tagger agrees it is a name: not the start of the sentence
        that follows a caption without a full stop ("ANA RUIZ Luis Gil El montaje …")."""
        tokens = self.analysis.tokens_in(run.start, run.end)
        if len(tokens) != len(run.words):
            return run
        count = len(tokens)
        while count > 1:
            last = tokens[count - 1]
            if last.text.islower() and last.pos != "PROPN":
                count -= 2 if tokens[count - 2].text.lower() in lexicon.words("surname_articles") else 1  # "… Gil El concierto"
            elif len(last.text) > 1 and last.pos in _NOT_NAME_POS and not last.entity:
                count -= 1
            else:
                break
        if count < 1:
            return None
        if count == len(tokens):
            return run
        return NameRun(run.start, tokens[count - 1].end, run.words[:count])

    def _split_at_person(self, run: NameRun) -> list[NameRun]:
        """ "el secretario del Tesoro Peter Walsh": the body a role belongs to, glued to the
        person's name (the recogniser takes all three words for one person), is a name apart."""
        if run.has_connector or len(run.words) < 3:
            return [run]
        tokens = self.analysis.tokens_in(run.start, run.end)
        if len(tokens) != len(run.words):
            return [run]
        if not self._after_role_complement(tokens[0]):
            return [run]
        return [NameRun(run.start, tokens[0].end, run.words[:1]), NameRun(tokens[1].start, run.end, run.words[1:])]

    def _after_role_complement(self, first: Token) -> bool:
        """ "el secretario del Tesoro …": the name follows "de" and a person's role."""
        if first.index < 2:
            return False
        link, role = self.analysis.tokens[first.index - 1], self.analysis.tokens[first.index - 2]
        return link.text.lower() in ("de", "del") and role.pos == "NOUN" and is_person_role(role)

    # --- reading the article ----------------------------------------------------------

    def _learn(self, token: Token) -> None:
        head = self.analysis.head(token)
        if head.index == token.index or self._masked(head):
            return
        if token.dep in _APPOSITION_LABELS and token.dep != "nsubj":
            role = self._role_above(head) if token.dep == "appos" else head
            if role is not None and role.pos == "NOUN" and self.is_name(token) and self._adjacent_or_apposed(role, token):
                self._link(role, token)  # el técnico, Albert Celades / la alcaldesa Ana Gómez
            elif token.dep == "appos" and token.pos == "NOUN" and self.is_name(head):
                self._link(token, head)  # Celades, entrenador del equipo
        if token.dep == "nsubj" and any(c.dep == "cop" for c in self.analysis.children(head)):
            if head.pos == "NOUN" and self.is_name(token):
                self._link(head, token)  # Celades es el entrenador
            elif token.pos == "NOUN" and self.is_name(head):
                self._link(token, head)  # el entrenador es Celades

    def _note_bare_role(self, token: Token) -> None:
        """Where the article first says "la directora", "el entrenador" with no name beside it."""
        if token.pos != "NOUN" or not is_person_role(token) or token.feature("Number") == "Plur":
            return
        children = self.analysis.children(token)
        definite = any(c.dep == "det" and fold(c.lemma) == "el" for c in children)
        if definite and not any(self.is_name(c) for c in children):
            self._first_bare_use.setdefault(role_keys(token, self.analysis)[-1], token.start)

    def _learn_written_apposition(self, run: NameRun) -> None:
        """ "… la visita al consejero de Obras Públicas regional, Andrés Molina": a person's
        name after a comma names the first role of the noun phrase before the comma, however
        the parser attached it (it often hangs the name from the verb or an outer noun);
        "Omar Haddad, el responsable de la misión": the role right after a name's comma;
        "la discográfica en la que empezó, Sonido Azul": the noun naming what a body is."""
        first = self.analysis.token_at(run.start)
        if first is None or first.entity not in ("PER", "ORG", "MISC"):
            return
        person = first.entity == "PER"
        if person and self.masked[run.end : run.end + 2] == ", ":
            after = self.analysis.token_at(run.end + 2)
            if after is not None and after.pos == "DET" and after.index + 1 < len(self.analysis.tokens):
                role = self.analysis.tokens[after.index + 1]
                if role.pos == "NOUN" and is_person_role(role) and not self._masked(role):
                    self._link(role, first)
        comma = self.analysis.token_at(run.start - 2)
        if self.masked[run.start - 2 : run.start] != ", " or comma is None:
            return
        phrase: list[Token] = []
        index = comma.index - 1
        while index >= 0 and len(phrase) < _APPOSED_PHRASE_TOKENS:
            token = self.analysis.tokens[index]
            if token.pos not in _NOUN_PHRASE_POS or self._masked(token) or token.block != comma.block:
                relative = self._relative_clause_start(index)
                if phrase or relative is None:
                    break
                index = relative - 1  # "la discográfica en la que empezó, Sonido Azul"
                continue
            phrase.insert(0, token)
            index -= 1
        if person:
            roles = [t for t in phrase if t.pos in ("NOUN", "ADJ") and is_person_role(t)]
        else:  # a body's name: the noun that says what it is ("la vieja editorial, Libros Norte")
            head = phrase[: next((i for i, t in enumerate(phrase) if t.pos == "ADP"), len(phrase))]
            nouns = [t for t in head if t.pos in ("NOUN", "ADJ") and t.text.islower() and not is_person_role(t)]
            roles = nouns[-1:] if head and head[0].pos == "DET" else []
        if roles and self.name_at(first):
            self._link(roles[0], first)

    def _relative_clause_start(self, index: int) -> int | None:
        """Where a short relative clause ending at tokens[index] starts ("con la que trabajaba")."""
        tokens = self.analysis.tokens
        for back in range(index, max(-1, index - 5), -1):
            if tokens[back].text.lower() in ("que", "cual", "quien"):
                start = back
                while start > 0 and tokens[start - 1].pos in ("ADP", "DET"):
                    start -= 1
                return start
        return None

    def _role_above(self, head: Token) -> Token | None:
        """The role noun an apposition names: the parser often hangs "Marta Gil" from the
        complement in "la delegada del Gobierno, Marta Gil"."""
        for _ in range(3):
            if head.pos == "NOUN":
                return head
            if head.dep not in ("nmod", "amod", "flat"):
                return None
            head = self.analysis.head(head)
        return head if head.pos == "NOUN" else None

    def _adjacent_or_apposed(self, noun: Token, name: Token) -> bool:
        if name.dep == "appos":
            return True
        has_case = any(child.dep == "case" for child in self.analysis.children(name))
        between = self.masked[noun.end : name.start]
        return not has_case and name.start > noun.start and between.strip() == ""

    def _link(self, noun: Token, name_token: Token, of_kind: bool = True) -> None:
        name = self.name_at(name_token)
        if not name:
            return
        # "su fundador y director, Sergio Molina": every conjoined role names the person.
        nouns = [noun] + [c for c in self.analysis.children(noun) if c.dep == "conj" and c.pos == "NOUN"]
        for role in nouns:
            keys = role_keys(role, self.analysis)
            specific = keys[0] if len(keys) > 1 else None
            for key in keys:
                self._roles.setdefault(key, []).append(RoleLink(noun.start, name, specific))
            gender = grammatical_gender(role, self.analysis)
            # "los actores Ana Gil y Pedro Sanz": a masculine plural is everybody's.
            generic = role.feature("Number") == "Plur" and gender == "Masc"
            if is_person_role(role) and not generic:
                self.people.note_gender(name, gender)
        kind = self._kind_of_body(noun, name_token) if of_kind else None
        if kind is not None:
            self._link(kind, name_token, of_kind=False)

    def _kind_of_body(self, noun: Token, name_token: Token) -> Token | None:
        """ "la banda de rock X", "la empresa de seguridad X": the name is the head's."""
        head = self.analysis.head(noun)
        if (name_token.entity == "PER" or noun.dep != "nmod" or head.index == noun.index or head.pos != "NOUN"
                or is_person_role(head) or is_person_role(noun) or self._masked(head)):
            return None
        linked_by_de = any(c.dep == "case" and c.text.lower() == "de" for c in self.analysis.children(noun))
        return head if linked_by_de else None

    def _masked(self, token: Token) -> bool:
        return "\x1f" in self.masked[token.start : token.end]

    # --- names ------------------------------------------------------------------------

    def is_name(self, token: Token) -> bool:
        """A capitalised word inside a name run (the tagger calls some names PRON or NOUN: O’Brien)."""
        return token.text[:1].isupper() and self.run_at(token) is not None

    def run_at(self, token: Token) -> NameRun | None:
        index = bisect.bisect_right(self._run_starts, token.start) - 1
        if index >= 0:
            run = self.names.runs[index]
            if run.start <= token.start < run.end:
                return run
        return None

    def name_at(self, token: Token) -> str | None:
        run = self.run_at(token)
        return run.text if run else None

    def full_name(self, mention: str, position: int) -> str:
        """The fullest earlier form of a name; when a capitalised complement is glued to it
        ("el secretario del Tesoro Peter Walsh"), the person entity inside it."""
        best = self.names.full_name(mention, position)
        if best == mention or best in self._person_entities:
            return best
        words = mention.split()
        inside = [person for person in self._person_entities if best.endswith(person)
                  and len(person.split()) > len(words) and person.split()[-len(words):] == words]
        return max(inside, key=len) if inside else best

    def organisation(self, head_word: str, position: int) -> str | None:
        return self.names.organisation(head_word, position)

    def role_name(self, keys: list[str], position: int) -> str | None:
        """The name last tied to the role before `position` (or by this very mention).

        A bare role ("el ministro") matches any link of its head noun; a specific one
        ("el ministro de Sanidad") never a link that is specific otherwise."""
        specific = keys[0] if len(keys) > 1 else None
        for key in keys:
            earlier = [link for link in self._roles.get(key, ()) if link.position <= position
                       and (key == specific or specific is None or link.specific in (None, specific))]
            if earlier and key != specific and self._first_bare_use.get(key, position) < earlier[0].position:
                # "la directora" said of the article's own subject before the article ties
                # the role to anyone: a director named later in passing does not take it over.
                return None
            if earlier:
                names = list(dict.fromkeys(link.name for link in reversed(earlier)))
                if key != specific and len(names) > 1:
                    # Two presidents: a bare "el presidente" is the one the article is about.
                    return max(names, key=lambda name: self.people.times_named(name, position))
                return names[0]
        return None

    def role_named_after(self, key: str, position: int, until: int) -> str | None:
        """The first name tied to the role after `position` and before `until`."""
        later = [link for link in self._roles.get(key, ()) if position < link.position <= until]
        return later[0].name if later else None

    def body_by_other_name(self, noun: Token, position: int) -> str | None:
        """ "el grupo" after "la banda de rock Los Arcos", "el cuerpo" after "el Ejército":
        the body last named with, or by, a noun that stands for the same kind of body
        (bitexto.translate.spanish.nouns)."""
        if is_person_role(noun) or noun.feature("Number") == "Plur":
            return None
        others = other_names_for(noun.lemma or noun.text)
        earlier = [link for word in others for link in self._roles.get(word, ()) if link.position <= position]
        if earlier:
            return max(earlier, key=lambda link: link.position).name
        return self.names.latest_headed_by(others, position)

    def entity_label(self, start: int, end: int) -> str:
        for entity in self.analysis.entities:
            if entity.start <= start and end <= entity.end:
                return entity.label
        return ""
