"""A newsletter snippet of an analysed article: e-mail HTML, Markdown or plain text.

    render_newsletter(result, format="html", quotes=2, lang="both", layout="stacked",
                      source=None, permalink=None, summary=None) -> str

`result` is an analysed article (bitexto.results.ArticleResult). The snippet holds the
headline, whole, the bilingual summary (English first, then Spanish, or side by side;
`summary` when another than the stored one is shown), the top key quotes with their
speakers in both languages (the speaker's English is stored with the quote), and a
credit line naming the source and the engine. `lang` picks the content's languages; the snippet's own labels
are English, or Spanish when only Spanish is shown.

E-mail clients are a hostile place for HTML, so the snippet is written for them:

- Layout is tables (role="presentation", so screen readers do not announce them),
  600 px wide: the width attribute holds Outlook's Word engine to 600 and
  `max-width: 100%` lets phones shrink it.
- Every style is inline. The template's <style> block is inlined by css-inline and then
  dropped, and so are the class names it used: Gmail and many others strip <style>,
  and a snippet pasted into someone else's newsletter must not restyle it.
- No script, no images, no web fonts, no external URL. The only link is the optional
  `permalink` to the article's own page, and only http(s).
- Dark mode: no `@media (prefers-color-scheme: dark)` block. Only Apple Mail and a few
  others honour it; Gmail drops it, Outlook recolours on its own, and a pasted snippet
  cannot rely on its <style> surviving. Instead every element that has a text colour
  also sits on a background colour set on it or its cell (with the `bgcolor` attribute
  too), each pair at 4.5:1 contrast or more. Clients that force dark mode invert or
  re-map those pairs together, so text never ends up dark on dark; clients that do not
  show the light card as designed.
- Article text is only ever inserted through the autoescaping template: "<script>",
  "onerror=" and "{{ }}" come out as text.

The plain-text format is the alternative part of a multipart e-mail; Markdown is for
newsletters written in Markdown.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bitexto.presentation import engine_name, inert_markdown
from bitexto.resources import TEMPLATES as TEMPLATE_ROOT
from bitexto.translate.errors import InputError

if TYPE_CHECKING:
    import jinja2

    from bitexto.results import ArticleResult
    from bitexto.summarize import Quote, Summary

FORMATS = ("html", "md", "text")
LANGUAGES = ("both", "en", "es")
LAYOUTS = ("stacked", "side_by_side")
MAX_QUOTES = 3
DEFAULT_QUOTES = 2
MAX_SOURCE_CHARS = 120
WIDTH = 600
TEXT_WIDTH = 72  # plain-text e-mail convention: lines stay readable in any client
TEMPLATES = TEMPLATE_ROOT / "newsletter"

LABELS = {
    "en": {
        "kicker": "From the Spanish-language press",
        "summary": "Summary",
        "spanish": "En español",
        "english": "In English",
        "quotes": "Key quotes",
        "read": "Read the whole article side by side",
        "credit": "Translated offline from Spanish with {engine}.",
        "untranslated": "Summary of the Spanish original.",
        "source": "Source: {source}.",
    },
    "es": {
        "kicker": "Prensa en español",
        "summary": "Resumen",
        "spanish": "En español",
        "english": "En inglés",
        "quotes": "Citas clave",
        "read": "Leer el artículo completo con su traducción",
        "credit": "Resumen del original en español; traducido sin conexión con {engine}.",
        "untranslated": "Resumen del original en español.",
        "source": "Fuente: {source}.",
    },
}

# Characters a permalink may hold: enough for any real URL, and none that could end an
# HTML attribute or a Markdown link target (quotes, brackets, spaces, backslashes).
_URL_CHARS = re.compile(r"[A-Za-z0-9._~:/?#@!$&*+,;=%-]+")
# A start tag of the inlined output. Article text never matches: its "<" are "&lt;".
_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_CLASS_ATTRIBUTE = re.compile(r'\s+class="[^"]*"')


@dataclass(frozen=True)
class Pair:
    """The same text in English and in Spanish (either may be empty)."""

    en: str
    es: str


@dataclass(frozen=True)
class QuoteItem:
    text: Pair
    speaker: Pair


@dataclass(frozen=True)
class Snippet:
    """Everything a format shows, already chosen and in order."""

    lang: str
    layout: str
    labels: dict[str, str]
    headline: Pair
    summary: list[Pair]
    quotes: list[QuoteItem]
    credit: str
    permalink: str | None

    @property
    def english(self) -> bool:
        return self.lang in ("both", "en")

    @property
    def spanish(self) -> bool:
        return self.lang in ("both", "es")

    @property
    def side_by_side(self) -> bool:
        return self.layout == "side_by_side" and self.lang == "both"

    def attribution(self, speaker: Pair) -> str:
        """One speaker line for a stacked quote: "the minister (la ministra)", or a name once."""
        if self.lang == "es":
            return speaker.es
        if self.lang == "en" or not speaker.es or speaker.en == speaker.es:
            return speaker.en
        return f"{speaker.en} ({speaker.es})"


def render_newsletter(
    result: ArticleResult,
    *,
    format: str = "html",
    quotes: int = DEFAULT_QUOTES,
    lang: str = "both",
    layout: str = "stacked",
    source: str | None = None,
    permalink: str | None = None,
    summary: Summary | None = None,
) -> str:
    """The article's newsletter snippet in `format` (html, md or text).

    `quotes` is how many key quotes to show (0–3, highest score first); `source` names
    the publication in the credit line; `permalink` (http or https) links the headline
    to the article's page. Raises InputError for an option out of range.
    """
    check_options(format=format, quotes=quotes, lang=lang, layout=layout)
    snippet = build_snippet(result, summary or result.summary, quotes=quotes, lang=lang, layout=layout,
                            source=source, permalink=permalink)
    if format == "md":
        return to_markdown(snippet)
    if format == "text":
        return to_text(snippet)
    return to_html(snippet)


def check_options(*, format: str, quotes: int, lang: str, layout: str) -> None:
    if format not in FORMATS:
        raise InputError(f"Unknown newsletter format {_short(format)!r}: use one of {', '.join(FORMATS)}.")
    if isinstance(quotes, bool) or not isinstance(quotes, int) or not 0 <= quotes <= MAX_QUOTES:
        raise InputError(f"The number of quotes must be a whole number from 0 to {MAX_QUOTES}; got {_short(quotes)!r}.")
    if lang not in LANGUAGES:
        raise InputError(f"Unknown newsletter language {_short(lang)!r}: use one of {', '.join(LANGUAGES)}.")
    if layout not in LAYOUTS:
        raise InputError(f"Unknown newsletter layout {_short(layout)!r}: use one of {', '.join(LAYOUTS)}.")


def key_quotes(result: ArticleResult, count: int) -> list[Quote]:
    """The `count` best key quotes, highest score first (article order on a tie)."""
    return sorted(result.key_quotes(), key=lambda quote: -quote.score)[:count]


def speaker_pair(quote: Quote) -> Pair:
    """Who said it, as the article tells it: the speaker's name, else the article's own words
    for someone it does not name ("un portavoz del ministerio"); in English and Spanish."""
    who = quote.speaker or quote.speaker_description
    return Pair(quote.speaker_target or who, who) if who else Pair("", "")


def build_snippet(
    result: ArticleResult,
    summary: Summary,
    *,
    quotes: int,
    lang: str,
    layout: str,
    source: str | None,
    permalink: str | None,
) -> Snippet:
    labels = LABELS["es" if lang == "es" else "en"]
    engine = engine_name(result.document.engine)
    if lang != "es" and not engine:
        raise InputError("This article has no English translation: ask for the Spanish newsletter (lang es).")
    title_es, title_en = result.titles()
    sentences = [Pair(s.target or "", s.source) for s in summary.sentences]
    items = [QuoteItem(text=Pair(q.target or "", q.text), speaker=speaker_pair(q)) for q in key_quotes(result, quotes)]
    credit = labels["credit"].format(engine=engine) if engine else labels["untranslated"]
    source = _source_name(source)
    if source:
        credit = f"{labels['source'].format(source=source)} {credit}"
    return Snippet(lang=lang, layout=layout, labels=labels, headline=Pair(title_en, title_es),
                   summary=sentences, quotes=items, credit=credit, permalink=_permalink(permalink))


# --- HTML ------------------------------------------------------------------------------


# Jinja2 and css-inline are imported on first use: every `bitexto` command imports this
# module (for its option choices) and most never render HTML.


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def to_html(snippet: Snippet) -> str:
    """E-mail HTML: one 600 px presentation table, every style inline, no class left."""
    import css_inline

    html = _environment().get_template("snippet.html").render(nl=snippet, width=WIDTH)
    inlined = css_inline.inline_fragment(html, "", load_remote_stylesheets=False)
    if "<style" in inlined:  # css-inline drops style tags; a change there must not ship CSS
        raise RuntimeError("css-inline left a <style> block in the newsletter snippet")
    return _START_TAG.sub(lambda tag: _CLASS_ATTRIBUTE.sub("", tag.group()), inlined).strip() + "\n"


# --- Markdown ----------------------------------------------------------------------------


def to_markdown(snippet: Snippet) -> str:
    md = inert_markdown
    labels = snippet.labels
    headline = md(snippet.headline.en if snippet.english else snippet.headline.es)
    if snippet.permalink:
        headline = f"[{headline}]({snippet.permalink})"
    lines = [f"### {headline}", ""]
    if snippet.lang == "both" and snippet.headline.es:
        lines += [f"*{md(snippet.headline.es)}*", ""]
    lines += [f"**{labels['summary']}**", ""]
    if snippet.side_by_side:
        lines += [f"| {labels['english']} | {labels['spanish']} |", "| --- | --- |",
                  *[f"| {md(p.en)} | {md(p.es)} |" for p in snippet.summary], ""]
    else:
        if snippet.english:
            lines += [*[f"- {md(p.en)}" for p in snippet.summary if p.en], ""]
        if snippet.lang == "both":
            lines += [f"*{labels['spanish']}*", ""]
        if snippet.spanish:
            lines += [*[f"- {md(p.es)}" for p in snippet.summary], ""]
    if snippet.quotes:
        lines += [f"**{labels['quotes']}**", ""]
    if snippet.quotes and snippet.side_by_side:
        lines += [f"| {labels['english']} | {labels['spanish']} |", "| --- | --- |",
                  *[f"| {_md_quote(q, 'en')} | {_md_quote(q, 'es')} |" for q in snippet.quotes], ""]
    elif snippet.quotes:
        for quote in snippet.quotes:
            quoted = []
            if snippet.english and quote.text.en:
                quoted.append(f"“{md(quote.text.en)}”")
            if snippet.spanish:
                quoted.append(f"«{md(quote.text.es)}»")
            attribution = snippet.attribution(quote.speaker)
            if attribution:
                quoted.append(f"— {md(attribution)}")
            lines += ["  \n".join(f"> {line}" for line in quoted), ""]
    if snippet.permalink:
        lines += [f"[{labels['read']}]({snippet.permalink})", ""]
    lines += [f"*{md(snippet.credit)}*", ""]
    return "\n".join(lines)


def _md_quote(quote: QuoteItem, language: str) -> str:
    text, speaker = getattr(quote.text, language), getattr(quote.speaker, language)
    marks = "“”" if language == "en" else "«»"
    said = f"{marks[0]}{inert_markdown(text)}{marks[1]}" if text else ""
    return f"{said} — {inert_markdown(speaker)}" if speaker else said


# --- Plain text --------------------------------------------------------------------------


def to_text(snippet: Snippet) -> str:
    """The plain-text alternative: the same content, wrapped at 72 columns."""
    labels = snippet.labels
    paragraphs = [labels["kicker"].upper(),
                  _wrap(snippet.headline.en if snippet.english else snippet.headline.es)]
    if snippet.lang == "both" and snippet.headline.es:
        paragraphs.append(_wrap(snippet.headline.es))
    paragraphs.append(labels["summary"].upper())
    if snippet.english:
        paragraphs.append("\n".join(_wrap(p.en, "- ") for p in snippet.summary if p.en))
    if snippet.lang == "both":
        paragraphs.append(labels["spanish"].upper())
    if snippet.spanish:
        paragraphs.append("\n".join(_wrap(p.es, "- ") for p in snippet.summary))
    if snippet.quotes:
        paragraphs.append(labels["quotes"].upper())
        for quote in snippet.quotes:
            lines = []
            if snippet.english and quote.text.en:
                lines.append(_wrap(f"“{quote.text.en}”"))
            if snippet.spanish:
                lines.append(_wrap(f"«{quote.text.es}»"))
            attribution = snippet.attribution(quote.speaker)
            if attribution:
                lines.append(_wrap(f"— {attribution}", "  "))
            paragraphs.append("\n".join(lines))
    if snippet.permalink:
        paragraphs.append(f"{labels['read']}:\n{snippet.permalink}")
    paragraphs.append(_wrap(snippet.credit))
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def _wrap(text: str, bullet: str = "") -> str:
    return textwrap.fill(" ".join(text.split()), TEXT_WIDTH, initial_indent=bullet,
                         subsequent_indent=" " * len(bullet), break_long_words=False, break_on_hyphens=False)


# --- Shared --------------------------------------------------------------------------------


def _source_name(source: str | None) -> str:
    source = " ".join((source or "").split())
    if len(source) > MAX_SOURCE_CHARS:
        raise InputError(f"The source name is longer than {MAX_SOURCE_CHARS} characters.")
    return source


def _permalink(url: str | None) -> str | None:
    """The article's own http(s) URL, or None; anything else is refused, never linked."""
    if not url:
        return None
    parts = urlsplit(url) if _URL_CHARS.fullmatch(url) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"The article link must be an http or https URL; got {_short(url)!r}.")
    return url


def _short(value: object, limit: int = 32) -> object:
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "…"
    return value
