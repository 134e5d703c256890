"""The batch outputs: torn lines repaired, superseded records compacted, safe file names,
escaped HTML and Markdown."""

import json
import os
import stat

import pytest

from batch_fixtures import CountingEngine, spanish_articles
from bitexto.batch import ArticleOutcome, translate_many
from bitexto.batch.inputs import item_from_text
from bitexto.batch.output import (
    MANIFEST_NAME, DirectoryOutput, JsonlOutput, RecordLog, open_output, safe_relative_name)
from bitexto.batch.render import render_html, render_markdown


def lines(path):
    return path.read_bytes().decode().splitlines()


def test_a_torn_last_line_is_cut_off(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a", "hash": "1", "status": "ok"}\n{"id": "b", "hash": "2", "sta')
    log = RecordLog(path)
    assert list(log.index) == ["a"]
    log.append({"id": "b", "hash": "2", "status": "ok"})
    log.close()
    assert [json.loads(line)["id"] for line in lines(path)] == ["a", "b"]


def test_a_file_of_only_a_torn_line_becomes_empty(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a", "ha')
    RecordLog(path).close()
    assert path.read_bytes() == b""


def test_the_last_record_of_an_id_wins_and_the_file_is_compacted(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "hash": "1", "status": "failed", "error": "x"},
        {"id": "b", "hash": "2", "status": "ok"},
        {"id": "a", "hash": "1", "status": "ok"},
    ]) + "\n")
    os.chmod(path, 0o640)
    (tmp_path / ".out.jsonl.abc.tmp").write_text("left by a killed compaction")
    log = RecordLog(path)
    assert log.index["a"]["status"] == "ok"
    assert [json.loads(line) for line in lines(path)] == [
        {"id": "b", "hash": "2", "status": "ok"}, {"id": "a", "hash": "1", "status": "ok"}]
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not (tmp_path / ".out.jsonl.abc.tmp").exists()
    log.append({"id": "b", "hash": "3", "status": "ok"})
    log.close()
    assert [json.loads(line)["hash"] for line in lines(path)] == ["1", "3"]


def test_jsonl_output_is_done_only_for_the_same_hash_and_success(tmp_path):
    output = JsonlOutput(tmp_path / "out.jsonl")
    output.write(ArticleOutcome("a", "h1", error="nope"))
    output.write(ArticleOutcome("b", "h2", error=None, article=None))
    output.close()
    again = JsonlOutput(tmp_path / "out.jsonl")
    assert not again.is_done(_item("a", "h1"))  # failed: done again
    assert again.is_done(_item("b", "h2"))
    assert not again.is_done(_item("b", "other"))
    again.close()


def _item(item_id, digest):
    item = item_from_text(item_id, "texto")
    item.hash = digest
    return item


@pytest.fixture(scope="module")
def results():
    texts = spanish_articles(2)
    texts[1] += "\nEl lema era <script>alert(1)</script> | *nada* más, dijo el alcalde."
    return list(translate_many([{"id": "one", "text": texts[0]}, {"id": "dos/<x>", "text": texts[1]}],
                               CountingEngine()))


@pytest.mark.parametrize("format, suffix", [("jsonl", ".json"), ("html", ".html"), ("md", ".md")])
def test_directory_output_writes_one_file_per_article_and_a_manifest(tmp_path, results, format, suffix):
    output = DirectoryOutput(tmp_path / "out", format)
    for result in results:
        output.write(result)
    output.write(ArticleOutcome("bad", "h", error="The article is empty."))
    output.close()
    names = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
                   if p.is_file())
    weird = safe_relative_name("dos/<x>")
    assert names == sorted([MANIFEST_NAME, "one" + suffix, weird + suffix])
    manifest = [json.loads(line) for line in lines(tmp_path / "out" / MANIFEST_NAME)]
    assert [(m["id"], m["status"]) for m in manifest] == [("one", "ok"), ("dos/<x>", "ok"), ("bad", "failed")]
    assert manifest[2]["error"] == "The article is empty."
    reopened = DirectoryOutput(tmp_path / "out", format)
    assert reopened.is_done(_item("one", results[0].hash))
    assert not DirectoryOutput(tmp_path / "out", "md" if format != "md" else "html").is_done(
        _item("one", results[0].hash))
    (tmp_path / "out" / ("one" + suffix)).unlink()
    assert not reopened.is_done(_item("one", results[0].hash))


def test_a_failed_article_removes_its_stale_file(tmp_path, results):
    output = DirectoryOutput(tmp_path / "out", "md")
    output.write(results[0])
    assert (tmp_path / "out" / "one.md").exists()
    output.write(ArticleOutcome("one", "new", error="This text looks like English (en), not Spanish."))
    assert not (tmp_path / "out" / "one.md").exists()


def test_json_files_hold_the_same_record_as_a_jsonl_line(tmp_path, results):
    output = DirectoryOutput(tmp_path / "out", "jsonl")
    output.write(results[0])
    assert json.loads((tmp_path / "out" / "one.json").read_text()) == results[0].to_dict()


def test_safe_names_never_leave_the_output_directory():
    assert safe_relative_name("2024/mayo/a.txt") == "2024/mayo/a.txt"
    for hostile in ("../../etc/passwd", "/abs", "a/../../b", ".hidden", "a\\b", "x:y", ""):
        name = safe_relative_name(hostile)
        assert ".." not in name.split("/") and not name.startswith("/")
        assert all(part and not part.startswith(".") for part in name.split("/"))
    assert safe_relative_name("a?b") != safe_relative_name("a*b")


def test_html_and_markdown_escape_the_article(results):
    page = render_html(results[1])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<tr") > 5 and "Spanish" in page and "English" in page
    assert "&lt;x&gt;" in page  # the id, in the title
    markdown = render_markdown(results[1])
    row = next(line for line in markdown.splitlines() if "script" in line and line.startswith("| "))
    assert "\\<script\\>" in row and "\\|" in row and "\\*nada\\*" in row
    assert row.count(" | ") == 1  # still exactly two cells


def test_open_output_picks_a_file_or_a_directory(tmp_path):
    assert isinstance(open_output(tmp_path / "a.jsonl"), JsonlOutput)
    assert isinstance(open_output(str(tmp_path / "dir") + "/"), DirectoryOutput)
    assert isinstance(open_output(tmp_path / "pages", "html"), DirectoryOutput)
    (tmp_path / "existing").mkdir()
    assert isinstance(open_output(tmp_path / "existing"), DirectoryOutput)
