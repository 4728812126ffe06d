"""A generated corpus of distinct articles and copies of them, for the copy and reuse tests."""

from __future__ import annotations

import random

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "su", "do", "fa", "gi", "ho", "ju", "be")


def words(rng: random.Random, n: int) -> list[str]:
    """``n`` made-up lowercase words (two or three syllables), so no two articles share a phrase by chance."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))) for _ in range(n)]


def sentences(rng: random.Random, n: int, *, length: int = 10) -> list[str]:
    """``n`` sentences of ``length`` words, each ending with a full stop."""
    return [" ".join(words(rng, length)) + "." for _ in range(n)]


def article(headline: str, body: list[str]) -> list[tuple[str, str]]:
    """Labelled parts for :func:`inline_corpus.make_docs`: a headline line, then the body."""
    return [("headline", headline + "\n\n"), ("body", " ".join(body))]
