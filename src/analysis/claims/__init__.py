"""Claimed figures by source: every figure an article states, how firmly, and on whose word.

:func:`extract_claims` reads each sentence of the headline and body, finds its
figures, and keeps those that count people affected by the event or places
where they are held. One module per stage:

* :mod:`~analysis.claims.figures`: the figures and their **bounds** and
  **qualifier** (exact, approximate, lower_bound, upper_bound, range, vague)
  as in ``data/annotations/CLAIMS_GUIDE.md``;
* :mod:`~analysis.claims.lexicon`: the category lexicon and the hedges, kept as
  data (``data/claims_lexicon.csv``, ``data/hedges.txt``);
* :mod:`~analysis.claims.categories`: the **category**, from what the figure's
  clause says happened to the people counted;
* :mod:`~analysis.claims.hedges`: **hedged**, the sentence marks the figure
  unconfirmed; a named source's reporting verb is attribution, not a hedge;
* :mod:`~analysis.claims.sources`: **attributed_to**, who the sentence credits,
  found by the speaker-finder of :mod:`analysis.attribution`;
* :mod:`~analysis.claims.extract`: one row per figure, with a ``rule`` saying why;
* :mod:`~analysis.claims.scoring` and :mod:`~analysis.claims.summary`: scores
  against hand annotations, summaries per outlet, provenance, evidence HTML.

No statistical model is used.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["Daily"], "raw_text": [
...     "At least three men died, the Gazette reports."],
...     "spans": [(("body", 0, 45),)]})
>>> extract_claims(docs)[["category", "value_low", "qualifier", "attributed_to"]].to_dict("records")
[{'category': 'killed', 'value_low': 3, 'qualifier': 'lower_bound', 'attributed_to': 'Gazette'}]
"""

from .extract import CLAIM_COLUMNS, extract_claims
from .lexicon import load_hedges, load_lexicon
from .scoring import check_quality, load_gold_claims, match_claims, score_by_category, score_claims
from .summary import claims_by_source, evidence_html, provenance

__all__ = [
    "CLAIM_COLUMNS",
    "check_quality",
    "claims_by_source",
    "evidence_html",
    "extract_claims",
    "load_gold_claims",
    "load_hedges",
    "load_lexicon",
    "match_claims",
    "provenance",
    "score_by_category",
    "score_claims",
]
