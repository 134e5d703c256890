"""The lead-ins that attribute a quotation to the noun phrase they introduce.

Verbs of saying are the reading layer's (bitexto.translate.spanish.saying).
"""

from __future__ import annotations


# Lead-ins that attribute what follows to the noun phrase they introduce:
# "según X", "para X, «…»", "en palabras de X", "a juicio de X", "de acuerdo con X".
SEGUN = "según"
OPINION_LEAD_INS = (
    ("para",),
    ("en", "palabras", "de"),
    ("a", "juicio", "de"),
    ("en", "opinión", "de"),
    ("a", "decir", "de"),
    ("de", "acuerdo", "con"),
)
