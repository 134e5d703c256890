"""Downloads of an article: Markdown for reading and sharing, JSON for programs."""

from __future__ import annotations

from flask_babel import format_datetime
from flask_babel import gettext as _

from bitexto.presentation import inert_markdown as md
from bitexto.webapp.article_view import ArticleView


def to_markdown(view: ArticleView) -> str:
    """Title and engine, the summary in both languages, the quotes, then the full text
    as a Spanish | English table with one row per sentence pair."""
    lines = [f"# {md(view.title_en or view.title)}", ""]
    if view.title_en:
        lines += [f"*{md(view.title)}*", ""]
    lines += [
        _("Translated from Spanish by %(engine)s on %(date)s with bitexto.",
          engine=md(view.engine_label), date=format_datetime(view.created)),
        "",
        f"## {_('Summary')}",
        "",
        f"### {_('English')}",
        "",
        *[f"- {md(s.target)}" for s in view.summary],
        "",
        f"### {_('Spanish')}",
        "",
        *[f"- {md(s.source)}" for s in view.summary],
        "",
    ]
    quotes = view.key_quotes + view.other_quotes
    if quotes:
        lines += [f"## {_('Quotes')}", ""]
        for quote in quotes:
            speaker = f" — {md(quote.speaker_target or quote.speaker)}" if quote.speaker else ""
            lines.append(f"- «{md(quote.source)}»{speaker}  ")
            lines.append(f"  “{md(quote.target)}”")
        lines.append("")
    lines += [f"## {_('Full text')}", "", f"| {_('Spanish')} | {_('English')} |", "| --- | --- |"]
    for block in view.blocks:
        for number, row in enumerate(block.rows):
            label = f"*({md(block.label)})* " if block.is_furniture and number == 0 else ""
            lines.append(f"| {label}{md(row.source_text)} | {md(row.target_text)} |")
    lines.append("")
    return "\n".join(lines)


def to_json(view: ArticleView) -> dict:
    """The stored result with the summary asked for; its `text` is what its offsets point into."""
    return {
        "id": view.id,
        "created_at": view.created.isoformat(),
        "options": {**view.options, "summary_length": view.summary_length,
                    "algorithm": view.summary_algorithm},
        **view.article.result.to_dict(),
        "summary": view.chosen_summary.to_dict(),
    }
