"""A .docx article on the paste form and on `bitexto translate` (its paragraphs' text)."""

import io
import json

import docx
from click.testing import CliRunner

from bitexto.cli import main
from test_ui import app, client, make_app, ui_data  # noqa: F401  (fixtures)


def _docx(*paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ARTICLE = ("El Gobierno aprobó ayer una nueva ley de vivienda para bajar los alquileres.",
           "«Es un día histórico», dijo la ministra Ana Luna en una rueda de prensa en Madrid.")


def test_cli_translates_a_docx_file(tmp_path):
    path = tmp_path / "nota.docx"
    path.write_bytes(_docx(*ARTICLE))
    result = CliRunner().invoke(main, ["translate", str(path), "--engine", "apertium", "--json"])
    assert result.exit_code == 0, result.output
    blocks = json.loads(result.output)["blocks"]
    assert len(blocks) == 2 and "Ana Luna" in blocks[1]["sentences"][0]["target"]


def test_cli_refuses_a_broken_docx_in_one_line(tmp_path):
    path = tmp_path / "rota.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(main, ["translate", str(path), "--engine", "apertium"])
    assert result.exit_code == 2 and "not a readable .docx" in result.output


def test_the_paste_form_takes_a_docx(client):
    response = client.post("/articles", data={"text": "", "file": (io.BytesIO(_docx(*ARTICLE)), "nota.docx")})
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Ana Luna" in page and "new law" in page and "minister" in page
