"""The figures of a sentence, with their bounds and qualifier.

The parser lives in :mod:`analysis.numbers` (one implementation, also usable
without the claims stages); this module is the claims package's name for it.

>>> [(f.stated, f.low, f.high, f.qualifier) for f in find_figures("at least 3 died")]
[('at least 3', 3, None, 'lower_bound')]
"""

from ..numbers import Figure, find_figures, may_hold_figures, parse_number, word_tokens

__all__ = ["Figure", "find_figures", "may_hold_figures", "parse_number", "word_tokens"]
