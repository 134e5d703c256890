"""What `bitexto batch` reads: files, nested directories, JSONL, stdin; ids and content hashes."""

import hashlib
import json

import pytest

from bitexto.batch.inputs import InputSet, content_hash
from bitexto.translate.errors import InputError


def test_directories_are_walked_recursively_for_txt_and_html(tmp_path):
    root = tmp_path / "in"
    (root / "2024" / "mayo").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.txt").write_text("Hola.")
    (root / "a.html").write_text("<p>Hola.</p>")
    (root / "2024" / "mayo" / "c.TXT").write_text("Adiós.")
    (root / "2024" / "notes.pdf").write_bytes(b"%PDF")
    (root / ".secret.txt").write_text("no")
    (root / ".hidden" / "d.txt").write_text("no")
    inputs = InputSet([str(root)])
    items = list(inputs)
    assert len(inputs) == 3
    assert [i.id for i in items] == ["2024/mayo/c.TXT", "a.html", "b.txt"]
    assert [i.media_type for i in items] == ["text/plain", "text/html", "text/plain"]
    assert items[2].text == "Hola."
    assert items[2].hash == hashlib.sha256(b"Hola.").hexdigest()


def test_a_file_given_directly_is_named_by_its_file_name(tmp_path):
    (tmp_path / "x").mkdir()
    path = tmp_path / "x" / "nota.txt"
    path.write_text("Hola.")
    assert [i.id for i in InputSet([str(path)])] == ["nota.txt"]


def test_jsonl_lines_become_items_with_their_ids(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "n1", "text": "Uno."}), "",
             json.dumps({"text": "Dos."}),
             json.dumps({"id": 7, "text": "<p>Siete.</p>", "format": "html"}),
             "{not json", json.dumps(["a"]), json.dumps({"id": "n5"})]
    path.write_text("\n".join(lines) + "\n")
    inputs = InputSet([str(path)])
    items = list(inputs)
    assert len(inputs) == 6
    assert [i.id for i in items] == ["n1", "news-3", "7", "news-5", "news-6", "n5"]
    assert items[0].text == "Uno." and items[0].hash == content_hash("Uno.")
    assert items[2].media_type == "text/html"
    assert [i.error is not None for i in items] == [False, False, False, True, True, True]
    assert "not valid JSON" in items[3].error and "\"text\"" in items[5].error


def test_stdin_is_one_article_or_jsonl():
    plain = InputSet(["-"], stdin="Un artículo en español.".encode())
    assert [(i.id, i.text) for i in plain] == [("stdin-1", "Un artículo en español.")]
    jsonl = InputSet(["-"], stdin=b'{"id": "a", "text": "Uno."}\n{"text": "Dos."}\n')
    assert len(jsonl) == 2
    assert [(i.id, i.text) for i in jsonl] == [("a", "Uno."), ("stdin-2", "Dos.")]


def test_unreadable_content_becomes_a_failed_item_not_an_exception(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "huge.txt").write_bytes(b"a" * 5000)
    (tmp_path / "latin.txt").write_bytes("Año nuevo en España.".encode("cp1252"))
    items = {i.id: i for i in InputSet([str(tmp_path)], max_chars=1000)}
    assert "binary" in items["bin.txt"].error
    assert "limit" in items["huge.txt"].error and items["huge.txt"].text is None
    assert items["huge.txt"].hash == hashlib.sha256(b"a" * 5000).hexdigest()
    assert items["latin.txt"].text == "Año nuevo en España."


def test_the_output_directory_is_not_read_as_input(tmp_path):
    (tmp_path / "a.txt").write_text("Hola.")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt.html").write_text("<p>Hello.</p>")
    assert [i.id for i in InputSet([str(tmp_path)], exclude=tmp_path / "out")] == ["a.txt"]
    with pytest.raises(InputError, match="cannot also be an input"):
        InputSet([str(tmp_path)], exclude=tmp_path)


def test_missing_inputs_are_an_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        InputSet([str(tmp_path / "nope.txt")])


def test_ids_that_are_not_valid_utf8_are_spelled_out():
    items = list(InputSet(["-"], stdin=b'{"id": "x\\ud800", "text": "Uno."}\n'))
    assert items[0].id == "x\\ud800"
    items[0].id.encode("utf-8")
