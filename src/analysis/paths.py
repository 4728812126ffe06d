"""Every path the project uses, in one place.

Notebooks and the command line take their defaults from here, so that a reader
can see at a glance what is read and what is written. Set ``ANALYSIS_REPORTS``
to send reports elsewhere.

Examples
--------
>>> from analysis import paths
>>> paths.RAW_DATA_DIR.name
'raw'
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: The repository root (``src/analysis/paths.py`` -> two levels up from ``src``).
PROJ_ROOT = Path(__file__).resolve().parents[2]

DATA_DIR = PROJ_ROOT / "data"
#: The articles exactly as collected; never modified.
RAW_DATA_DIR = DATA_DIR / "raw"
#: One row per article of ``RAW_DATA_DIR``: doc_id, outlet, url, published, title.
METADATA_CSV = DATA_DIR / "metadata.csv"
#: Hand annotations of the seed articles (claims, shared passages).
ANNOTATIONS_DIR = DATA_DIR / "annotations"
SEED_CLAIMS_CSV = ANNOTATIONS_DIR / "seed_claims.csv"
SEED_PASSAGES_CSV = ANNOTATIONS_DIR / "seed_passages.csv"
SEED_QUOTES_CSV = ANNOTATIONS_DIR / "seed_quotes.csv"

NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
#: Build artefacts of ``make report``; git-ignored.
REPORTS_DIR = Path(os.environ.get("ANALYSIS_REPORTS", PROJ_ROOT / "reports"))
FIGURES_DIR = REPORTS_DIR / "figures"

#: Development data kept beside the repository, not in it (gold sets, corpora for benchmarks); set
#: ``ANALYSIS_SHARED`` to read it elsewhere. Absent for most users: whatever reads it says so and skips.
SHARED_DIR = Path(os.environ.get("ANALYSIS_SHARED", PROJ_ROOT.parent / "shared"))
#: 84 Reuters-21578 articles with 210 hand-annotated claims (``articles/``, ``claims.csv``), for development.
DEV_GOLD_DIR = SHARED_DIR / "gold" / "dev"

#: Resources shipped inside the package (stopwords, lexicons).
PACKAGE_DATA_DIR = Path(__file__).resolve().parent / "data"
#: nbconvert templates of the report's HTML pages (``report/``: JupyterLab's page, loading nothing from the web).
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

# names a corpus may not take under reports/, where the shipped report keeps its own folders
_REPORT_FOLDERS = {"figures", "tables"}
_TABLE_SUFFIX = re.compile(r"(\.jsonl\.gz|\.jsonl|\.json|\.csv|\.parquet|\.txt|\.md|\.html?)$", re.IGNORECASE)


def default_output_dir(corpus=None) -> Path:
    """Where a report on ``corpus`` goes unless told: ``reports/`` for the seeds, else ``reports/<corpus name>/``.

    A run on your own corpus never writes into the shipped report. Here, not in
    :mod:`analysis.report`, so that a notebook finds its output folder without
    importing what runs notebooks (nbformat and jsonschema, 1 to 3 s).

    >>> default_output_dir() == REPORTS_DIR
    True
    >>> default_output_dir("~/quake/stories.jsonl.gz").relative_to(REPORTS_DIR).as_posix()
    'stories'
    >>> default_output_dir("/data/figures").name
    'figures-corpus'
    """
    if corpus is None or str(corpus) == "" or Path(corpus).expanduser().resolve() == RAW_DATA_DIR.resolve():
        return REPORTS_DIR
    name = _TABLE_SUFFIX.sub("", Path(corpus).expanduser().resolve().name)
    name = re.sub(r"[^\w.-]+", "_", name).strip("._") or "corpus"
    return REPORTS_DIR / (f"{name}-corpus" if name in _REPORT_FOLDERS else name)
