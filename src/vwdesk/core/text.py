"""Text folding for search and matching.

`fold` makes "Al-Hassan", "al hassan" and "ALHASSAN" equal: it lower-cases
(casefold), strips accents (NFKD, combining marks dropped) and removes spaces,
hyphens, apostrophes and other punctuation. Letters of any script are kept, so
Arabic (حسن) and Ge'ez (ሃብቶም) names fold to themselves and stay searchable.
"""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    if not text:
        return ""
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
