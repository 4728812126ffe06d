"""Who is quoted: quotations, their speakers, and the same statement across outlets and translations.

One module per stage:

* :mod:`~analysis.quotes.extract`: :func:`quotations`, one row per quotation
  (direct, indirect, mixed) with speaker, cue and offsets into ``raw_text``;
* :mod:`~analysis.quotes.summary`: :func:`sources_by_outlet`, whom each outlet
  quotes and how much of its article is quotation;
* :mod:`~analysis.quotes.variants`: :func:`quote_variants`, renderings of one
  statement in several articles (copies and translations), side by side;
* :mod:`~analysis.quotes.scoring`: scores against ``data/annotations/seed_quotes.csv``;
* :mod:`~analysis.quotes.explore`: an explorer that picks a speaker and shows
  every outlet's rendering.

No statistical model is used.
"""

from .extract import QUOTE_COLUMNS, full_name, quotations, split_speaker
from .scoring import (
    group_pairs, load_gold_quotes, match_quotes, same_speaker, score_quotes, score_variant_groups, score_variants,
)
from .variants import quote_variants, variant_pairs, variants_html

__all__ = ["QUOTE_COLUMNS", "full_name", "group_pairs", "load_gold_quotes", "match_quotes", "quote_variants",
           "quotations", "same_speaker", "score_quotes", "score_variant_groups", "score_variants", "split_speaker",
           "variant_pairs", "variants_html"]
