"""Spanish word handling shared by every summariser: words, stop words, stems.

sumy's own `Tokenizer("spanish")` needs NLTK punkt data that is not installed (and must
not be fetched at run time), so words come from a plain Unicode regex here and sentences
always come from our own segmenter (translate.segment, via the AlignedDocument).
"""

from __future__ import annotations

import functools
import re

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from bitexto.translate.spanish import lexicon

# A word is a run of letters, possibly joined by an apostrophe or hyphen ("anti-OTAN",
# "O'Donnell"); digits are not words, as in sumy's tokenizer, so "2019" never becomes a
# keyword that links unrelated sentences.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# sumy's Spanish list lacks the commonest function words ("de", "que", "y", "a", "se",
# "del", "al", …), which then dominate every frequency-based score; the lexicon completes it.
STOP_WORDS: frozenset[str] = frozenset(get_stop_words("spanish")) | lexicon.words("summary_stop_words")


def words(text: str) -> list[str]:
    """The words of `text` in their original case, in order."""
    return _WORD.findall(text)


@functools.lru_cache(maxsize=1)
def stemmer() -> CachedStemmer:
    """sumy's Spanish Snowball stemmer behind a cache (news text repeats its words a lot)."""
    return CachedStemmer(Stemmer("spanish"))


class CachedStemmer:
    """A callable stemmer (sumy accepts any callable) that remembers what it stemmed."""

    def __init__(self, stem) -> None:
        self._stem = functools.lru_cache(maxsize=100_000)(stem)

    def __call__(self, word: str) -> str:
        return self._stem(word)


def content_terms(text: str) -> list[str]:
    """Lowercased, stemmed words of `text` without stop words: what similarity is computed on."""
    stem = stemmer()
    return [stem(w) for w in (word.lower() for word in words(text)) if w not in STOP_WORDS]
