"""Per-article files of `bitexto batch --format html|md`: Spanish | English side by side.

Deliberately small and dependency-free (no Flask, no templates): a standalone, escaped
HTML page with a two-column table, or a Markdown table; each with the summary and the
key quotes. The web app's reader and the newsletter have their own, richer renderings.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from bitexto.presentation import inert_markdown as _md
from bitexto.translate.document import CONTENT_KINDS

if TYPE_CHECKING:
    from bitexto.batch import ArticleOutcome

FORMATS = ("jsonl", "html", "md")
FILE_SUFFIXES = {"jsonl": ".json", "html": ".html", "md": ".md"}

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%}
td,th{vertical-align:top;padding:.3rem .6rem;width:50%;text-align:left}
tr+tr td{border-top:1px solid #ddd}.furniture{color:#777}.kind{font-size:.8em;text-transform:uppercase}
.flags{color:#a60;font-size:.8em}
""".strip()


def _engine_label(result: ArticleOutcome) -> str:
    engine = result.article.document.engine
    return engine.label if engine else "not translated"


def render_markdown(result: ArticleOutcome) -> str:
    article = result.article
    lines = [f"# {_md(result.id)}", "",
             f"Translated from Spanish by {_md(_engine_label(result))} with bitexto.", "",
             "## Summary", "", "| Spanish | English |", "| --- | --- |"]
    lines += [f"| {_md(s.source)} | {_md(s.target)} |" for s in article.summary.sentences]
    key_quotes = [quote for quote in article.quotes if quote.key]
    if key_quotes:
        lines += ["", "## Key quotes", ""]
        for quote in key_quotes:
            speaker = f" — {_md(quote.speaker)}" if quote.speaker else ""
            lines += [f"- «{_md(quote.text)}»{speaker}  ", f"  “{_md(quote.target)}”"]
    lines += ["", "## Full text", "", "| Spanish | English |", "| --- | --- |"]
    for block in article.document.blocks:
        # Page furniture (captions, credits…) is labelled once, on its first row.
        furniture = f"*({_md(block.kind.replace('_', ' '))})* " if block.kind not in CONTENT_KINDS else ""
        for number, sentence in enumerate(block.sentences):
            label = furniture if number == 0 else ""
            lines.append(f"| {label}{_md(sentence.source)} | {_md(sentence.target)} |")
    return "\n".join(lines) + "\n"


def render_html(result: ArticleOutcome) -> str:
    article = result.article
    e = html.escape
    rows = []
    for block in article.document.blocks:
        furniture = block.kind not in CONTENT_KINDS
        css = ' class="furniture"' if furniture else ""
        for number, sentence in enumerate(block.sentences):
            label = (f'<span class="kind">{e(block.kind.replace("_", " "))}</span> '
                     if furniture and number == 0 else "")
            flags = f' <span class="flags">⚠ {e(", ".join(sentence.flags))}</span>' if sentence.flags else ""
            rows.append(f'<tr{css}><td lang="es">{label}{e(sentence.source)}</td>'
                        f'<td lang="en">{e(sentence.target or "")}{flags}</td></tr>')
    summary = "".join(f'<tr><td lang="es">{e(s.source)}</td><td lang="en">{e(s.target or "")}</td></tr>'
                      for s in article.summary.sentences)
    quotes = "".join(
        f'<li><q lang="es">{e(q.text)}</q>{" — " + e(q.speaker) if q.speaker else ""}'
        f'<br><q lang="en">{e(q.target or "")}</q></li>'
        for q in article.quotes if q.key)
    head = '<tr><th>Spanish</th><th>English</th></tr>'
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(result.id)} — bitexto</title><style>{_STYLE}</style></head><body>",
        f"<h1>{e(result.id)}</h1>",
        f"<p>Translated from Spanish by {e(_engine_label(result))} with bitexto.</p>",
        f"<h2>Summary</h2><table>{head}{summary}</table>",
        f"<h2>Key quotes</h2><ul>{quotes}</ul>" if quotes else "",
        f"<h2>Full text</h2><table>{head}",
        *rows,
        "</table></body></html>",
        "",
    ])
