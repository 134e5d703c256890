"""The Spanish reading layer: everything bitexto knows about reading Spanish news text.

It sits at the bottom of the core and imports nothing of the project but its errors.
Page reading, quotes and speakers, the names kept as written, bylines, dates and the
newsletter all take their Spanish from here; no other module holds Spanish words.

    parse.py         spaCy's Spanish pipeline behind small types (Token, Entity, Analysis)
    fold.py          the one way Spanish words are compared (lowercase, no accents, ñ kept)
    lexicon.py       every Spanish word list, one data file each in lexicon/
    names.py         the one name finder: capitalised runs, entity names, the shape of a name
    name_english.py  which names stay as written in English, and exonyms
    saying.py        verbs of saying
    nouns.py         role nouns (people) and body nouns (organisations)
    dates.py         dates and times as news pages print them
    rules.py         rules as registered entries that carry their own examples
"""
