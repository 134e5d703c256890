"""Invented Spanish news paragraphs: every kind of mark, cue and speaker pattern."""

import pytest

from bitexto.translate.spanish.saying import is_saying_form
from bitexto.summarize.quotes import extract_quotes
from bitexto.translate.blocks import build_blocks
from bitexto.translate.clean import normalize
from bitexto.translate.document import AlignedDocument


def document(text: str, kind: str | None = "body") -> AlignedDocument:
    """A document of the given text, every block forced to `kind` (None: as classified)."""
    clean = normalize(text)
    blocks = build_blocks(clean)
    if kind is not None:
        for block in blocks:
            block.kind = kind
    return AlignedDocument(text=clean, blocks=blocks)


def found(text: str) -> list[tuple[str, str | None]]:
    """(text, who said it): the speaker's name, else the words of an article that names nobody."""
    return [(q.text, q.speaker or q.speaker_description) for q in extract_quotes(document(text), sentence_scores={})]


CASES = {
    # Each kind of mark.
    "guillemets_cue_after": (
        "«No habrá más recortes en la sanidad pública», aseguró la presidenta regional.",
        [("No habrá más recortes en la sanidad pública", "la presidenta regional")],
    ),
    "curly_double_cue_before": (
        "La alcaldesa Ana Gómez declaró que la ciudad “no puede esperar más para tener metro”.",
        [("no puede esperar más para tener metro", "Ana Gómez")],
    ),
    "straight_double_pairs_in_order": (
        'El entrenador afirmó que el equipo "jugó el mejor partido de la temporada" y que "nadie" lo esperaba.',
        [("jugó el mejor partido de la temporada", "El entrenador")],
    ),
    "single_curly": (
        "Los vecinos dijeron que la obra es ‘un desastre para el barrio entero’.",
        [("un desastre para el barrio entero", "Los vecinos")],
    ),
    "single_angle": (
        "El escritor escribió que ‹la memoria es un país extranjero› en su última novela.",
        [("la memoria es un país extranjero", "El escritor")],
    ),
    # Structure.
    "nested_inner_stays_inside": (  # "una vecina" names nobody: see test_quote_speakers
        "«Nos dijeron ‘esperen un poco’ y nunca volvieron», relató una vecina.",
        [("Nos dijeron ‘esperen un poco’ y nunca volvieron", "una vecina")],
    ),
    "multi_sentence_quote": (
        "«Esto no es una crisis. Es una catástrofe que llevamos años anunciando», advirtió el científico Pedro Ruiz.",
        [("Esto no es una crisis. Es una catástrofe que llevamos años anunciando", "Pedro Ruiz")],
    ),
    "two_quotes_one_sentence": (
        "El ministro dijo que «habrá un acuerdo antes del verano» y que «no se subirán los impuestos este año».",
        [("habrá un acuerdo antes del verano", "El ministro"), ("no se subirán los impuestos este año", "El ministro")],
    ),
    # Cues and speakers.
    "colon_after_cue_with_apposition": (
        "El ministro de Economía, Juan Pérez, dijo: «Vamos a bajar los impuestos a las familias».",
        [("Vamos a bajar los impuestos a las familias", "Juan Pérez")],
    ),
    "segun_after": (
        "«La inflación seguirá bajando durante el verano», según el Banco de España.",
        [("La inflación seguirá bajando durante el verano", "Banco de España")],
    ),
    "segun_dijo": (
        "«Vamos a recurrir la sentencia ante el Supremo», según dijo el abogado Carlos Martínez.",
        [("Vamos a recurrir la sentencia ante el Supremo", "Carlos Martínez")],
    ),
    "subject_before_verb_after_quote": (
        "«Vamos a recurrir la sentencia ante el Supremo», Martínez dijo.",
        [("Vamos a recurrir la sentencia ante el Supremo", "Martínez")],
    ),
    "inverted_subject": (
        "Dijo el ministro de Hacienda que «no habrá subida de impuestos este año».",
        [("no habrá subida de impuestos este año", "el ministro de Hacienda")],
    ),
    "time_and_complement_before_named_subject": (
        "«La economía crecerá un 2 % este año», dijo el lunes a la prensa el ministro de Economía, Carlos Cuerpo.",
        [("La economía crecerá un 2 % este año", "Carlos Cuerpo")],
    ),
    "pronoun_in_next_sentence": (
        "La presidenta de la Comisión Europea, Ursula von der Leyen, elogió a Grecia. "
        "Según ella, el país «ha hecho los deberes con mucha disciplina».",
        [("ha hecho los deberes con mucha disciplina", "Ursula von der Leyen")],
    ),
    "pronoun_same_sentence": (
        "El alcalde Pedro Sanz, en una carta, elogió a los bomberos que, según él, «salvaron cientos de vidas esa noche».",
        [("salvaron cientos de vidas esa noche", "Pedro Sanz")],
    ),
    "inherited_speaker_and_full_name": (
        "La canciller Ursula Meyer visitó Lisboa. «Europa debe estar unida», dijo Meyer. "
        "«No hay otra salida para nosotros».",
        [("Europa debe estar unida", "Ursula Meyer"), ("No hay otra salida para nosotros", "Ursula Meyer")],
    ),
    "speaker_from_the_following_quote": (
        "«Es un día triste para todos». «Lo vamos a echar de menos», dijo la alcaldesa Marta Ruiz.",
        [("Es un día triste para todos", "Marta Ruiz"), ("Lo vamos a echar de menos", "Marta Ruiz")],
    ),
    "organisation_from_head_noun": (
        "La Oficina Nacional de Estadística publicó los datos. «El paro bajó por tercer mes consecutivo», dijo la oficina.",
        [("El paro bajó por tercer mes consecutivo", "Oficina Nacional de Estadística")],
    ),
    "surname_to_full_name": (
        "El presidente ruso, Vladimir Putin, viajó a Pekín. Allí, Putin afirmó que «la amistad con China no tiene límites».",
        [("la amistad con China no tiene límites", "Vladimir Putin")],
    ),
    "trailing_attribution": (
        "Los bomberos trabajaron «sin descanso durante toda la noche» en la zona del incendio, informó el alcalde.",
        [("sin descanso durante toda la noche", "el alcalde")],
    ),
    "opinion_opener": (
        "Para el economista Luis Garicano, «la productividad es el gran problema de España».",
        [("la productividad es el gran problema de España", "Luis Garicano")],
    ),
    "relative_clause_antecedent": (
        "Los expertos lo celebran: «Es un paso adelante muy importante», explicó la economista Sara López.",
        [("Es un paso adelante muy importante", "Sara López")],
    ),
    "attribution_in_the_next_sentence": (
        "Las tropas hicieron «una contribución importante a la victoria». Así lo afirmó la comisión de defensa.",
        [("una contribución importante a la victoria", "la comisión de defensa")],
    ),
    "next_sentence_without_attribution": (
        "«No vamos a ceder ante ninguna presión». Los mercados cayeron.",
        [("No vamos a ceder ante ninguna presión", None)],
    ),
    # Tenses and persons of cue verbs.
    "dijeron": (
        "«Hemos ganado la batalla, pero no la guerra», dijeron los portavoces de la plataforma vecinal.",
        [("Hemos ganado la batalla, pero no la guerra", "los portavoces de la plataforma vecinal")],
    ),
    "ha_afirmado": (
        "La ministra ha afirmado que «la ley entrará en vigor en enero de 2025».",
        [("la ley entrará en vigor en enero de 2025", "La ministra")],
    ),
    "aseguraba": (
        "El alcalde aseguraba que «todo estaba bajo control desde el primer día».",
        [("todo estaba bajo control desde el primer día", "El alcalde")],
    ),
    "advertira": (
        "La jueza advertirá que «nadie está por encima de la ley en este país».",
        [("nadie está por encima de la ley en este país", "La jueza")],
    ),
    "habia_dicho": (
        "Solo un día antes, Sánchez había dicho que las negociaciones estaban «muy cerca de un acuerdo».",
        [("muy cerca de un acuerdo", "Sánchez")],
    ),
    # No speaker stated: None, never a guess.
    "unattributed_colon": (
        "En la puerta colgaba un cartel: «cerrado por vacaciones hasta septiembre».",
        [("cerrado por vacaciones hasta septiembre", None)],
    ),
    "unattributed_inside_sentence": (
        "La pancarta, «Nunca más en nuestro nombre», encabezó la marcha por el centro.",
        [("Nunca más en nuestro nombre", None)],
    ),
    "cue_without_subject_and_no_one_before": (
        "Lo que dijo «no tiene ningún sentido para nadie», añadió.",
        [("no tiene ningún sentido para nadie", None)],
    ),
    # Scare quotes: excluded, unless a speaker says them.
    "scare_quotes_excluded": (
        "Los independentistas defendieron el «procés» durante años, y el llamado “Chapo” escapó de la cárcel.",
        [],
    ),
    "short_quote_attributed_after": (
        "«Inaceptable», dijo el portavoz del Gobierno.",
        [("Inaceptable", "el portavoz del Gobierno")],
    ),
    "short_quote_attributed_before": (
        "El portavoz calificó la decisión de «inaceptable».",
        [("inaceptable", "El portavoz")],
    ),
    "shouted_word_is_speech": (
        "Los vecinos gritaban «¡Fuera!» al paso de la comitiva.",
        [("¡Fuera!", "Los vecinos")],
    ),
    "partial_quotation_the_verb_reports": (
        "El juez denunció la «falta de pruebas sólidas» en el sumario.",
        [("falta de pruebas sólidas", "El juez")],
    ),
    "term_after_article_in_reported_speech": (
        "El ministro dijo que la «operación especial» había terminado.",
        [],
    ),
    # Apostrophes are not marks.
    "apostrophes": (
        "El delantero O’Brien fichó por el club de l’Hospitalet y dijo que «está muy feliz con el cambio».",
        [("está muy feliz con el cambio", "O’Brien")],
    ),
    "apostrophes_only": (
        "O’Brien y D’Alessandro jugaron en l’Hospitalet en los años 80’ y ganaron.",
        [],
    ),
    # Broken marks.
    "curly_opening_closed_with_a_straight_mark": (
        "La Fiscalía acusa al alcalde de haber actuado “en nombre de la empresa\" durante años. "
        "«No hay pruebas», respondió el alcalde Juan Mora.",
        [("en nombre de la empresa", "Fiscalía"), ("No hay pruebas", "Juan Mora")],
    ),
    "straight_opening_closed_with_a_curly_mark": (
        "El juez Luis Vega dijo que \"no hay motivo para la alarma” y cerró la sesión.",
        [("no hay motivo para la alarma", "Luis Vega")],
    ),
    "lone_mark_where_the_closing_one_belongs": (
        "El portavoz, Luis Martín, calificó la medida como un ataque a la democracia «.",
        [("un ataque a la democracia", "Luis Martín")],
    ),
    "lone_closing_mark_after_colon": (
        "La ministra Elena Sanz respondió: no vamos a dar marcha atrás».",
        [("no vamos a dar marcha atrás", "Elena Sanz")],
    ),
    "opening_mark_never_closed": (
        "El sindicato pidió la dimisión del director. «No vamos a parar hasta que se vaya. Lo tenemos claro.",
        [("No vamos a parar hasta que se vaya. Lo tenemos claro", None)],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name):
    text, expected = CASES[name]
    assert found(text) == expected


def test_broken_marks_are_flagged_malformed():
    for name in ("lone_mark_where_the_closing_one_belongs", "lone_closing_mark_after_colon", "opening_mark_never_closed"):
        (quote,) = extract_quotes(document(CASES[name][0]), sentence_scores={})
        assert "malformed" in quote.flags, name
    (lone,) = extract_quotes(document(CASES["lone_mark_where_the_closing_one_belongs"][0]), sentence_scores={})
    assert lone.marks == "«"


def test_well_formed_quotes_are_not_flagged():
    for name in ("guillemets_cue_after", "single_curly", "two_quotes_one_sentence", "nested_inner_stays_inside"):
        for quote in extract_quotes(document(CASES[name][0]), sentence_scores={}):
            assert quote.flags == [], name


def test_multi_sentence_flag_and_sentence_id():
    doc = document(CASES["multi_sentence_quote"][0])
    (quote,) = extract_quotes(doc, sentence_scores={})
    assert "multi_sentence" in quote.flags
    assert quote.sentence_id == "s1" and quote.sentence_ids == ["s1", "s2"]


def test_marks_reported_as_written():
    marks = {
        name: [q.marks for q in extract_quotes(document(CASES[name][0]), sentence_scores={})]
        for name in ("guillemets_cue_after", "curly_double_cue_before", "straight_double_pairs_in_order",
                     "single_curly", "single_angle")
    }
    assert marks == {
        "guillemets_cue_after": ["«»"],
        "curly_double_cue_before": ["“”"],
        "straight_double_pairs_in_order": ['""'],
        "single_curly": ["‘’"],
        "single_angle": ["‹›"],
    }


def test_only_body_blocks_are_quoted():
    text = "«No vamos a permitir que nadie se quede atrás», dijo el presidente en Madrid."
    assert extract_quotes(document(text, kind="body"), sentence_scores={})
    for kind in ("headline", "related_headline", "caption", "boilerplate", "credit"):
        assert extract_quotes(document(text, kind=kind), sentence_scores={}) == [], kind


def test_classified_document_skips_related_headline():
    text = (
        "El Gobierno aprobó el martes un nuevo plan de vivienda para las grandes ciudades del país.\n\n"
        "Rusia ‘lista para llegar a un acuerdo’ en la guerra de Ucrania, dice Lavrov\n\n"
        "«Nadie se va a quedar sin casa en este país», dijo la ministra de Vivienda.\n"
    )
    doc = document(text, kind=None)
    assert [b.kind for b in doc.blocks] == ["body", "related_headline", "body"]
    assert [(q.text, q.speaker, q.speaker_description) for q in extract_quotes(doc, sentence_scores={})] == [
        ("Nadie se va a quedar sin casa en este país", None, "la ministra de Vivienda")
    ]


def test_ids_in_document_order_across_paragraphs():
    text = "\n".join(CASES[name][0] for name in ("guillemets_cue_after", "two_quotes_one_sentence", "single_angle"))
    quotes = extract_quotes(document(text), sentence_scores={})
    assert [q.id for q in quotes] == ["q1", "q2", "q3", "q4"]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_unattributed_quotes_rank_below_attributed_ones():
    text = (
        "La pancarta, «Nunca más en nuestro nombre ni en el de nuestros hijos», encabezó la marcha.\n"
        "«Nunca más vamos a callar ante una injusticia como esta», dijo la portavoz Ana Gil."
    )
    anonymous, attributed = extract_quotes(document(text), sentence_scores={}, max_key=1)
    assert anonymous.speaker is None and attributed.speaker == "Ana Gil"
    assert attributed.key and not anonymous.key
    assert attributed.score > anonymous.score


@pytest.mark.parametrize(
    "word",
    ["dijo", "dijeron", "dice", "dicen", "dicho", "dirá", "afirmó", "afirman", "afirmado", "aseguraba", "aseguró", "declaró", "señaló", "agregó", "añadió", "explicó", "advirtió", "advertirá", "advierte", "calificó", "prometió", "indicó", "sostuvo", "subrayó", "manifestó", "comentó", "respondió", "reconoció", "insistió", "destacó", "denunció", "elogió", "escribió", "tuiteó"],
)
def test_cue_verbs(word):
    assert is_saying_form(word)


@pytest.mark.parametrize("word", ["declaraciones", "señal", "afirmación", "comentario", "explicaciones", "casa", "Putin", "el", "que", "ha"])
def test_not_cue_verbs(word):
    assert not is_saying_form(word)
