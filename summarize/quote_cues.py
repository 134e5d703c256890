"""Spanish words that introduce or attribute a quotation, and the small word lists around them.

`is_cue_verb(word)` recognises a reporting verb ("dijo", "ha afirmado", "aseguraba",
"advertirá", "tuiteó"…) in any person and tense. Regular verbs are matched by their
Snowball stem (sumy's Spanish stemmer) plus a verb-like ending, so nouns sharing the
stem ("declaraciones", "señal", "afirmación") are not cues. Stems that the stemmer
leaves irregular (dijo → "dij", dice → "dic", sostuvo → "sostuv", advierte →
"adviert") are listed as explicit forms instead.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sumy.nlp.stemmers import Stemmer

# Reporting verbs whose conjugation keeps the infinitive's stem.
_REGULAR_CUE_LEMMAS = """
afirmar declarar asegurar señalar agregar añadir explicar calificar prometer indicar
subrayar manifestar comentar responder reconocer insistir destacar denunciar elogiar
escribir tuitear apuntar precisar admitir recalcar enfatizar expresar anunciar
argumentar alertar reiterar preguntar exclamar relatar opinar criticar lamentar
remarcar puntualizar aclarar sentenciar proclamar aseverar replicar contestar
agradecer advertir sostener defender considerar concluir cuestionar
publicar citar confirmar definir describir reclamar exigir informar
""".split()

# Forms the stemmer does not bring back to the infinitive's stem.
_IRREGULAR_CUE_FORMS = frozenset(
    """
    dijo dijeron dije dijimos dijiste dice dicen digo decimos dicho dicha decía decían
    dirá dirán diría dirían dijera dijeran diciendo decir declarado
    sostuvo sostuvieron sostiene sostienen sostendrá sostendría sostenía sostenían
    advierte advierten advirtió advirtieron advertirá advertirán advertía advertían
    mantuvo mantuvieron mantiene mantienen
    cuenta cuentan contó contaron
    pidió pidieron pide piden
    concluyó concluyeron concluye concluyen
    confiesa confiesan confesó confesaron
    recuerda recuerdan recordó recordaron
    insiste insisten reconoce reconocen
    """.split()
)

# Endings a conjugated or participial form can have after its stem; nouns sharing a
# stem usually end otherwise ("-ción", "-es", "-al", "-ario").
_VERB_ENDING = re.compile(
    r"(?:ó|ió|a|an|e|en|aron|ieron|aba|aban|ía|ían|ará|arán|erá|erán|irá|irán|aría|arían|"
    r"ería|erían|iría|irían|ado|ada|ido|ida|ando|iendo|é|í|amos|emos|imos|ara|aran|iera|ieran)$"
)
# Nouns spelled like a form of a cue verb and common right before quotations.
_CUE_LOOKALIKE_NOUNS = frozenset({"informe", "cita", "crítica", "escrito"})
_NOUN_ENDING = re.compile(r"(?:ción|ciones|sión|siones|miento|mientos|encia|ancia|ista|dora?|ante|ente)$")

# Perfect and progressive auxiliaries, clitics and adverbs that sit between a subject
# and its reporting verb ("Trump había dicho", "Koo también calificó", "se lo dijo").
AUXILIARY_WORDS = frozenset(
    """
    ha han he hemos había habían habría habrían hubiera hubieran habrá habrán haber
    estaba estaban está están fue fueron es son será serán
    también ya no se le les lo la los las me nos te además incluso luego después
    nuevamente entonces siempre finalmente solo sólo hoy ayer anoche antes todavía aún
    asimismo igualmente tajantemente claramente posteriormente recientemente
    """.split()
)

# Words that, in front of an opening mark, make a short quote a name or a term
# (el «procés», el llamado «Chapo») rather than something someone said.
NAMING_WORDS = frozenset(
    """
    el la los las un una unos unas del al su sus este esta estos estas ese esa esos esas
    aquel aquella llamado llamada llamados llamadas denominado denominada denominados
    conocido conocida conocidos conocidas apodado apodada alias bautizado bautizada
    supuesto supuesta presunto presunta mi mis tu tus nuestro nuestra
    """.split()
)

# Lowercase words allowed inside a capitalised name ("Comisión Militar Central de Corea
# del Norte", "Putin y Kim").
NAME_CONNECTORS = frozenset("de del la las los y e da das do dos van von der di bin al el of".split())

# Capitalised words that start sentences rather than names.
FUNCTION_WORDS = frozenset(
    """
    el la los las lo un una unos unas y e o u ni pero sino si no en a al de del con por para
    sin sobre tras desde hasta entre hacia ante bajo según durante mediante como cuando
    donde que quien quienes cual cuales este esta estos estas ese esa esos esas aquel
    aquella su sus mi mis tu tus nuestro nuestra también además incluso solo sólo ya
    así aunque mientras porque pues luego después antes hoy ayer anoche mañana entonces
    otro otra otros otras cada todo toda todos todas ambos ambas varios varias muchos
    muchas pocos pocas algunos algunas ningún ninguna más menos muy tan tanto siempre
    nunca quizá quizás tal usted ustedes él ella ellos ellas yo nosotros nosotras se le les
    allí aquí ahí ahora bien sin embargo finalmente primero segundo tercero
    """.split()
)

# Words that end a speaker noun phrase written after its verb ("dijo Putin en un
# comunicado", "dijo la comisión tras la reunión").
NP_STOP_WORDS = frozenset(
    """
    en a al ante durante tras desde este esta hoy ayer anoche que con sobre por para
    mientras cuando aunque porque pero sin hasta entre según donde como quien
    lunes martes miércoles jueves viernes sábado domingo
    """.split()
)

# Subject pronouns that stand for someone named before ("según él").
STRICT_PRONOUNS = frozenset("él ella ellos ellas".split())

# Sentence openers that attribute what follows: "Para el ministro, «…»".
OPINION_OPENERS = re.compile(
    r"(?:para|a juicio de|en palabras de|en opinión de|en la opinión de|a decir de)\s+", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer:
    return Stemmer("spanish")


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return _stemmer()(word)


def _regular_forms(lemma: str) -> list[str]:
    """Infinitive and common third-person forms: the stemmer does not map them all alike
    (denunciar → "denunci" but denunció → "denunc")."""
    base, ending = lemma[:-2], lemma[-2:]
    if ending == "ar":
        suffixes = ("ar", "ó", "a", "an", "aron", "aba", "aban", "ado", "ará", "ando")
    else:
        suffixes = (ending, "ió", "e", "en", "ieron", "ía", "ían", "ido", ending[0] + "rá", "iendo")
    return [base + suffix for suffix in suffixes]


@lru_cache(maxsize=1)
def _cue_stems() -> frozenset[str]:
    return frozenset(_stem(form) for lemma in _REGULAR_CUE_LEMMAS for form in _regular_forms(lemma))


@lru_cache(maxsize=8192)
def is_cue_verb(word: str) -> bool:
    """Whether `word` is a form of a Spanish reporting verb (dijo, afirman, ha asegurado…)."""
    lowered = word.lower()
    if lowered in _CUE_LOOKALIKE_NOUNS:
        return False
    if lowered in _IRREGULAR_CUE_FORMS:
        return True
    if len(lowered) < 4 or not lowered.isalpha() or _NOUN_ENDING.search(lowered):
        return False
    return _stem(lowered) in _cue_stems() and bool(_VERB_ENDING.search(lowered))


def plain(word: str) -> str:
    """Lowercase without accents: how names and head nouns are compared."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
