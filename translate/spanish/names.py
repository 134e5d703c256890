"""The one name finder: where Spanish text names people, bodies and places.

Three readings share one idea of a name — capitalised words, with the lowercase particles
of names between them (`lexicon/name_particles.txt`: "Pedro de la Rosa", "Osama bin
Laden") — and one list of the function words that are capitalised only because they
open a sentence (`lexicon/sentence_opening_words.txt`):

- `name_runs(text, lo, hi)`: capitalised runs on the text alone ("Comisión Militar Central
  de Corea del Norte", "Putin y Kim"), for telling who is who in an article;
- `entity_name_spans(analysis, start, end)`: the recogniser's PER/ORG/LOC entities widened
  to the capitalised words it left out ("Kim Jong" + "Un") and trimmed of articles,
  titles and sentence-initial function words, for keeping names as written in English
  (bitexto.translate.spanish.name_english);
- `is_name_shaped(text)`: a short run of capitalised words and particles and nothing
  else — what a bare byline or a quoted speaker's full name looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.fold import fold

if TYPE_CHECKING:
    from bitexto.translate.spanish.parse import Analysis, Token

WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
# Up to this many particles in a row inside a name ("Pedro de la Rosa").
_MAX_PARTICLES = 2
_SENTENCE_BREAK = re.compile(r"[.!?…:;\n\x1f«»“”\"]")
# A bare name (a byline, a speaker) has between two and this many capitalised words.
MAX_NAME_WORDS = 6
# Parts of speech a name does not start with; such a word is capitalised only because it
# starts the sentence ("Según Kim Jong Un, …", "Con Raúl Espina…").
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "ADV", "VERB", "AUX", "PUNCT"})
ENTITY_LABELS = ("PER", "ORG", "LOC")


def particles() -> frozenset[str]:
    return lexicon.words("name_particles")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_name_shaped(text: str, max_words: int = MAX_NAME_WORDS) -> bool:
    """Two to `max_words` capitalised words (or initials) with the particles of names
    between them, and nothing else: "Rosa de la Fuente", "Ana M. Gil"."""
    tokens = text.split()
    if len(tokens) < 2 or any(char.isdigit() for char in text) or not is_capitalised(tokens[0]):
        return False
    capitalised = [token for token in tokens if is_capitalised(token) and token.lower() not in particles()]
    fits = all(is_capitalised(token) or token.lower() in particles() for token in tokens)
    return fits and 2 <= len(capitalised) <= max_words


# --- capitalised runs on the text --------------------------------------------------------


@dataclass(frozen=True)
class NameRun:
    start: int
    end: int
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def has_connector(self) -> bool:
        return any(not word[:1].isupper() for word in self.words)


def words_in(text: str, lo: int = 0, hi: int | None = None) -> list[re.Match]:
    hi = len(text) if hi is None else hi
    return list(WORD.finditer(text, lo, hi))


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words the text writes in lowercase somewhere: capitalised at a sentence start they are not names."""
    return frozenset(m.group() for m in WORD.finditer(text) if m.group()[:1].islower())


def name_runs(text: str, lo: int, hi: int, lowercase_words: frozenset[str] = frozenset()) -> list[NameRun]:
    """Name runs inside text[lo:hi], in order: capitalised words separated by spaces only,
    up to two particles between them; sentence openers and photo credits in capitals
    dropped from the front."""
    found = words_in(text, lo, hi)
    runs: list[NameRun] = []
    index = 0
    while index < len(found):
        if not is_capitalised(found[index].group()):
            index += 1
            continue
        members = [found[index]]
        cursor = index + 1
        while cursor < len(found):
            step = cursor
            while (
                step < len(found)
                and step - cursor < _MAX_PARTICLES
                and found[step].group() in particles()
                and _spaces_only(text, found[step - 1].end(), found[step].start())
            ):
                step += 1
            if (
                step < len(found)
                and is_capitalised(found[step].group())
                and (_spaces_only(text, found[step - 1].end(), found[step].start())
                     or _after_initial(text, found[step - 1], found[step].start()))
            ):
                members.extend(found[cursor : step + 1])
                cursor = step + 1
            else:
                break
        if cursor < len(found) and _lowercase_surname(text, members, found[cursor]):
            members.append(found[cursor])
            cursor += 1
        run = _clean_run(text, lo, members, lowercase_words)
        if run is not None:
            runs.append(run)
        index = cursor
    return runs


def _lowercase_surname(text: str, members: list[re.Match], following: re.Match) -> bool:
    """A name never ends on its article: the lowercase word after "El"/"Al" is the surname."""
    last, word = members[-1].group(), following.group()
    return (
        len(members) >= 2
        and is_capitalised(last)
        and last.lower() in lexicon.words("surname_articles")
        and word.islower()
        and word not in lexicon.words("sentence_opening_words")
        and _spaces_only(text, members[-1].end(), following.start())
    )


def _after_initial(text: str, previous: re.Match, start: int) -> bool:
    """ "Manuel M. Villalba": a one-letter initial and its period stay inside the name."""
    word = previous.group()
    return len(word) == 1 and word.isupper() and text[previous.end() : start] == ". "


def _spaces_only(text: str, start: int, end: int) -> bool:
    return start < end and text[start:end].strip(" ") == ""


def _clean_run(text: str, lo: int, members: list[re.Match], lowercase_words: frozenset[str]) -> NameRun | None:
    """Drop capitalised function words, sentence openers and photo credits at the front of a run."""
    openers = lexicon.words("sentence_opening_words")
    while members:
        word = members[0].group()
        lowered = word.lower()
        opens_sentence = _opens_sentence(text, lo, members[0].start())
        # A photo credit in capitals glued to the name that follows it ("EFE Marta
        # Gil", "JUAN PÉREZ EFE La Guardia Civil").
        credit = _shouting(word) and any(not _shouting(m.group()) for m in members[1:])
        if (
            lowered in openers
            or lowered in particles()
            or not is_capitalised(word)
            or lowered.endswith("mente")  # an adverb opening the sentence
            or (opens_sentence and lowered in lowercase_words)
            or credit
        ):
            members = members[1:]
            continue
        break
    articles = lexicon.words("surname_articles")
    while members and not is_capitalised(members[-1].group()) and not (
        len(members) >= 2 and members[-2].group().lower() in articles and is_capitalised(members[-2].group())
    ):
        members = members[:-1]
    if not members or (len(members) > 1 and all(_shouting(m.group()) for m in members)):
        return None  # nothing left, or a credit line in capitals ("JESÚS HELLÍN")
    words = tuple(m.group() + "." if _is_initial(text, m) and m is not members[-1] else m.group() for m in members)
    return NameRun(members[0].start(), members[-1].end(), words)


def _shouting(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _is_initial(text: str, match: re.Match) -> bool:
    word = match.group()
    return len(word) == 1 and word.isupper() and text[match.end() : match.end() + 1] == "."


def _opens_sentence(text: str, lo: int, pos: int) -> bool:
    before = text[max(lo, pos - 4) : pos].strip(" ¿¡(—–-")
    return pos <= lo or before == "" or bool(_SENTENCE_BREAK.search(before[-1:]))


# --- the recogniser's entities, as whole names ---------------------------------------------


@dataclass(frozen=True)
class EntityName:
    first: int  # token indices: tokens[first:last + 1]
    last: int
    label: str


def entity_name_spans(analysis: Analysis, text: str, start: int, end: int) -> list[EntityName]:
    """The PER, ORG and LOC entities inside text[start:end] as whole names, in text order."""
    tokens = analysis.tokens
    found = []
    for entity in analysis.entities_in(start, end):
        if entity.label not in ENTITY_LABELS:
            continue
        first, last = entity.first, entity.last - 1
        # Widen to adjacent capitalised words the model left out ("Kim Jong" + "Un"); a
        # capitalised word that starts a sentence may be the name's first word too.
        while (last + 1 < len(tokens) and tokens[last + 1].end <= end and _capitalised_word(tokens[last + 1])
               and not tokens[last + 1].sentence_start and _joined(tokens[last], tokens[last + 1], text)):
            last += 1
        while (first - 1 >= 0 and tokens[first - 1].start >= start and _capitalised_word(tokens[first - 1])
               and not tokens[first].sentence_start and _joined(tokens[first - 1], tokens[first], text)):
            first -= 1
        # Trim what is not the name: articles, titles, punctuation at either end.
        while first <= last and not (_capitalised_word(tokens[first])
                                     and not _capitalised_function_word(tokens, tokens[first])
                                     and fold(tokens[first].text) not in lexicon.words("name_titles")):
            first += 1
        while last >= first and not _capitalised_word(tokens[last]):
            last -= 1
        if first <= last:
            found.append(EntityName(first, last, entity.label))
    return found


def starts_sentence(tokens: list[Token], token: Token) -> bool:
    """First word of its sentence, opening punctuation ("¿", "«") aside."""
    index = token.index
    while index > 0 and not tokens[index].sentence_start and not _has_letters(tokens[index - 1].text):
        index -= 1
    return tokens[index].sentence_start


def capitalised_inside_a_sentence(analysis: Analysis, word: str) -> bool:
    """Whether the document writes `word` capitalised somewhere other than a sentence start."""
    return any(token.text == word and not starts_sentence(analysis.tokens, token) for token in analysis.tokens)


def _capitalised_word(token: Token) -> bool:
    return is_capitalised(token.text) and _has_letters(token.text)


def _has_letters(text: str) -> bool:
    return any(char.isalpha() for char in text)


def _capitalised_function_word(tokens: list[Token], token: Token) -> bool:
    return token.pos in _FUNCTION_POS and starts_sentence(tokens, token)


def _joined(left: Token, right: Token, text: str) -> bool:
    """Two tokens written as parts of one name: one space apart, or touching by a hyphen."""
    return text[left.end:right.start] == " " or (left.end == right.start and left.text != ",")
