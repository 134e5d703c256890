"""Spanish nouns a news text uses in turn for one body.

A report names a band once ("la banda de rock Los Arcos") and then calls it "el grupo",
"la formación", "el conjunto"; a company becomes "la compañía", "la firma"; a town
council "el consistorio". Each set below holds nouns that stand for the same kind of
body; a noun may belong to several ("grupo", "formación"). A body whose name is its
kind ("el Ejército", "la Policía Nacional") goes by the other nouns of its set too.
"""

from __future__ import annotations

from bitexto.summarize.quote_cues import plain

_KINDS = (
    "grupo banda conjunto formación orquesta coro",
    "partido formación coalición",
    "empresa compañía firma grupo sociedad multinacional corporación",
    "club equipo entidad conjunto",
    "asociación organización ong entidad colectivo plataforma fundación federación",
    "sindicato central",
    "periódico diario rotativo cabecera",
    "cadena emisora canal",
    "ayuntamiento consistorio cabildo",
    "gobierno ejecutivo gabinete",
    "restaurante local establecimiento bar",
    "tribunal corte sala audiencia",
    "cuerpo ejército policía guardia armada",
    "comisión comité junta consejo",
    "parlamento congreso senado cámara asamblea",
    "ministerio departamento consejería secretaría",
    "universidad facultad instituto centro escuela colegio",
    "hospital clínica centro",
    "embajada consulado legación",
    "agencia oficina servicio",
)
_SYNONYMS: dict[str, frozenset[str]] = {}
for _kind in _KINDS:
    _words = frozenset(plain(word) for word in _kind.split())
    for _word in _words:
        _SYNONYMS[_word] = _SYNONYMS.get(_word, frozenset()) | _words


def other_names_for(noun: str) -> frozenset[str]:
    """The nouns that may stand for the same body as `noun` (plain form), itself excluded."""
    key = plain(noun)
    return _SYNONYMS.get(key, frozenset()) - {key}
