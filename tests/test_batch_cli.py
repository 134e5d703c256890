"""`bitexto batch` through click's runner: inputs, outputs, failures, resume, progress, workers."""

import io
import json

import pytest
from click.testing import CliRunner

from batch_fixtures import spanish_articles, write_articles
from bitexto import articles as articles_module
from bitexto import analysis
from bitexto.batch import many as batch_module
import bitexto.cli.batch as cli_batch
from bitexto.batch import BatchStats
from bitexto.batch.output import MANIFEST_NAME
from bitexto.cli import main


@pytest.fixture(scope="module")
def texts():
    return spanish_articles(8)


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, ["batch", *args, "--engine", "apertium"], input=input,
                             catch_exceptions=False)

    return invoke


def records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_folder_of_txt_and_html_becomes_one_jsonl_file(tmp_path, texts, run):
    folder = tmp_path / "in"
    write_articles(folder, texts[:3])
    write_articles(folder / "sub" / "deeper", texts[3:5], "nested{:d}.txt")
    (folder / "page.html").write_text("<html><body><nav>Menú</nav><article>"
                                      + "".join(f"<p>{line}</p>" for line in texts[5].splitlines())
                                      + "</article></body></html>", encoding="utf-8")
    result = run(str(folder), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["art000.txt", "art001.txt", "art002.txt", "page.html",
                                     "sub/deeper/nested0.txt", "sub/deeper/nested1.txt"]
    assert all(r["status"] == "ok" and r["engine"]["name"] == "apertium" for r in out)
    assert all(r["summary"]["sentences"] and r["blocks"] for r in out)
    assert "<p>" not in out[3]["text"]
    first = out[0]["blocks"][0]["sentences"][0]
    assert first["source"].startswith("La ") and first["target"]
    assert "Batch finished: 6 done, 0 failed, 0 skipped" in result.stderr
    assert "sentences/s" in result.stderr


def test_jsonl_and_stdin_inputs(tmp_path, texts, run):
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"n{k}", "text": t}) + "\n" for k, t in enumerate(texts[:2])))
    result = run(str(jsonl), "-", "--out", str(tmp_path / "out.jsonl"), input=texts[2].encode())
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in records(tmp_path / "out.jsonl")] == ["n0", "n1", "stdin-1"]


@pytest.mark.parametrize("format, suffix", [("html", ".html"), ("md", ".md")])
def test_html_and_markdown_go_to_a_directory(tmp_path, texts, run, format, suffix):
    write_articles(tmp_path / "in", texts[:2])
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "pages"), "--format", format)
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert files == sorted(["art000.txt" + suffix, "art001.txt" + suffix, MANIFEST_NAME])
    page = (tmp_path / "pages" / ("art000.txt" + suffix)).read_text()
    assert "Spanish" in page and "English" in page and "Putin" in page


def test_json_files_in_a_directory_with_a_trailing_slash(tmp_path, texts, run):
    write_articles(tmp_path / "in", texts[:2])
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "json") + "/")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "json" / "art001.txt.json").read_text())["id"] == "art001.txt"


def test_bad_articles_are_recorded_and_the_exit_status_is_1(tmp_path, texts, run, monkeypatch):
    monkeypatch.setenv("BITEXTO_MAX_CHARS", "2500")
    folder = tmp_path / "in"
    write_articles(folder, texts[:2])
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "english.txt").write_text("The government approved on Tuesday a reform that affects "
                                        "millions of workers across the whole country.")
    (folder / "long.txt").write_text("\n".join(texts[2:6]), encoding="utf-8")
    result = run(str(folder), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    out = {r["id"]: r for r in records(tmp_path / "out.jsonl")}
    assert {i for i, r in out.items() if r["status"] == "ok"} == {"art000.txt", "art001.txt"}
    assert "empty" in out["empty.txt"]["error"]
    assert "binary" in out["binary.txt"]["error"]
    assert "English" in out["english.txt"]["error"]
    assert "limit is 2,500" in out["long.txt"]["error"]
    assert "2 done, 4 failed" in result.stderr
    assert "english.txt: This text looks like English" in result.stderr
    assert "Traceback" not in result.output


def test_a_rerun_skips_what_is_done_and_redoes_edited_and_failed_articles(tmp_path, texts, run,
                                                                         monkeypatch):
    folder = tmp_path / "in"
    write_articles(folder, texts[:4])
    (folder / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    assert run(str(folder), "--out", str(out)).exit_code == 1
    before = {r["id"]: r for r in records(out)}

    calls = []
    original = analysis.translate_documents

    def counting(documents, engine, on_progress=None, **options):
        calls.append(len(documents))
        return original(documents, engine, on_progress, **options)

    monkeypatch.setattr(analysis, "translate_documents", counting)
    # Nothing changed: nothing is translated again.
    second = run(str(folder), "--out", str(out))
    assert calls == []
    assert "0 done, 1 failed, 4 skipped" in second.stderr

    # One article edited, the empty one filled in: exactly those two are redone.
    (folder / "art002.txt").write_text(texts[5], encoding="utf-8")
    (folder / "empty.txt").write_text(texts[6], encoding="utf-8")
    third = run(str(folder), "--out", str(out))
    assert third.exit_code == 0, third.output
    assert "2 done, 0 failed, 3 skipped" in third.stderr
    assert calls == [2]
    after = records(out)
    assert sorted(r["id"] for r in after) == sorted(before)  # each id exactly once
    after = {r["id"]: r for r in after}
    assert after["art000.txt"] == before["art000.txt"]
    assert after["art002.txt"]["hash"] != before["art002.txt"]["hash"]
    assert after["art002.txt"]["text"].startswith(texts[5][:40])
    assert after["empty.txt"]["status"] == "ok"


def test_a_directory_output_resumes_too(tmp_path, texts, run):
    write_articles(tmp_path / "in", texts[:3])
    pages = tmp_path / "pages"
    run(str(tmp_path / "in"), "--out", str(pages), "--format", "md")
    (pages / "art001.txt.md").unlink()
    result = run(str(tmp_path / "in"), "--out", str(pages), "--format", "md")
    assert "1 done, 0 failed, 2 skipped" in result.stderr
    assert (pages / "art001.txt.md").exists()
    manifest = records(pages / MANIFEST_NAME)
    assert sorted(m["id"] for m in manifest) == ["art000.txt", "art001.txt", "art002.txt"]


def test_the_same_id_twice_is_a_failure(tmp_path, texts, run):
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": "same", "text": t}) for t in texts[:2]) + "\n")
    result = run(str(jsonl), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert [r["id"] for r in records(tmp_path / "out.jsonl")] == ["same"]
    assert "same: The same id appears twice" in result.stderr


def test_without_a_terminal_progress_is_plain_lines_on_stderr(tmp_path, texts, run):
    write_articles(tmp_path / "in", texts[:5])
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "out.jsonl"), "--group-sentences", "10")
    progress = [line for line in result.stderr.splitlines() if line.startswith("batch: ")]
    assert len(progress) >= 3
    assert progress[-1].startswith("batch: 5/5 articles (100%), 5 done, 0 failed, 0 skipped")
    assert "articles/s" in progress[-1] and "ETA" in progress[-1]
    assert "batch:" not in result.stdout


def test_on_a_terminal_progress_is_a_bar_with_rate_and_eta():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    progress = cli_batch.BatchProgress(4, stream=stream)
    stats = BatchStats(total=4)
    for _ in range(4):
        stats.done += 1
        progress(stats)
    progress.close()
    shown = stream.getvalue()
    assert "Translating" in shown and "4/4" in shown and "articles/s" in shown


def test_bad_options_fail_before_any_work(tmp_path, texts, run):
    write_articles(tmp_path / "in", texts[:1])
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "out.jsonl"), "--summary-length", "0")
    assert result.exit_code == 1 and "Summary length" in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_two_workers_write_the_same_output_as_one(tmp_path, texts, run):
    write_articles(tmp_path / "in", texts)
    (tmp_path / "in" / "empty.txt").write_text("")
    one = run(str(tmp_path / "in"), "--out", str(tmp_path / "one.jsonl"), "--group-sentences", "12")
    two = run(str(tmp_path / "in"), "--out", str(tmp_path / "two.jsonl"), "--group-sentences", "12",
              "--workers", "2")
    assert one.exit_code == two.exit_code == 1, two.output
    assert "8 done, 1 failed" in two.stderr
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_the_cli_defaults_are_the_library_defaults():
    assert cli_batch.DEFAULT_GROUP_SENTENCES == batch_module.DEFAULT_GROUP_SENTENCES
    assert cli_batch.DEFAULT_SUMMARY_LENGTH == analysis.DEFAULT_SUMMARY_LENGTH
    assert cli_batch.DEFAULT_ALGORITHM == analysis.DEFAULT_ALGORITHM


def test_a_file_cannot_take_a_directory_of_pages(tmp_path, texts, run):
    write_articles(tmp_path / "in", texts[:1])
    (tmp_path / "out.html").write_text("not a directory")
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "out.html"), "--format", "html")
    assert result.exit_code == 1 and "writes a directory" in result.output


def test_an_empty_folder_is_reported_not_an_error(tmp_path, run):
    (tmp_path / "in").mkdir()
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0 and "No articles found" in result.stderr
