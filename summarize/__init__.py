"""Extractive summaries and key quotes, both read off the aligned document.

    summarize(document, length=3, algorithm="default") -> Summary
    extract_quotes(document) -> list[Quote]
"""

from bitexto.summarize.quotes import Quote, extract_quotes
from bitexto.summarize.summary import ALGORITHMS, Summary, sentence_scores, summarize

__all__ = ["ALGORITHMS", "Quote", "Summary", "extract_quotes", "sentence_scores", "summarize"]
