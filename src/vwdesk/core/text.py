"""Text folding for search and matching.

`fold` makes "Al-Hassan", "al hassan" and "ALHASSAN" equal, and a Latin
spelling equal to a name written in another script: it transliterates to
ASCII with `anyascii` ("ሃብቶም" → "habtom", "Işık" → "isik", "Øystein" →
"oystein", "Владимир" → "vladimir"), lower-cases, and removes spaces,
hyphens, apostrophes and other punctuation. A text `anyascii` has no
transliteration for keeps its own letters (accents stripped), so it stays
searchable as typed.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from anyascii import anyascii


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    if not text:
        return ""
    folded = "".join(ch for ch in anyascii(text).casefold() if ch.isalnum())
    if folded:
        return folded
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(
        ch for ch in decomposed
        if unicodedata.category(ch)[0] in ("L", "N") and not unicodedata.combining(ch)
    )


def fold_words(text: str | None) -> str:
    """Like `fold`, but keeps single spaces between words (for name matching)."""
    if not text:
        return ""
    return " ".join(filter(None, (fold(w) for w in text.replace("-", " ").split())))
