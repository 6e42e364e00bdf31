"""Invented names for the demo data: syllables in the style of Arabic, Tigrinya
and Dari names, a few written in Arabic or Ge'ez script. They are composed at
random from syllables, so they belong to nobody."""

from __future__ import annotations

import random

_LATIN = {
    "arabic": (("Sa", "Ha", "Ra", "Ka", "Na", "Fa", "Ja", "Ma", "Ya", "Za", "Ba", "Wa"),
               ("mi", "li", "si", "di", "hi", "ri", "ba", "ma", "sa"),
               ("r", "m", "d", "n", "l", "da", "ya", "ra", "na", "h")),
    "tigrinya": (("Ter", "Ab", "Mes", "Tes", "Ghe", "Yoh", "Sel", "Hag", "Fit", "Sem"),
                 ("fa", "ra", "we", "se", "ha", "ge", "me", "la"),
                 ("i", "et", "om", "ay", "u", "ab", "ien")),
    "dari": (("Fa", "Za", "Ma", "Sha", "Pa", "Ro", "Na", "Ba", "Kha"),
             ("ri", "hi", "ba", "wa", "zi", "so", "ma"),
             ("d", "ullah", "ina", "shid", "a", "ran", "gul")),
}
_SCRIPT = {
    "arabic": (("سا", "ها", "را", "نو", "كا", "فا"), ("مي", "لي", "دي", "سي"), ("ر", "م", "ن", "د")),
    "tigrinya": (("ተ", "ሰ", "ሀ", "ገ", "መ", "ዮ"), ("ስ", "ላ", "ብ", "ረ", "ወ"), ("ም", "ት", "ይ", "ና")),
}
STYLE_BY_NATIONALITY = {"SY": "arabic", "IQ": "arabic", "SO": "arabic", "YE": "arabic",
                        "SD": "arabic", "ER": "tigrinya", "ET": "tigrinya", "AF": "dari",
                        "IR": "dari"}
SCRIPT_SHARE = 0.06


def _word(rng: random.Random, parts) -> str:
    first, middle, last = parts
    word = rng.choice(first) + (rng.choice(middle) if rng.random() < 0.7 else "") + rng.choice(last)
    return word


def invented_name(rng: random.Random, nationality: str | None) -> tuple[str, str]:
    """(first name, last name) in the style of `nationality`."""
    style = STYLE_BY_NATIONALITY.get(nationality or "", "arabic")
    if style in _SCRIPT and rng.random() < SCRIPT_SHARE:
        parts = _SCRIPT[style]
    else:
        parts = _LATIN[style]
    return _word(rng, parts), _word(rng, parts)
