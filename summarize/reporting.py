"""Spanish verbs of saying and the lead-ins that attribute a quotation, read on the parse.

A reporting verb is recognised by its lemma (any tense or person: "dijo", "ha
asegurado", "advertirá", "insistían"); the small model's lemmatizer misses some
rarer forms, so the surface form is also checked against summarize.quote_cues'
stem-based cue test. Nouns never count ("las declaraciones", "la respuesta").
"""

from __future__ import annotations

from bitexto.summarize.quote_cues import is_cue_verb, plain
from bitexto.translate.language import Token

# Verbs Spanish news use to report speech or writing, by infinitive.
REPORTING_LEMMAS = frozenset(
    """
    decir afirmar asegurar declarar señalar agregar añadir explicar calificar prometer indicar
    subrayar manifestar comentar responder reconocer insistir destacar denunciar escribir
    tuitear apuntar precisar admitir recalcar enfatizar expresar anunciar argumentar alertar
    reiterar preguntar exclamar relatar opinar criticar lamentar remarcar puntualizar aclarar
    sentenciar proclamar aseverar replicar contestar advertir sostener defender concluir
    cuestionar confirmar describir reclamar exigir informar contar pedir confesar recordar
    mantener gritar avisar sugerir negar bromear ironizar zanjar resumir justificar valorar
    reprochar acusar adelantar plantear apostillar matizar detallar narrar comunicar garantizar
    vaticinar pronosticar augurar suplicar rogar alegar aducir esgrimir reivindicar asumir
    recriminar coincidir ensalzar alabar resaltar continuar proseguir rematar anotar observar razonar espetar soltar musitar susurrar clamar jurar repetir
    considerar tildar tachar definir elogiar condenar rechazar protestar exponer citar quejar
    """.split()
)

# The lemmatizer sometimes keeps a stressed form's accent ("continúa" → "continúar").
_PLAIN_LEMMAS = frozenset(plain(lemma) for lemma in REPORTING_LEMMAS)
# Lemmas the model gives to some reporting forms it does not know ("dijo" → "dijir").
_LEMMA_SLIPS = frozenset({"dijir", "decío", "dicer"})

# Lead-ins that attribute what follows to the noun phrase they introduce:
# "según X", "para X, «…»", "en palabras de X", "a juicio de X", "de acuerdo con X".
SEGUN = "según"
OPINION_LEAD_INS = (
    ("para",),
    ("en", "palabras", "de"),
    ("a", "juicio", "de"),
    ("en", "opinión", "de"),
    ("a", "decir", "de"),
    ("de", "acuerdo", "con"),
)


def _regular_third_person(lemma: str) -> tuple[str, ...]:
    base, ending = lemma[:-2], lemma[-2:]
    if ending == "ar":
        return (base + "a", base + "an", base + "ó", base + "aron")
    return (base + "e", base + "en", base + "ió", base + "ieron")


# Third-person forms, for a verb the tagger took for a noun or a name ("Y remata: …").
_THIRD_PERSON_FORMS = frozenset(form for lemma in REPORTING_LEMMAS for form in _regular_third_person(lemma))


def is_reporting_verb(token: Token) -> bool:
    """A verb (or auxiliary-tagged verb) of saying, in any form."""
    if token.pos not in ("VERB", "AUX", "ADJ", "PROPN", "NOUN"):
        return False
    lemma = token.lemma.lower()
    if token.pos in ("VERB", "AUX"):
        lemma = plain(lemma)
        if lemma in _PLAIN_LEMMAS or lemma in _LEMMA_SLIPS:
            return True
        if lemma.endswith("se") and lemma[:-2] in _PLAIN_LEMMAS:  # "preguntarse"
            return True
    # The model sometimes tags a sentence-final or post-quote "dijo" as a noun or name;
    # the surface form decides then, and only a conjugated form counts.
    if token.text.islower() and token.text in _THIRD_PERSON_FORMS:
        return True
    return is_cue_verb(token.text) and token.feature("VerbForm") != "Inf" and _looks_conjugated(token)


def _looks_conjugated(token: Token) -> bool:
    return token.pos in ("VERB", "AUX") or token.text.lower().endswith(("ó", "ió", "aron", "ieron", "jo"))
