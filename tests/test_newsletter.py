"""bitexto.newsletter: the snippet's e-mail HTML, Markdown and plain text, from real results.

Results come from the real Apertium engine, analysed once per module; every check of the
HTML works on the parsed snippet (see newsletter_fixtures.assert_email_safe).
"""

from __future__ import annotations

import re

import pytest

from bitexto.analysis import analyse_article
from bitexto.results import ArticleResult
from bitexto.newsletter.snippet import TEXT_WIDTH, key_quotes, render_newsletter
from newsletter_fixtures import (
    ARTICLE,
    HOSTILE,
    HOSTILE_SOURCE,
    PERMALINK,
    assert_email_safe,
    parse,
    text_of,
)
from bitexto.translate.engines import create_engine
from bitexto.translate.errors import InputError


@pytest.fixture(scope="module")
def engine():
    return create_engine("apertium")


@pytest.fixture(scope="module")
def result(engine):
    return analyse_article(ARTICLE, engine)


def speakers_of(result):
    """{Spanish speaker: its English}, as the analysis stored them with the quotes."""
    return {who: quote.speaker_target for quote in result.quotes if (who := quote.speaker or quote.speaker_description)}


@pytest.fixture(scope="module")
def speakers(result):
    return speakers_of(result)


@pytest.fixture(scope="module")
def hostile(engine):
    result = analyse_article(HOSTILE, engine)
    return result, speakers_of(result)


def attribution(speakers, quote):
    """The speaker line a stacked quote shows: "English (Spanish)", or a name once."""
    who = quote.speaker or quote.speaker_description
    return speakers[who] if speakers[who] == who else f"{speakers[who]} ({who})"


def english_summary(result):
    return [s.target for s in result.summary.sentences]


def spanish_summary(result):
    return [s.source for s in result.summary.sentences]


# --- The e-mail HTML ------------------------------------------------------------------------


def test_the_html_snippet_keeps_the_email_contract(result, speakers):
    html = render_newsletter(result, quotes=3, source="El País", permalink=PERMALINK)
    assert_email_safe(html, PERMALINK)
    root = parse(html)
    assert root.xpath("count(//a)") == 2  # the headline and "read the whole article"
    assert all(a.get("target") == "_blank" and a.get("rel") == "noopener" for a in root.xpath("//a"))


@pytest.mark.parametrize("options", [
    {"lang": "en"}, {"lang": "es"}, {"layout": "side_by_side"}, {"quotes": 0}, {"quotes": 1, "lang": "en"},
])
def test_every_variant_keeps_the_email_contract(result, speakers, options):
    assert_email_safe(render_newsletter(result, **options))


def test_the_headline_the_summary_english_first_and_the_credit(result, speakers):
    html = render_newsletter(result, source="El País")
    root = parse(html)
    headline = root.xpath("//h2")[0].text_content()
    assert headline == "The Government approves the law of house to go down the hires"
    assert root.xpath("//p[@lang='es']")[0].text_content() == "El Gobierno aprueba la ley de vivienda para bajar los alquileres"
    text = text_of(html)
    english, spanish = english_summary(result), spanish_summary(result)
    positions = [text.index(sentence) for sentence in english + spanish]
    assert positions == sorted(positions), "English summary in order, then the Spanish one"
    assert text.index("Summary") < positions[0] and "En español" in text
    assert text.endswith("Source: El País. Translated offline from Spanish with Apertium spa-eng "
                         f"{result.document.engine.version}.")
    assert [p.get("lang") for p in root.xpath("//p") if p.text_content() in english] == ["en"] * len(english)


def test_the_top_quotes_by_score_with_speakers_in_both_languages(result, speakers):
    assert speakers["la ministra de Vivienda"] == "the minister of House"
    assert speakers["Ana López"] == "Ana López"
    best = key_quotes(result, 2)
    assert [q.score for q in best] == sorted((q.score for q in result.quotes if q.key), reverse=True)[:2]

    root = parse(render_newsletter(result, quotes=2))
    english = [p.text_content() for p in root.xpath("//p[@lang='en']") if p.text_content().startswith("“")]
    spanish = [p.text_content() for p in root.xpath("//p[@lang='es']") if p.text_content().startswith("«")]
    assert english == [f"“{q.target}”" for q in best]
    assert spanish == [f"«{q.text}»" for q in best]
    lines = [p.text_content() for p in root.xpath("//p") if p.text_content().startswith("— ")]
    assert lines == [f"— {attribution(speakers, q)}" for q in best]


@pytest.mark.parametrize("count", [0, 1, 3])
def test_quotes_asks_for_that_many_quotes(result, speakers, count):
    text = text_of(render_newsletter(result, quotes=count))
    assert text.count("“") == count and text.count("«") == count
    assert ("Key quotes" in text) == (count > 0)


def test_english_only_has_no_spanish_and_spanish_only_no_english(result, speakers):
    english = render_newsletter(result, lang="en", quotes=3)
    text = text_of(english)
    assert all(s in text for s in english_summary(result))
    assert not any(s in text for s in spanish_summary(result)) and "«" not in text
    assert not parse(english).xpath("//*[@lang='es']")
    assert "— the minister of House" in text and "ministra" not in text

    spanish = render_newsletter(result, lang="es", quotes=3, source="El País")
    text = text_of(spanish)
    assert all(s in text for s in spanish_summary(result))
    assert not any(s in text for s in english_summary(result)) and "“" not in text
    assert parse(spanish).get("lang") == "es" and not parse(spanish).xpath("//*[@lang='en']")
    assert "Resumen" in text and "Citas clave" in text and "— la ministra de Vivienda" in text
    assert "Fuente: El País." in text and "Apertium spa-eng" in text


def test_side_by_side_pairs_each_summary_sentence_with_its_spanish(result, speakers):
    root = parse(render_newsletter(result, layout="side_by_side", quotes=1))
    rows = [row for row in root.xpath("//tr[count(td)=2]")
            if row.xpath("td[@lang='en']") and row.xpath("td[@lang='es']")]
    cells = [(row.xpath("td[@lang='en']")[0].text_content().strip(),
              row.xpath("td[@lang='es']")[0].text_content().strip()) for row in rows]
    pairs = [(s.target, s.source) for s in result.summary.sentences]
    assert cells[:1] == [("In English", "En español")]
    assert cells[1:1 + len(pairs)] == pairs
    quote = key_quotes(result, 1)[0]
    english, spanish = cells[1 + len(pairs)]
    assert english.startswith(f"“{quote.target}”") and english.endswith(f"— {speakers[quote.speaker]}")
    assert spanish.startswith(f"«{quote.text}»") and spanish.endswith(f"— {quote.speaker}")


def test_an_article_stored_before_speakers_had_their_english_shows_them_as_written(result):
    older = ArticleResult.from_dict(result.to_dict())
    for quote in older.quotes:
        quote.speaker_target = None
    text = text_of(render_newsletter(older, quotes=3))
    assert "— la ministra de Vivienda" in text and "minister of House" not in text


def test_hostile_article_text_comes_out_as_inert_text(hostile):
    result, speakers = hostile
    html = render_newsletter(result, quotes=3, source=HOSTILE_SOURCE, permalink=PERMALINK)
    assert_email_safe(html, PERMALINK)
    assert "<script" not in html and "<img" not in html and "<b " not in html and "<i " not in html
    assert [a.get("href") for a in parse(html).xpath("//a")] == [PERMALINK, PERMALINK]
    text = text_of(html)
    assert '<img src=x onerror="window.__xss=1"> Headline with {{ 77 }} and <script>window.__xss=1</script>' in text
    assert "«No subiremos los impuestos <script>window.__xss=1</script> {{ 7*7 }} {% if true %}nada{% endif %}»" in text
    assert '<a href="javascript:window.__xss=1">más inversión</a>' in text
    assert f"Source: {HOSTILE_SOURCE}." in text
    assert "— the mayor (el alcalde)" in text
    assert "49" not in text  # no template ran over article text


@pytest.mark.parametrize("link", [
    "javascript:alert(1)", "data:text/html,<script>1</script>", "//evil.example/x", "ftp://example.org/",
    'https://example.org/" onmouseover="alert(1)', "https://example.org/a b", "https://example.org/(x)",
    "https://example.org/<x>", "https:///path-only",
])
def test_only_a_plain_http_permalink_is_linked(result, link):
    with pytest.raises(InputError):
        render_newsletter(result, permalink=link)


# --- Markdown and plain text ------------------------------------------------------------------


def test_markdown_has_the_same_content_english_first(result, speakers):
    md = render_newsletter(result, format="md", quotes=2, source="El País", permalink=PERMALINK)
    lines = md.splitlines()
    assert lines[0] == f"### [The Government approves the law of house to go down the hires]({PERMALINK})"
    assert "*El Gobierno aprueba la ley de vivienda para bajar los alquileres*" in lines
    english = [lines.index(f"- {s}") for s in english_summary(result)]
    spanish = [lines.index(f"- {s}") for s in spanish_summary(result)]
    assert english == sorted(english) and max(english) < lines.index("*En español*") < min(spanish)
    quote = key_quotes(result, 1)[0]
    assert f"> “{quote.target}”  " in lines and f"> «{quote.text}»  " in lines
    assert f"> — {attribution(speakers, quote)}" in lines
    assert lines[-1].startswith("*Source: El País. Translated offline from Spanish with Apertium spa-eng")
    assert re.findall(r"\]\(([^)]*)\)", md) == [PERMALINK, PERMALINK]


def test_markdown_escapes_hostile_text(hostile):
    result, speakers = hostile
    md = render_newsletter(result, format="md", quotes=1, source=HOSTILE_SOURCE)
    assert "<" not in md.replace(r"\<", "")  # every "<" is backslash-escaped
    assert r"\<script\>window.\_\_xss=1\</script\>" in md
    assert "](" not in md  # no link without a permalink


def test_markdown_side_by_side_is_a_table(result, speakers):
    md = render_newsletter(result, format="md", layout="side_by_side", quotes=2)
    assert "| In English | En español |" in md
    for sentence in result.summary.sentences:
        assert f"| {sentence.target} | {sentence.source} |" in md


def test_the_plain_text_alternative(result, speakers):
    text = render_newsletter(result, format="text", quotes=2, source="El País",
                             permalink=PERMALINK)
    assert "<" not in text and "*" not in text
    assert all(len(line) <= TEXT_WIDTH for line in text.splitlines() if line != PERMALINK)
    flat = " ".join(text.split())
    positions = [flat.index(s) for s in english_summary(result) + spanish_summary(result)]
    assert positions == sorted(positions)
    assert text.startswith("FROM THE SPANISH-LANGUAGE PRESS\n\nThe Government approves the law of house")
    quote = key_quotes(result, 1)[0]
    assert f"“{quote.target}”" in flat and f"— {attribution(speakers, quote)}" in flat
    assert f"Read the whole article side by side:\n{PERMALINK}" in text
    assert flat.endswith("Source: El País. Translated offline from Spanish with Apertium spa-eng "
                         f"{result.document.engine.version}.")


def test_plain_text_keeps_hostile_text_as_written(hostile):
    result, speakers = hostile
    text = render_newsletter(result, format="text", lang="es", quotes=1)
    assert "«No subiremos los impuestos <script>window.__xss=1</script> {{ 7*7 }}" in " ".join(text.split())


# --- Options ----------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [
    {"format": "pdf"}, {"format": "HTML"}, {"quotes": 4}, {"quotes": -1}, {"quotes": True}, {"quotes": "2"},
    {"lang": "fr"}, {"layout": "grid"}, {"source": "x" * 121},
])
def test_a_bad_option_is_an_input_error(result, options):
    with pytest.raises(InputError):
        render_newsletter(result, **options)


def test_an_untranslated_article_has_only_a_spanish_newsletter():
    result = analyse_article(ARTICLE, translate=False)
    with pytest.raises(InputError, match="no English translation"):
        render_newsletter(result)
    text = text_of(render_newsletter(result, lang="es"))
    assert "Resumen del original en español." in text
