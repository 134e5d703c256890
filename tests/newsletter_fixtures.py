"""Shared articles and checks of the newsletter tests (tests/test_newsletter*.py).

`assert_email_safe` is the e-mail contract of bitexto.newsletter's HTML, checked on the
parsed snippet: valid nesting, presentation tables 600 px wide, inline styles only, no
script or event handler, no URL but the permalink, readable colour pairs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import lxml.html

# A headline, three quotes whose speakers are a description, a party spokesman and a name.
ARTICLE = """El Gobierno aprueba la ley de vivienda para bajar los alquileres

El Gobierno aprobó ayer una nueva ley de vivienda para bajar los alquileres en las grandes ciudades del país.

«Es un día histórico para millones de familias», dijo la ministra de Vivienda en una rueda de prensa en Madrid.

La oposición anunció que recurrirá la ley ante el Tribunal Constitucional este mismo mes.

«Esta ley no construye ni una sola vivienda», afirmó el portavoz del Partido Popular en el Congreso.

Los propietarios advierten de que la oferta de pisos en alquiler podría caer en los próximos años.

«Vigilaremos que los precios bajen de verdad», aseguró Ana López, presidenta de la asociación de inquilinos.
"""
# Markup, template syntax and a javascript: URL in the headline, a sentence and a quote.
HOSTILE = """<img src=x onerror="window.__xss=1"> Titular con {{ 7*7 }} y <script>window.__xss=1</script>

El alcalde presentó ayer el presupuesto <b onmouseover="window.__xss=1">municipal</b> para el año que viene en el pleno.

«No subiremos los impuestos <script>window.__xss=1</script> {{ 7*7 }} {% if true %}nada{% endif %}», dijo el alcalde ante los vecinos.

La oposición votó en contra del presupuesto y pidió <a href="javascript:window.__xss=1">más inversión</a> en los barrios del sur.
"""
HOSTILE_SOURCE = '<i onclick="window.__xss=1">El País</i> & {{ 7*7 }}'
PERMALINK = "https://noticias.example/a/abc123?utm_source=newsletter&x=1"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN_TAGS = {"script", "style", "link", "img", "iframe", "object", "embed", "form", "input", "button",
                  "video", "audio", "svg", "math", "base", "meta", "frame", "frameset", "template"}


class StrictNesting(HTMLParser):
    """Fails on a tag closed out of order or never closed: the snippet is well-formed HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def check_nesting(html: str) -> None:
    parser = StrictNesting()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"never closed: {parser.stack}"


def parse(html: str):
    """The snippet's one root element (lxml's HTML parser, as lenient as a mail client)."""
    root = lxml.html.fragment_fromstring(html)
    return root


def styles(element) -> dict[str, str]:
    declarations = [d.split(":", 1) for d in (element.get("style") or "").split(";") if ":" in d]
    return {name.strip().lower(): value.strip().lower() for name, value in declarations}


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def background_of(element) -> str | None:
    for node in (element, *element.iterancestors()):
        colour = styles(node).get("background-color")
        if colour:
            return colour
    return None


def assert_email_safe(html: str, permalink: str | None = None) -> None:
    """Every rule of the e-mail contract, on the raw text and on the parsed tree."""
    check_nesting(html)
    assert "<!--" not in html and "<style" not in html.lower() and "<script" not in html.lower()
    root = parse(html)
    elements = [root, *root.iterdescendants()]
    assert root.tag == "table" and root.get("role") == "presentation"
    assert root.get("width") == "600"
    assert styles(root)["width"] == "600px" and styles(root)["max-width"] == "100%"
    for element in elements:
        assert element.tag not in FORBIDDEN_TAGS, element.tag
        if element.tag == "table":
            assert element.get("role") == "presentation"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert name not in ("class", "id", "src", "srcset", "background", "action", "formaction"), name
            if name == "href":
                assert permalink is not None and value == permalink, value
            if name == "width" and value.isdigit():
                assert int(value) <= 600
        declared = styles(element)
        style = (element.get("style") or "").lower()
        assert "url(" not in style and "expression(" not in style and "@import" not in style
        assert declared.get("display") not in ("flex", "grid") and "position" not in declared
        for prop in ("width", "max-width", "min-width"):
            pixels = re.fullmatch(r"(\d+)px", declared.get(prop, ""))
            assert not pixels or int(pixels.group(1)) <= 600, (element.tag, prop)
        if "color" in declared:
            background = background_of(element)
            assert re.fullmatch(r"#[0-9a-f]{6}", declared["color"]), declared["color"]
            assert background and re.fullmatch(r"#[0-9a-f]{6}", background), (element.tag, background)
            # Each text colour on a background stated in the snippet: forced dark modes
            # re-map the pair together. 4.5:1 is WCAG AA for body text.
            assert contrast(declared["color"], background) >= 4.5, (element.tag, declared["color"], background)
    if permalink is None:
        assert not root.xpath("//a")


def text_of(html: str) -> str:
    """The snippet's visible text, whitespace collapsed."""
    return " ".join(parse(html).text_content().split())
