"""Which names in a Spanish sentence must come out as written.

People's names are never translated, but many are made of Spanish words an engine knows
("Kim Jong Un" → "Kim Jong A", "Víctor Castellanos" → "Víctor Spanish", "Luna" → "Moon").
The language layer's named entities (PER, ORG, LOC) say where the names are; capitalisation
widens them to the whole name ("Kim Jong" + "Un") and trims what is not part of it.

Places and organisations are different: English spells many of them its own way
("España" → "Spain", "Ciudad de México" → "Mexico City", "Naciones Unidas" → "United
Nations"), and descriptive ones are translated ("Ministerio de Sanidad" → "Ministry of
Health"). So a place or organisation is kept only when it is not a well-known exonym and
none of its words is a generic word that makes the name a description (ministerio,
universidad, norte…). The lists are small on purpose: every other name is kept.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bitexto.translate.language import Analysis, Token

KEPT_LABELS = ("PER", "ORG", "LOC")


def fold(text: str) -> str:
    """Lower case without accents, for comparing names with the lists below."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# Places and bodies English names its own way, as the Spanish press writes them. A name
# here is protected too, with its English: the engines do not all know them ("Ciudad de
# México" → "City of Mexico" from Apertium).
_EXONYM_LINES = """
España=Spain|Estados Unidos=United States|EE.UU.=US|EEUU=US|EE UU=US|Rusia=Russia|Francia=France
Alemania=Germany|Reino Unido=United Kingdom|Gran Bretaña=Britain|Inglaterra=England|Escocia=Scotland
Gales=Wales|Irlanda=Ireland|Italia=Italy|Grecia=Greece|Turquía=Turkey|Suecia=Sweden|Noruega=Norway
Dinamarca=Denmark|Finlandia=Finland|Polonia=Poland|Bélgica=Belgium|Países Bajos=the Netherlands
Holanda=the Netherlands|Suiza=Switzerland|Hungría=Hungary|Rumanía=Romania|Rumania=Romania
Ucrania=Ukraine|Bielorrusia=Belarus|República Checa=Czech Republic|Chequia=Czechia
Eslovaquia=Slovakia|Croacia=Croatia|Lituania=Lithuania|Letonia=Latvia|Japón=Japan
Corea del Norte=North Korea|Corea del Sur=South Korea|Tailandia=Thailand|Filipinas=the Philippines
Malasia=Malaysia|Singapur=Singapore|Camboya=Cambodia|Birmania=Myanmar|Egipto=Egypt
Marruecos=Morocco|Argelia=Algeria|Túnez=Tunisia|Libia=Libya|Siria=Syria|Irak=Iraq|Irán=Iran
Arabia Saudí=Saudi Arabia|Arabia Saudita=Saudi Arabia|Emiratos Árabes Unidos=United Arab Emirates
Líbano=Lebanon|Jordania=Jordan|Afganistán=Afghanistan|Pakistán=Pakistan|Sudáfrica=South Africa
Etiopía=Ethiopia|Kenia=Kenya|Camerún=Cameroon|Costa de Marfil=Ivory Coast|Sudán=Sudan
Brasil=Brazil|México=Mexico|Perú=Peru|Panamá=Panama|Haití=Haiti|República Dominicana=Dominican Republic
Canadá=Canada|Nueva Zelanda=New Zealand|Nueva York=New York|Londres=London|París=Paris
Moscú=Moscow|Pekín=Beijing|Berlín=Berlin|Lisboa=Lisbon|Bruselas=Brussels|Ginebra=Geneva
Estrasburgo=Strasbourg|Varsovia=Warsaw|Atenas=Athens|Estambul=Istanbul|El Cairo=Cairo
Nueva Delhi=New Delhi|Tokio=Tokyo|Ciudad de México=Mexico City|La Habana=Havana|Sevilla=Seville
Cataluña=Catalonia|Andalucía=Andalusia|País Vasco=Basque Country|Aragón=Aragon
Islas Baleares=Balearic Islands|Baleares=Balearic Islands|Islas Canarias=Canary Islands
Canarias=Canary Islands|Unión Europea=European Union|UE=EU|Naciones Unidas=United Nations|ONU=UN
OTAN=NATO|Casa Blanca=White House|Vaticano=Vatican|Santa Sede=Holy See|Europa=Europe|África=Africa
América Latina=Latin America|Latinoamérica=Latin America|Oriente Medio=Middle East
Oriente Próximo=Middle East|Norteamérica=North America|Sudamérica=South America
Cisjordania=West Bank|Franja de Gaza=Gaza Strip|Mediterráneo=Mediterranean|Atlántico=Atlantic
Pacífico=Pacific|Caribe=Caribbean|Antártida=Antarctica|Pentágono=Pentagon|Viena=Vienna
Praga=Prague|Copenhague=Copenhagen|Estocolmo=Stockholm|Edimburgo=Edinburgh|Florencia=Florence
Venecia=Venice|Milán=Milan|Nápoles=Naples|Turín=Turin|Múnich=Munich|Colonia=Cologne
Fráncfort=Frankfurt|Hamburgo=Hamburg|Jerusalén=Jerusalem|Teherán=Tehran|Bagdad=Baghdad
Damasco=Damascus|Seúl=Seoul|Pyongyang=Pyongyang|Shanghái=Shanghai|Taiwán=Taiwan
"""
EXONYMS = {fold(spanish): english for spanish, english in (
    pair.split("=") for pair in _EXONYM_LINES.replace("\n", "|").split("|") if pair.strip())}

# Words that make a name a description English translates: institutions (also when the
# model calls them a person, as it does "Comisión Morir en dignidad") …
INSTITUTION_WORDS = frozenset(fold(word) for word in """
ministerio ministerios comisión consejo comité tribunal centro laboratorio laboratorios
instituto universidad fundación asociación agencia oficina departamento secretaría
""".split())
# … and, for places and organisations, generic words of geography and government.
# Left out on purpose: sierra, puerto, costa, valle, monte, cabo, nueva — English keeps
# them in Spanish place names (Sierra Nevada, Puerto Rico, Costa Rica, Nueva Pescanova).
GENERIC_WORDS = INSTITUTION_WORDS | frozenset(fold(word) for word in """
ministerio ministra ministro gobierno ejecutivo congreso senado parlamento asamblea cámara
tribunal supremo constitucional audiencia fiscalía juzgado corte justicia policía guardia
ejército fuerzas armadas armada aérea marina partido comisión consejo comité junta
ayuntamiento diputación comunidad autónoma estado estados república reino unido unida unidos
unidas unión federación confederación organización mundial internacional nacional europeo
europea europeos banco central fondo monetario agencia instituto servicio departamento
secretaría oficina delegación embajada consulado universidad escuela colegio hospital
museo biblioteca iglesia catedral sindicato asociación fundación ciudad norte
sur este oeste oriental occidental meridional septentrional golfo mar océano río lago
isla islas península provincia región distrito
departamento municipio plaza calle avenida palacio casa blanca mundo copa liga juegos
olímpicos seguridad defensa interior exterior exteriores sanidad salud educación hacienda
economía trabajo empleo cultura medio ambiente agricultura industria energía transporte
presidencia gabinete administración dirección general federal oficial
""".split())

# Lower-case words that may sit inside one name ("Pedro de la Rosa", "Mossos d'Esquadra").
PARTICLES = frozenset("de del la las los el y i e d' da das do dos di van von der den le".split())


@dataclass(frozen=True)
class Name:
    start: int  # code-point offsets into the document's text
    end: int
    text: str
    label: str
    english: str  # what the English must read: the name as written, or its exonym


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _word(token: Token) -> bool:
    return any(ch.isalpha() for ch in token.text)


def _joined(left: Token, right: Token, text: str) -> bool:
    """Two tokens written as parts of one name: one space apart, or touching by a hyphen."""
    return text[left.end:right.start] == " " or (left.end == right.start and left.text != ",")


# Titles before a name, which English writes its own way ("la Dra. Martel" → "Dr Martel").
TITLES = frozenset(fold(word) for word in """
sr sr. sra sra. srta srta. señor señora señorita don doña d. dña. dr dr. dra dra. doctor doctora
lic. ing. prof. profesor profesora mr mr. mrs mrs. ms ms.
""".split())

# Parts of speech a name does not start with; such a word is capitalised only because it
# starts the sentence ("Según Kim Jong Un, …", "Con Raúl Espina…").
FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "ADV", "VERB", "AUX", "PUNCT"})


def _starts_sentence(tokens: list[Token], token: Token) -> bool:
    """First word of its sentence, opening punctuation ("¿", "«") aside."""
    index = token.index
    while index > 0 and not tokens[index].sentence_start and not _word(tokens[index - 1]):
        index -= 1
    return tokens[index].sentence_start


def _capitalised_function_word(tokens: list[Token], token: Token) -> bool:
    return token.pos in FUNCTION_POS and _starts_sentence(tokens, token)


def names_in(analysis: Analysis, text: str, start: int, end: int) -> list[Name]:
    """The names inside text[start:end] that are kept as written, in text order."""
    tokens = analysis.tokens
    found: list[Name] = []
    for entity in analysis.entities_in(start, end):
        if entity.label not in KEPT_LABELS:
            continue
        first, last = entity.first, entity.last - 1
        # Widen to adjacent capitalised words the model left out ("Kim Jong" + "Un"); a
        # capitalised word that starts a sentence may be the name's first word too.
        while last + 1 < len(tokens) and tokens[last + 1].end <= end \
                and _capitalised(tokens[last + 1]) and _word(tokens[last + 1]) \
                and not tokens[last + 1].sentence_start and _joined(tokens[last], tokens[last + 1], text):
            last += 1
        while first - 1 >= 0 and tokens[first - 1].start >= start and _capitalised(tokens[first - 1]) \
                and _word(tokens[first - 1]) and not tokens[first].sentence_start \
                and _joined(tokens[first - 1], tokens[first], text):
            first -= 1
        # Trim what is not the name: articles, titles, punctuation at either end.
        while first <= last and not (_capitalised(tokens[first]) and _word(tokens[first])
                                     and not _capitalised_function_word(tokens, tokens[first])
                                     and fold(tokens[first].text) not in TITLES):
            first += 1
        while last >= first and not (_capitalised(tokens[last]) and _word(tokens[last])):
            last -= 1
        if first > last:
            continue
        span = tokens[first:last + 1]
        # A hyphenated compound ("Rivière-des-Prairies") is a name of several words.
        if len(span) == 1 and "-" not in span[0].text and fold(span[0].text) not in EXONYMS:
            if entity.label != "PER":
                # A one-word place or organisation is either unknown to the engine, which
                # copies it anyway, or known to it: an exonym it translates ("Marsella"
                # → "Marseille") or a capitalised noun the model mistook for a name
                # ("la Constitución", "el Universo"). Either way the engine does better.
                continue
            if _starts_sentence(tokens, span[0]) and not _mentioned_inside_a_sentence(analysis, span[0].text):
                # One capitalised word opening a sentence is as likely a verb or a noun the
                # model mistook ("Imagínese", "Campo"): kept only if the article also writes
                # it capitalised where capitals mean a name.
                continue
        if any(not _capitalised(t) and fold(t.text) not in PARTICLES for t in span if _word(t)):
            continue  # a lower-case content word: a description, not a name
        written = text[span[0].start:span[-1].end]
        english = _english(written, entity.label)
        if english is None or any(n.start < span[-1].end and span[0].start < n.end for n in found):
            continue
        found.append(Name(span[0].start, span[-1].end, written, entity.label, english))
    return sorted(found, key=lambda n: n.start)


def _english(written: str, label: str) -> str | None:
    """What a name reads in English, or None when the engine is to translate it."""
    folded = fold(written)
    if folded in EXONYMS:
        return EXONYMS[folded]
    words = folded.replace("-", " ").split()
    generic = INSTITUTION_WORDS if label == "PER" else GENERIC_WORDS
    return None if any(word in generic for word in words) else written


def _mentioned_inside_a_sentence(analysis: Analysis, word: str) -> bool:
    """Whether the document writes `word` capitalised somewhere other than a sentence start."""
    return any(token.text == word and not _starts_sentence(analysis.tokens, token)
               for token in analysis.tokens)
