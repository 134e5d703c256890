"""From the words that designate a speaker to the speaker: a name, a role, a pronoun, nobody.

Given the head token of a speaker noun phrase on the parse (the subject of a reporting
verb, the object of "según"…), `MentionReader.read` says what the article says of who
spoke:

- a name ("Gil", "Putin y Kim", "el técnico del Valencia, Albert Celades", "la
  alcaldesa Ana Gómez") → the fullest form of the name the article gives;
- a definite role ("el técnico", "la portavoz", "la comisión") → the person the
  article tied to that role, else the body the head noun names, else (a person's role,
  bitexto.translate.spanish.nouns) the person of that gender the article is about
  (summarize.people), else no speaker and the role as the description;
- an indefinite or anonymous one ("un portavoz del ministerio", "fuentes policiales",
  "la misma fuente") → no speaker, and a description as written;
- a personal pronoun ("él", "ella", "ellos") → left for the caller to carry over from
  the previous speaker (`pending`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bitexto.translate.spanish.nouns import other_names_for
from bitexto.summarize.people import grammatical_gender
from bitexto.translate.spanish.fold import fold
from bitexto.translate.spanish.nouns import is_person_role
from bitexto.summarize.speaker_table import SpeakerTable, role_keys
from bitexto.translate.spanish.parse import Analysis, Token

MASK = "\x1f"

# Determiners and quantifiers that make a noun phrase indefinite: nobody in particular.
_INDEFINITE = frozenset(
    "uno alguno otro vario mucho cierto diverso numeroso cualquiera ninguno poco tanto bastante".split()
)
# Head nouns that always designate an unnamed source, even with a definite article.
_ANONYMOUS_HEADS = frozenset({"fuente", "alguien", "nadie"})
# Personal and demonstrative pronouns that stand for a speaker named before.
_ANAPHORS = frozenset("él ella ellos ellas usted ustedes ambos ambas".split())
_FIRST_PERSON = frozenset("yo nosotros nosotras me mí".split())
_RELATIVES = frozenset("que quien quienes cual cuales".split())
# Dependants that do not belong to the words naming the speaker.
_CLAUSE_LABELS = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "punct", "dep"})
# The head's own preposition or conjunction ("según", "desde", "y") is not part of the mention.
_HEAD_LINKS = frozenset({"case", "mark", "cc"})
# Nouns for what someone said: "según su versión", "en palabras de su director".
_SPEECH_NOUNS = frozenset(fold(word) for word in
                          "interpretación versión opinión palabra declaración criterio juicio relato explicación".split())
# Writings and outlets that "say" in news: "el informe advierte", "medios locales".
_SOURCE_NOUNS = frozenset(fold(word) for word in """
    informe estudio documento comunicado nota texto carta sentencia auto escrito mensaje
    cartel resolución encuesta sondeo conclusión documental medio web página cuenta perfil
""".split())
_YEAR = fold("año")
_MAX_MENTION_TOKENS = 14
_ROLE_STOPS = frozenset({"en", "durante", "tras", "desde", "ante"})


@dataclass(frozen=True)
class Attribution:
    """Who said a quotation, and how the article says so.

    via: "verb", "segun", "lead_in", "colon" (a cue in the quotation's own sentence),
    "continued", "next", "introduced" (the sentence before is about the speaker),
    "clause", "impersonal", "writer"; "pronoun" and "omitted" are pending (to be carried
    over); None when nothing was found.
    """

    speaker: str | None
    via: str | None = None
    mention: str | None = None
    description: str | None = None
    number: str | None = None  # "Sing" or "Plur": agreement for an omitted subject
    position: int = -1  # where this attribution was made
    cue_after: bool = False  # the cue follows the quotation («Basta», dijo)
    gender: str | None = None  # "Masc" or "Fem": a pronoun's, for carrying it over

    @property
    def direct(self) -> bool:
        """Stated by a cue in the quotation's own sentence (not inherited or implied)."""
        return self.via in DIRECT_VIAS and (self.speaker is not None or self.description is not None)

    @property
    def pending(self) -> bool:
        return self.via in ("pronoun", "omitted")


DIRECT_VIAS = frozenset({"verb", "segun", "lead_in", "colon"})
NOBODY = Attribution(None)


class MentionReader:
    def __init__(self, masked_text: str, analysis: Analysis, table: SpeakerTable):
        self.masked, self.analysis, self.table = masked_text, analysis, table

    def read(self, head: Token, via: str, position: int) -> Attribution:
        """What the noun phrase headed by `head` says of the speaker."""
        mention = self.mention_text(head)
        number = "Plur" if self._coordinated(head) else head.feature("Number")
        lowered = head.text.lower()
        if head.pos == "PRON" or lowered in _ANAPHORS or fold(head.lemma) == "el" and head.pos != "DET":
            if lowered in _ANAPHORS or fold(head.lemma) in ("el", "ella"):
                return Attribution(None, "pronoun", mention, number=number, position=position,
                                   gender=head.feature("Gender"))
            if lowered in _FIRST_PERSON:
                return Attribution(None, "writer", mention, position=position)
            return Attribution(None, via, mention, description=self._description(head, mention),
                               position=position)
        if fold(head.lemma) in _SPEECH_NOUNS and head.pos == "NOUN":
            return self._speech_noun(head, via, position)
        name = self.name_of(head)
        if name:
            return Attribution(name, via, mention, number=number, position=position)
        if head.pos not in ("NOUN", "PROPN", "ADJ"):
            return Attribution(None, via, mention, position=position)
        if self.is_anonymous(head):
            named = self._body_named_next(head)
            if named:
                return Attribution(named, via, mention, number=number, position=position)
            return Attribution(None, via, mention, description=self._description(head, mention),
                               number=number, position=position)
        role = self.table.role_name(role_keys(head, self.analysis), head.start)
        if role:
            return Attribution(self.table.full_name(role, head.start), via, mention, number=number,
                               position=position)
        words = self.role_words(head)
        if len(words.split()) == 1:
            body = self.table.organisation(words, head.start) or self.table.body_by_other_name(head, head.start)
            if body:
                return Attribution(body, via, mention, number=number, position=position)
        person = self._person_in_role(head, number)
        if person:
            return Attribution(person, via, mention, number=number, position=position)
        return Attribution(None, via, mention, description=self._description(head, mention), number=number,
                           position=position)

    def _description(self, head: Token, mention: str | None) -> str | None:
        """The mention, when it designates someone who can speak: a person, a body, a
        source or a writing ("un portavoz", "la empresa", "fuentes policiales", "el
        informe"), not "su silencio", "el cambio" or a bare "esta" the parser made a subject."""
        return mention if self.can_speak(head) else None

    def can_speak(self, head: Token) -> bool:
        lemma = fold(head.lemma or head.text)
        if head.pos == "PRON":
            # "uno de ellos", "uno de los agentes": a pronoun speaks through its complement.
            return any(c.dep == "nmod" and (c.pos == "PRON" or self.can_speak(c)) for c in self.analysis.children(head))
        if head.pos == "ADJ":  # "una joven", "la mayor de las hermanas"
            return any(c.dep == "det" for c in self.analysis.children(head)) or is_person_role(head)
        return (self.table.is_name(head) or is_person_role(head) or self._of_an_age(head)
                or bool(other_names_for(lemma)) or lemma in _SOURCE_NOUNS or lemma in _ANONYMOUS_HEADS)

    def _of_an_age(self, noun: Token) -> bool:
        """ "una gallega de 80 años": whoever has an age is a person."""
        return any(c.dep == "nmod" and fold(c.lemma) == _YEAR and any(g.pos == "NUM" for g in self.analysis.children(c))
                   for c in self.analysis.children(noun))

    def _body_named_next(self, head: Token) -> str | None:
        """ "una pizzería del puerto puso un aviso: «…». Lo escribió el dueño de la pizzería
        Il Forno": a body the paragraph introduces with an indefinite and names right after.
        People are left unnamed: a source the article calls "un portavoz" is anonymous on
        purpose."""
        if is_person_role(head) or head.text[:1].isupper() or fold(head.lemma) in _ANONYMOUS_HEADS:
            return None
        tokens, last = self.analysis.tokens, head.index
        while last + 1 < len(tokens) and tokens[last + 1].block == head.block:
            last += 1
        end = tokens[last].end
        return self.table.role_named_after(role_keys(head, self.analysis)[-1], head.start, end)

    def _person_in_role(self, head: Token, number: str | None) -> str | None:
        """Who a definite role the article ties to no name designates (summarize.people)."""
        if head.text[:1].isupper() or not is_person_role(head):
            return None
        if number == "Plur":
            return self.table.people.group_before(head.start)
        sentence = self.analysis.sentence_span(head)
        return self.table.people.salient(head.start, grammatical_gender(head, self.analysis), skip=sentence)

    def _speech_noun(self, head: Token, via: str, position: int) -> Attribution:
        """ "según su versión" (the speaker is "su": carried over), "en palabras de X" (X)."""
        for child in self.analysis.children(head):
            if child.dep == "nmod" and child.start > head.start and not self._masked(child):
                return self.read(child, via, position)
        if any(c.dep == "det" and fold(c.lemma) == "su" for c in self.analysis.children(head)):
            return Attribution(None, "pronoun", self.mention_text(head), position=position)
        return Attribution(None, via, self.mention_text(head), position=position)

    # --- names --------------------------------------------------------------------------

    def name_of(self, head: Token) -> str | None:
        """The full name the phrase gives: its own, an apposition's, or a coordination's."""
        names = [self._single_name(head)]
        for child in self.analysis.children(head):
            if child.dep == "conj" and not self._masked(child):
                names.append(self._single_name(child))
        found = [name for name in names if name]
        if not found:
            return None
        full = [self.table.full_name(name, head.start) for name in dict.fromkeys(found)]
        return " y ".join(full)

    def _single_name(self, token: Token) -> str | None:
        if self.table.is_name(token):
            return self.table.name_at(token)
        found = []
        for child in self.analysis.children(token):
            if self._masked(child):
                continue
            if not self.table.is_name(child):
                if child.dep == "appos" and child.pos == "PROPN":
                    found.extend(c for c in self.analysis.children(child) if c.dep == "flat" and self.table.is_name(c))
                continue
            apposed = child.dep == "appos"
            glued = (child.start > token.start and self.masked[token.end : child.start].strip() == ""
                     and not any(c.dep == "case" for c in self.analysis.children(child)))
            # el técnico, Albert Celades / la alcaldesa Ana Gómez / "ANA RUIZ (credit) Pablo
            # Gil": a name the parser chained to a credit in capitals.
            if apposed or glued or child.dep == "flat":
                found.append(child)
        if not found:
            return None
        return self.table.name_at(next((c for c in found if c.entity == "PER"), found[0]))

    def _coordinated(self, head: Token) -> bool:
        return any(child.dep == "conj" for child in self.analysis.children(head))

    # --- roles --------------------------------------------------------------------------

    def is_anonymous(self, head: Token) -> bool:
        """ "fuentes policiales", "un portavoz": a source the article does not name."""
        if fold(head.lemma) in _ANONYMOUS_HEADS:
            return True
        determiners = [c for c in self.analysis.children(head) if c.dep in ("det", "nummod") and c.start < head.start]
        if any(c.dep == "nummod" or fold(c.lemma) in _INDEFINITE for c in determiners):
            return True
        # A bare plural ("fuentes policiales", "vecinos del barrio") names nobody in particular.
        return not determiners and head.feature("Number") == "Plur" and not head.text[:1].isupper()

    def role_words(self, head: Token) -> str:
        """The role as written, without its article: "portavoz del Gobierno"."""
        tokens = self._mention_tokens(head)
        while tokens and tokens[0].pos == "DET" and tokens[0].index != head.index:
            tokens = tokens[1:]
        # A role ends before a comma or a place or time complement: "el portavoz del
        # Partido Popular en el Congreso" speaks as "portavoz del Partido Popular".
        cut = [t for t in tokens if t.text == "," or (t.text.lower() in _ROLE_STOPS and t.start > head.start)]
        if cut:
            tokens = [t for t in tokens if t.start < cut[0].start]
        return self._text(tokens)

    # --- mention text -------------------------------------------------------------------

    def mention_text(self, head: Token) -> str | None:
        return self._text(self._mention_tokens(head)) or None

    def _mention_tokens(self, head: Token) -> list[Token]:
        kept, stack = [], [head]
        while stack:
            token = stack.pop()
            kept.append(token)
            for child in self.analysis.children(token):
                if child.dep in _CLAUSE_LABELS and child.text != ",":
                    continue
                if token.index == head.index and child.dep in _HEAD_LINKS:
                    continue
                if child.text.lower() in _RELATIVES and child.pos == "PRON":
                    continue
                stack.append(child)
        kept.sort(key=lambda t: t.start)
        # One contiguous stretch around the head, never through a quotation.
        start = kept.index(head)
        first, last = start, start
        while first > 0 and not self._masked(kept[first - 1]) and kept[first - 1].index == kept[first].index - 1:
            first -= 1
        while (last + 1 < len(kept) and not self._masked(kept[last + 1])
               and kept[last + 1].index == kept[last].index + 1):
            last += 1
        tokens = kept[first : last + 1]
        while tokens and tokens[-1].pos == "PUNCT":
            tokens = tokens[:-1]
        while tokens and tokens[0].pos == "PUNCT":
            tokens = tokens[1:]
        if len(tokens) > _MAX_MENTION_TOKENS:
            tokens = tokens[:_MAX_MENTION_TOKENS]
        return tokens

    def _text(self, tokens: list[Token]) -> str:
        if not tokens:
            return ""
        return " ".join(self.masked[tokens[0].start : tokens[-1].end].split())

    def _masked(self, token: Token) -> bool:
        return MASK in self.masked[token.start : token.end]
