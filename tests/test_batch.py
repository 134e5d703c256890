"""translate_many: the same results as analyse_article, in order, with far fewer engine calls."""

import pytest

from batch_fixtures import CountingEngine, spanish_articles
from bitexto.analysis import analyse_article
from bitexto.batch import ArticleOutcome, translate_many
from bitexto.analysis import ArticleInput
from bitexto.batch.inputs import item_from_text
from bitexto.translate.errors import InputError


@pytest.fixture(scope="module")
def articles():
    return spanish_articles(12)


def test_results_come_in_order_and_match_one_article_at_a_time(articles):
    engine = CountingEngine()
    results = list(translate_many(articles, engine))
    assert [r.id for r in results] == [str(n) for n in range(1, 13)]
    assert all(r.ok for r in results)
    for text, result in zip(articles[:3], results[:3]):
        alone = analyse_article(text, engine.engine).to_dict()
        assert result.article.to_dict() == alone


def expected_calls(results, bound: int) -> list[int]:
    """What one engine call per group holds: the group's sentences, then its distinct quoted
    speakers (their English is stored with the quotes); groups fill up to `bound` sentences."""
    groups: list[list] = []
    for result in results:
        if groups and sum(r.sentences for r in groups[-1]) + result.sentences <= bound:
            groups[-1].append(result)
        else:
            groups.append([result])
    return [sum(r.sentences for r in group)
            + len({q.speaker or q.speaker_description for r in group for q in r.article.quotes} - {None})
            for group in groups]


def test_sentences_of_several_articles_share_one_engine_call(articles):
    engine = CountingEngine()
    results = list(translate_many(articles, engine, group_sentences=60))
    sentences = [r.sentences for r in results]
    assert engine.calls == expected_calls(results, 60)
    assert 1 < len(engine.calls) < len(articles)
    # A group never exceeds the bound (no article here is larger than it).
    assert max(sentences) <= 60


def test_an_article_larger_than_a_group_is_a_group_of_its_own(articles):
    engine = CountingEngine()
    results = list(translate_many(articles[:3], engine, group_sentences=2))
    assert len(engine.calls) == 3 and engine.calls == expected_calls(results, 2)


def test_bad_articles_fail_with_their_reason_and_the_rest_go_on(articles, monkeypatch):
    monkeypatch.setenv("BITEXTO_MAX_CHARS", "3000")
    items = [
        articles[0],
        "   ",
        "The government approved on Tuesday a reform that affects millions of workers.",
        "\n".join(articles[1:4]),  # over 3000 characters
        {"id": "html-1", "format": "html", "text": "<p>" + articles[4].replace("\n", "</p><p>") + "</p>"},
        ArticleInput(id="bin", text=None, hash="0" * 64, error="This looks like a binary file."),
        articles[5],
    ]
    results = list(translate_many(items, CountingEngine()))
    assert [r.id for r in results] == ["1", "2", "3", "4", "html-1", "bin", "7"]
    assert [r.ok for r in results] == [True, False, False, False, True, False, True]
    assert "empty" in results[1].error
    assert "English" in results[2].error
    assert "limit is 3,000" in results[3].error
    assert results[5].error == "This looks like a binary file."
    assert results[1].to_dict() == {"id": "2", "hash": results[1].hash, "status": "failed",
                                    "error": results[1].error}
    html = results[4].to_dict()
    assert "<p>" not in html["text"] and html["blocks"][0]["sentences"][0]["target"]


def test_an_engine_failure_fails_only_the_article_it_chokes_on(articles):
    poison = "Esta frase rompe el motor de traducción por completo."
    texts = [articles[0], articles[1] + "\n" + poison, articles[2]]
    engine = CountingEngine(fail_on=poison)
    results = list(translate_many(texts, engine))
    assert [r.ok for r in results] == [True, False, True]
    assert "choked" in results[1].error
    assert results[0].article.document.engine.name == "apertium"


def test_bad_summary_options_fail_before_any_translation(articles):
    engine = CountingEngine()
    with pytest.raises(InputError, match="Summary length"):
        translate_many(articles, engine, summary_length="0")  # raised by the call itself
    with pytest.raises(InputError, match="Unknown summary algorithm"):
        translate_many(articles, engine, algorithm="nope")
    assert engine.calls == []


def test_items_are_read_lazily(articles):
    consumed = []

    def source():
        for number, text in enumerate(articles[:6]):
            consumed.append(number)
            yield item_from_text(f"a{number}", text)

    stream = translate_many(source(), CountingEngine(), group_sentences=15)
    first = next(stream)
    assert isinstance(first, ArticleOutcome) and first.id == "a0"
    assert len(consumed) < 6


def test_workers_need_an_engine_name(articles):
    with pytest.raises(ValueError, match="by name"):
        translate_many(articles, CountingEngine(), workers=2)


def test_summary_options_are_passed_on(articles):
    engine = CountingEngine()
    result = next(translate_many(articles[:1], engine, summary_length="100%", algorithm="lead"))
    alone = analyse_article(articles[0], engine.engine, summary_length="100%", algorithm="lead")
    assert result.to_dict()["summary"] == alone.summary.to_dict()
    assert result.to_dict()["summary"]["algorithm"] == "lead"
    assert len(alone.summary.sentences) > 3  # not the default length of 3
