"""The user's glossary: parsing and its errors, matching, and every occurrence honoured on
Apertium (words) and through Argos markers (the tiny package: mechanism only)."""

import pytest

from bitexto.translate.blocks import build_blocks
from bitexto.translate.clean import normalize
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines.apertium import ApertiumEngine
from bitexto.translate.glossary import MAX_BYTES, Glossary, GlossaryError
from bitexto.translate.pipeline import translate_document

GLOSSARY = Glossary.from_pairs([
    ("Sanidad", "Ministry of Health"),
    ("Mossos d'Esquadra", "Mossos d'Esquadra"),
    ("paro", "unemployment"),
    ("ley de vivienda", "Housing Act"),
    ("vivienda", "housing"),
    ("Hacienda", "Treasury"),
    ("Ertzaintza", "Ertzaintza"),
    ("alcalde", "mayor"),
    ("Generalitat", "Generalitat"),
    ("comisaría", "police station"),
])

# (sentence, English every occurrence must read)
SENTENCES = [
    ("Sanidad publicó los datos del lunes.", ["Ministry of Health"]),
    ("El informe de Sanidad llegó tarde.", ["Ministry of Health"]),
    ("Los Mossos d'Esquadra detuvieron a dos hombres.", ["Mossos d'Esquadra"]),
    ("Según los Mossos d'Esquadra, no hubo heridos.", ["Mossos d'Esquadra"]),
    ("El paro bajó en marzo.", ["unemployment"]),
    ("El paro subió y el paro juvenil también.", ["unemployment", "unemployment"]),
    ("La ley de vivienda entra en vigor hoy.", ["Housing Act"]),
    ("El precio de la vivienda sigue subiendo.", ["housing"]),
    ("La ley de vivienda no bajará el precio de la vivienda.", ["Housing Act", "housing"]),
    ("Hacienda recaudó más que nunca.", ["Treasury"]),
    ("La Ertzaintza investiga el robo.", ["Ertzaintza"]),
    ("El alcalde inauguró la plaza.", ["mayor"]),
    ("El alcalde y la alcaldesa se reunieron.", ["mayor"]),
    ("La Generalitat aprobó los presupuestos.", ["Generalitat"]),
    ("Dos agentes llegaron a la comisaría.", ["police station"]),
    ("SANIDAD CIERRA LOS CENTROS", ["MINISTRY OF HEALTH"]),
    ("Paro récord en la industria.", ["Unemployment"]),
    ("Los Mossos d'Esquadra y la Ertzaintza colaboran.", ["Mossos d'Esquadra", "Ertzaintza"]),
    ("La comisaría de los Mossos d'Esquadra cerró.", ["police station", "Mossos d'Esquadra"]),
    ("Hacienda y Sanidad negocian.", ["Treasury", "Ministry of Health"]),
    ("El alcalde pidió ayuda a Sanidad.", ["mayor", "Ministry of Health"]),
    ("El paro preocupa al alcalde.", ["unemployment", "mayor"]),
    ("La vivienda y el paro dominan la campaña.", ["housing", "unemployment"]),
    ("La Generalitat y Hacienda firmaron.", ["Generalitat", "Treasury"]),
    ("Sanidad, Hacienda y la Generalitat se reúnen.", ["Ministry of Health", "Treasury", "Generalitat"]),
    ("El alcalde visitó la comisaría.", ["mayor", "police station"]),
    ("La Ertzaintza detuvo al alcalde.", ["Ertzaintza", "mayor"]),
    ("Los datos del paro salen mañana.", ["unemployment"]),
    ("La ley de vivienda divide al Gobierno.", ["Housing Act"]),
    ("El acceso a la vivienda es un derecho.", ["housing"]),
    ("Hacienda investiga al alcalde.", ["Treasury", "mayor"]),
    ("Sanidad recomienda vacunarse.", ["Ministry of Health"]),
    ("La comisaría estaba vacía.", ["police station"]),
    ("Los Mossos d'Esquadra patrullan la ciudad.", ["Mossos d'Esquadra"]),
    ("La Generalitat pidió calma.", ["Generalitat"]),
    ("El paro juvenil supera el treinta por ciento.", ["unemployment"]),
    ("El alcalde prometió más vivienda pública.", ["mayor", "housing"]),
    ("Hacienda devolverá el dinero.", ["Treasury"]),
    ("La Ertzaintza y los Mossos d'Esquadra se coordinan.", ["Ertzaintza", "Mossos d'Esquadra"]),
    ("Sanidad abrió una comisaría de salud.", ["Ministry of Health", "police station"]),
]


def _translate(text, engine, glossary=GLOSSARY):
    clean = normalize(text)
    document = AlignedDocument(text=clean, blocks=build_blocks(clean))
    return " ".join(s.target for s in translate_document(document, engine, glossary=glossary).sentences())


def test_the_test_set_is_large_enough():
    assert len(SENTENCES) >= 40


def test_every_occurrence_is_honoured_on_apertium():
    engine = ApertiumEngine()
    for sentence, expected in SENTENCES:
        out = _translate(sentence, engine)
        for english in set(expected):
            assert out.count(english) >= expected.count(english), (sentence, out)
        # Nothing of the Spanish term survives where it was translated.
        for term, english in GLOSSARY.entries:
            if term != english and english in expected:
                assert term not in out, (sentence, out)


class MarkerEcho:
    """Copies its input: stands for an engine that gives the markers back (Argos's path)."""

    from bitexto.translate.document import EngineInfo
    from bitexto.translate.protect import MarkerStyle

    info = EngineInfo("echo", "echo", "1")
    placeholders = MarkerStyle()

    def translate(self, sentences, on_progress=None):
        return list(sentences)


def test_every_occurrence_is_honoured_through_markers():
    engine = MarkerEcho()
    for sentence, expected in SENTENCES:
        out = _translate(sentence, engine)
        for english in set(expected):
            assert out.count(english) >= expected.count(english), (sentence, out)


def test_matching_is_on_word_boundaries_longest_first_ignoring_case():
    keeps = GLOSSARY.keeps("La ley de vivienda y la viviendas y el parocardio y el PARO.")
    assert [(k.output) for k in keeps] == ["Housing Act", "UNEMPLOYMENT"]


def test_parse_csv_tsv_and_equals_lines_with_a_header():
    glossary = Glossary.parse('término,translation\nSanidad,Ministry of Health\n"Mossos d\'Esquadra",Mossos d\'Esquadra\n'
                              "paro\tunemployment\nalcalde = mayor\n# comment\n\n")
    assert dict(glossary.entries) == {"Sanidad": "Ministry of Health", "Mossos d'Esquadra": "Mossos d'Esquadra",
                                      "paro": "unemployment", "alcalde": "mayor"}


@pytest.mark.parametrize("text, message", [
    (",Ministry of Health", "Spanish term is empty"),
    ("Sanidad,", "English is empty"),
    ("Sanidad,Health\nsanidad,Ministry of Health", "twice with different English"),
    ("just one column", "separated by"),
])
def test_bad_glossaries_say_what_is_wrong(text, message):
    with pytest.raises(GlossaryError, match=message):
        Glossary.parse(text)


def test_agreeing_duplicates_are_fine():
    assert len(Glossary.parse("paro,unemployment\nParo,unemployment").entries) == 1


def test_a_huge_glossary_file_is_refused(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("a,b\n" * (MAX_BYTES // 4 + 10))
    with pytest.raises(GlossaryError, match="larger than"):
        Glossary.from_file(path)


def test_fingerprint_follows_the_content():
    assert GLOSSARY.fingerprint == Glossary.from_pairs(reversed(GLOSSARY.entries)).fingerprint
    assert GLOSSARY.fingerprint != Glossary.from_pairs([("paro", "jobless")]).fingerprint
