"""The default news ranker on invented articles, duplicate sentences, and long articles."""

from __future__ import annotations

import random

import pytest
from sumy.models.dom import ObjectDocumentModel

from bitexto.summarize import news_ranker, sumy_adapter
from bitexto.summarize.summary import ALGORITHMS, sentence_scores, summarize
from bitexto.summarize.vectors import MAX_CANDIDATES
from bitexto.translate.pipeline import segment_article

HOUSING = """La reforma de la vivienda limitará el alquiler en Madrid y Barcelona
El Gobierno aprobó este martes en el Consejo de Ministros la reforma de la ley de vivienda, que limitará los precios del alquiler en Madrid, Barcelona y Valencia a partir de enero.
Hacía calor.
La ministra de Vivienda, Isabel Rodríguez, defendió que la reforma protegerá a los inquilinos de las grandes ciudades frente a las subidas del alquiler.
Según los datos del Ministerio de Vivienda, el precio del alquiler subió un 12% en Madrid y un 10% en Barcelona durante el último año.
El café de la sala de prensa estaba frío.
Los propietarios critican la reforma del alquiler y anuncian recursos ante el Tribunal Constitucional contra la ley de vivienda.
"""

FLOODS = """Las lluvias torrenciales dejaron este domingo al menos seis muertos en la provincia de Valencia, donde los servicios de emergencia rescataron a más de 200 personas atrapadas por el agua.
Las lluvias torrenciales dejaron este domingo al menos seis muertos en la provincia de Valencia, según los servicios de emergencia, que rescataron a más de 200 personas.
La Agencia Estatal de Meteorología mantiene el aviso rojo en el litoral valenciano hasta el lunes por la tarde.
«Nunca habíamos visto nada igual», dijo una vecina.
El presidente de la Generalitat visitó las zonas afectadas y pidió al Gobierno la declaración de zona catastrófica.
"""


def ids_by_text(document, *beginnings: str) -> list[str]:
    ids = []
    for beginning in beginnings:
        ids.extend(s.id for s in document.sentences() if s.source.startswith(beginning))
    return ids


# --- The default ranker on invented articles ----------------------------------------------------


def test_lead_with_main_entities_beats_short_asides():
    document = segment_article(HOUSING)
    lead, *_ = ids_by_text(document, "El Gobierno aprobó")
    asides = set(ids_by_text(document, "Hacía calor", "El café"))

    summary = summarize(document, 3)

    assert lead in summary.ids
    assert not asides & set(summary.ids)
    scores = sentence_scores(document)
    assert scores[lead] == 1.0
    assert all(scores[aside] < scores[lead] / 2 for aside in asides)


def test_headline_is_context_not_summary():
    document = segment_article(HOUSING)
    headline = [s.id for b in document.blocks if b.kind == "headline" for s in b.sentences]
    assert headline  # the classifier saw the title
    for algorithm in ALGORITHMS:
        assert not set(headline) & set(summarize(document, "100%", algorithm).ids)


def test_near_duplicate_of_the_lead_is_left_out():
    document = segment_article(FLOODS)
    lead, restatement = ids_by_text(document, "Las lluvias torrenciales")

    summary = summarize(document, 2)

    assert lead in summary.ids
    assert restatement not in summary.ids


def test_reporters_account_beats_a_short_vox_pop_quote():
    document = segment_article(FLOODS)
    quote, = ids_by_text(document, "«Nunca")
    scores = sentence_scores(document)
    assert scores[quote] == min(scores.values())
    assert quote not in summarize(document, 3).ids


def test_exact_duplicates_are_mapped_by_position_not_text():
    repeated = "El Congreso aprobó la ley de presupuestos con 180 votos a favor y 160 en contra."
    text = "\n".join(
        [
            repeated,
            repeated,
            "La oposición anunció que recurrirá la votación ante el Tribunal Constitucional.",
            "El Gobierno celebró el resultado como un paso clave para la legislatura.",
        ]
    )
    document = segment_article(text)
    for algorithm in ALGORITHMS:
        summary = summarize(document, 2, algorithm)
        # A repeated sentence is never summarised twice while other sentences remain.
        assert summary.ids != ["s1", "s2"], algorithm
        assert [s.source for s in summary.sentences] == [document.sentence(i).source for i in summary.ids]
    assert summarize(document, 2, "lead").ids == ["s1", "s3"]
    # With every sentence requested, both copies are there, each as itself.
    assert summarize(document, 4, "lexrank").ids == ["s1", "s2", "s3", "s4"]


# --- Long articles: the quadratic steps see a bounded candidate set ------------------------------

_SUBJECTS = ["El Gobierno", "La alcaldesa de Sevilla", "El Banco de España", "La oposición", "El ministro de Economía",
             "Los sindicatos", "La Comisión Europea", "El Tribunal Supremo", "La patronal", "El consejero de Sanidad"]
_VERBS = ["anunció", "criticó", "defendió", "aprobó", "rechazó", "propuso", "investigó", "recordó"]
_OBJECTS = ["un plan de inversión de {n} millones de euros", "la reforma de las pensiones", "el nuevo impuesto energético",
            "la ampliación del puerto", "los presupuestos regionales", "un acuerdo con {n} empresas del sector",
            "la subida del salario mínimo", "la ley de vivienda", "el cierre de {n} centros de salud"]
_PLACES = ["en Madrid", "en Bruselas", "ante el Parlamento", "en rueda de prensa", "en Valencia", "durante la reunión"]
_TIMES = ["este lunes", "el martes", "esta semana", "ayer", "el pasado viernes"]


def long_article(sentences: int = 400, seed: int = 7) -> str:
    """An invented ~400-sentence article in paragraphs of four sentences."""
    rng = random.Random(seed)
    lines = []
    for _ in range(sentences // 4):
        paragraph = []
        for _ in range(4):
            thing = rng.choice(_OBJECTS).format(n=rng.randint(2, 900))
            paragraph.append(
                f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_TIMES)} {thing} {rng.choice(_PLACES)}."
            )
        lines.append(" ".join(paragraph))
    return "\n\n".join(lines)


@pytest.fixture(scope="module")
def long_document():
    document = segment_article(long_article())
    assert sum(len(b.sentences) for b in document.blocks if b.kind == "body") == 400
    return document


def _record_sumy_calls(monkeypatch, seen: dict[str, list[int]]) -> None:
    """Wrap every sumy summariser so each run records how many sentences it was given."""
    for name, ranker in ALGORITHMS.items():
        cls = getattr(ranker, "summarizer_class", None)
        if cls is None:
            continue
        original = cls.__call__

        def recording(self, document: ObjectDocumentModel, count, _name=name, _original=original):
            seen.setdefault(_name, []).append(len(document.sentences))
            return _original(self, document, count)

        monkeypatch.setattr(cls, "__call__", recording)


def test_quadratic_algorithms_see_at_most_the_candidate_bound(long_document, monkeypatch):
    seen: dict[str, list[int]] = {}
    _record_sumy_calls(monkeypatch, seen)
    mmr_sizes: list[int] = []
    original_mmr = news_ranker.mmr_order

    def recording_mmr(candidates, *args, **kwargs):
        mmr_sizes.append(len(candidates))
        return original_mmr(candidates, *args, **kwargs)

    monkeypatch.setattr(news_ranker, "mmr_order", recording_mmr)

    for algorithm in ALGORITHMS:
        summary = summarize(long_document, 5, algorithm)
        assert len(summary.ids) == 5

    quadratic = {name for name, r in ALGORITHMS.items() if getattr(r, "quadratic", False)}
    assert {"lexrank", "textrank", "reduction", "sumbasic", "kl", "lsa", "default"} <= quadratic
    for name in quadratic - {"default"}:
        assert seen[name] == [ALGORITHMS[name].max_candidates], name
        assert 60 <= ALGORITHMS[name].max_candidates <= MAX_CANDIDATES
    assert mmr_sizes == [MAX_CANDIDATES]
    # Linear algorithms keep the whole article: the bound is not applied where not needed.
    for name in ("luhn", "edmundson"):
        assert seen[name] == [400], name


def test_short_articles_are_not_prefiltered(monkeypatch):
    seen: dict[str, list[int]] = {}
    _record_sumy_calls(monkeypatch, seen)
    document = segment_article(long_article(sentences=40))
    for algorithm in ("lexrank", "textrank", "kl"):
        summarize(document, 3, algorithm)
        assert seen[algorithm] == [40]


def test_prefilter_candidates_are_the_most_central(long_document):
    # The candidates a bounded algorithm ranks still cover the article: the summary of a
    # quadratic algorithm is not simply drawn from the first MAX_CANDIDATES sentences.
    order = {s.id: i for i, s in enumerate(long_document.sentences())}
    positions = [order[i] for i in summarize(long_document, 10, "lexrank").ids]
    assert max(positions) >= MAX_CANDIDATES


def test_sumy_dom_keeps_paragraphs_and_headings():
    from bitexto.summarize.body import Body

    body = Body(sentences=("Uno dos tres.", "Cuatro cinco.", "Seis siete."), paragraphs=(0, 0, 3), headings=("Título",))
    dom = sumy_adapter.build_dom(body)
    assert [len(p.sentences) for p in dom.paragraphs] == [0, 2, 1]
    assert [str(h) for h in dom.headings] == ["Título"]
    assert [s.position for s in dom.sentences] == [0, 1, 2]


def test_sumy_sentences_with_equal_text_stay_distinct():
    # sumy keys its ratings by sentence; with sumy's text equality two copies of a
    # sentence would share (and overwrite) one rating.
    from bitexto.summarize.body import Body

    dom = sumy_adapter.build_dom(Body(sentences=("Llueve en Madrid.", "Llueve en Madrid."), paragraphs=(0, 0)))
    first, second = dom.sentences
    assert first != second
    assert len({first, second}) == 2
    assert (first.position, second.position) == (0, 1)
