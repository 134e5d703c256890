"""Spanish nouns for people and bodies: who a role noun designates, which nouns name one body.

"El ministro", "la portavoz", "el entrenador" stand for a person the article is about;
"el mensaje", "la mesa", "el equipo" do not, though the parser makes them subjects of
verbs of saying just as well. The small model has no word senses, so the roles Spanish
news give people are a lexicon list (`person_roles`, masculine singular); feminine forms
follow the regular patterns (ministra, directora, alcaldesa, presidenta, jueza).

A report names a band once ("la banda de rock Los Arcos") and then calls it "el grupo";
a company becomes "la compañía", a town council "el consistorio": `body_kinds` holds, a
line each, the nouns that stand for one kind of body, and `other_names_for` gives them.
"""

from __future__ import annotations

import functools

from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.fold import fold
from bitexto.translate.spanish.parse import Token


def is_person_role(noun: Token) -> bool:
    """The noun names a person by what they are ("la portavoz", "el técnico")."""
    return any(is_role_word(word) for word in {fold(noun.lemma or ""), fold(noun.text)})


def is_role_word(word: str) -> bool:
    """`word` (folded) is a role noun, in the masculine or a regular feminine or plural."""
    roles = lexicon.words("person_roles")
    if word in roles:
        return True
    if word.endswith("s") and is_role_word(word[:-1]):  # portavoces come through the lemma
        return True
    return ((word.endswith("a") and word[:-1] + "o" in roles)  # ministra
            or (word.endswith("ora") and word[:-1] in roles)  # directora
            or (word.endswith("esa") and word[:-2] in roles)  # alcaldesa
            or (word.endswith("ta") and word[:-1] + "e" in roles)  # presidenta
            or (word.endswith("za") and word[:-1] in roles))  # jueza


@functools.cache
def _kinds_of(word: str) -> frozenset[str]:
    found: set[str] = set()
    for line in lexicon.entries("body_kinds"):
        kind = line.split()
        if word in kind:
            found.update(kind)
    return frozenset(found)


def other_names_for(noun: str) -> frozenset[str]:
    """The nouns (folded) that may stand for the same body as `noun`, itself excluded."""
    key = fold(noun)
    return _kinds_of(key) - {key}
