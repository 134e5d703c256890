"""The SQLite translation cache in front of a real engine (Apertium)."""

from dataclasses import replace

import pytest

from bitexto.cache import CachedEngine, TranslationCache
from bitexto.translate.engines.apertium import ApertiumEngine
from bitexto.translate.pipeline import translate_article


class CountingEngine:
    """The real Apertium engine, counting the sentences that reach it."""

    def __init__(self, info=None):
        self.inner = ApertiumEngine()
        self.info = info or self.inner.info
        self.placeholders = self.inner.placeholders
        self.sent: list[str] = []

    def translate(self, sentences, on_progress=None):
        self.sent.extend(sentences)
        return self.inner.translate(sentences, on_progress)


ARTICLE = ("El Gobierno aprobó el martes la reforma laboral. La oposición votó en contra del texto.\n"
           "Los sindicatos convocaron una huelga para el mes próximo.")
EDITED = ARTICLE.replace("una huelga", "una gran huelga")


@pytest.fixture
def cache(tmp_path):
    return TranslationCache(tmp_path / "cache.sqlite3")


def test_an_edited_article_only_translates_the_changed_sentence(cache, tmp_path):
    counting = CountingEngine()
    first = translate_article(ARTICLE, CachedEngine(counting, cache))
    assert len(counting.sent) == 3
    counting.sent.clear()
    engine = CachedEngine(counting, TranslationCache(tmp_path / "cache.sqlite3"))  # survives reopening
    second = translate_article(EDITED, engine)
    assert counting.sent == ["Los sindicatos convocaron una gran huelga para el mes próximo."]
    assert (engine.hits, engine.misses) == (2, 1)
    assert [s.target for s in second.sentences()][:2] == [s.target for s in first.sentences()][:2]
    assert "strike" in list(second.sentences())[2].target


def test_whitespace_differences_share_an_entry_and_flags_survive(cache):
    counting = CountingEngine()
    engine = CachedEngine(counting, cache)
    out1 = engine.translate(["Putin elogió a las tropas norcoreanas."])
    out2 = engine.translate(["Putin  elogió a las\ttropas norcoreanas. "])
    assert len(counting.sent) == 1
    assert out1 == out2
    assert out2[0].flags == ("unknown_words",)


def test_another_model_version_never_reads_the_old_entries(cache):
    old = CountingEngine()
    CachedEngine(old, cache).translate(["El perro come."])
    newer = CountingEngine()
    newer.info = replace(newer.inner.info, version="99")
    CachedEngine(newer, cache).translate(["El perro come."])
    assert newer.sent == ["El perro come."]


def test_progress_counts_cached_sentences_as_done(cache):
    engine = CachedEngine(CountingEngine(), cache)
    engine.translate(["Uno.", "Dos."])
    progress = []
    engine.translate(["Uno.", "Dos.", "Tres gatos."], on_progress=lambda d, t: progress.append((d, t)))
    assert progress[-1] == (3, 3)
    assert all(t == 3 for _, t in progress)
