"""Tiny documents tables written inline, shaped like ``load_corpus``'s output."""

from __future__ import annotations

import pandas as pd


def make_docs(rows, **columns) -> pd.DataFrame:
    """``rows``: ``(doc_id, outlet, text)`` or ``(doc_id, outlet, [(label, text), ...])``.

    A plain text is one ``body`` segment; labelled parts are concatenated in
    order into ``raw_text``. Keyword arguments add a column with one value for
    every row (``published="2017-04"``).
    """
    records = []
    for doc_id, outlet, parts in rows:
        if isinstance(parts, str):
            parts = [("body", parts)]
        raw, spans = "", []
        for label, text in parts:
            spans.append((label, len(raw), len(raw) + len(text)))
            raw += text
        records.append({"doc_id": doc_id, "outlet": outlet, "raw_text": raw, "spans": tuple(spans), **columns})
    return pd.DataFrame(records)


#: Words of the generated corpus's filler sentences (no stopwords, so every one is a term).
_FILLER = ("river port harbour crews warehouse blast smoke windows streets hospital volunteers shelter "
           "ministry inquiry engineers cargo storage fire roads schools families relief convoy night").split()
_FIGURES = ("At least {n} people were killed in the blast, officials said.",
            "Around {n} people were injured, the health ministry said.",
            "Some {n} families were displaced from their homes.",
            "Rescuers said {n} people were missing after the fire.",
            "Police detained {n} men near the warehouse.")
#: A sentence every third outlet copies word for word: a shared passage.
SHARED_SENTENCE = ("The explosion tore through the storage hangar shortly after six in the evening, "
                   "shattering windows across the old harbour district.")


def write_generated_corpus(folder, *, n_outlets: int = 30, per_outlet: int = 2, seed: int = 0):
    """Write a corpus of ``n_outlets`` outlets with long names (one with ``$`` signs) into ``folder``.

    Each article has a headline, filler sentences, figures of several
    categories and, for every third outlet, a passage shared with the others.
    Returns ``folder``; ``metadata.csv`` names each article's outlet.
    """
    import csv
    import random
    from pathlib import Path

    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "outlet", "url", "published", "title"])
        for o in range(n_outlets):
            outlet = (f"The Extraordinarily Long-Named Regional Evening Chronicle of District {o:02d}"
                      if o % 2 else f"Outlet {o:02d} Daily")
            if o == 7:
                outlet = "cost $5 {or $6 News Service"
            for k in range(per_outlet):
                doc_id = f"gen{o:02d}_{k}"
                sentences = [" ".join(rng.sample(_FILLER, 9)).capitalize() + "." for _ in range(6)]
                sentences += [rng.choice(_FIGURES).format(n=rng.choice([3, 12, 40, 135, 300, 4000, 250000]))
                              for _ in range(3)]
                if o % 3 == 0:
                    sentences.insert(2, SHARED_SENTENCE)
                text = f"Blast at the port, report {o} {k}\n\n" + " ".join(sentences) + "\n"
                (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
                writer.writerow([doc_id, "" if (o, k) == (n_outlets - 1, 0) else outlet, "", "2020-08-0%d" % (k + 1), ""])
    return folder
