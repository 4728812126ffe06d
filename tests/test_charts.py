"""save_chart and the shared chart helpers; every chart the report makes, checked for colliding text."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from inline_corpus import write_generated_corpus

from analysis.charts import (
    MAX_FIGURE_INCHES, figure_size, literal, new_figure, no_data, outlet_order, outlet_styles, save_chart, shorten,
    shorten_to, text_overlaps,
)


def _chart():
    data = pd.DataFrame({"outlet": ["A", "B"], "n": [3, 5]})
    fig, ax = new_figure(figsize=(3, 2))
    ax.bar(data["outlet"], data["n"])
    ax.set_title("demo")
    return fig, data


def test_save_chart_writes_three_files_with_the_data_twin(tmp_path):
    fig, data = _chart()
    written = save_chart(fig, "demo", data=data, out_dir=tmp_path / "figs")
    assert [p.name for p in written] == ["demo.png", "demo.svg", "demo.csv"]
    assert pd.read_csv(written[2]).equals(data)
    assert written[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in written[1].read_bytes()


def test_save_chart_is_byte_identical_on_rerun(tmp_path):
    first = [p.read_bytes() for p in save_chart(*_chart()[:1], "a", data=_chart()[1], out_dir=tmp_path)]
    second = [p.read_bytes() for p in save_chart(*_chart()[:1], "a", data=_chart()[1], out_dir=tmp_path)]
    assert first == second
    assert b"Date" not in first[1] and b"matplotlib.org" not in first[0]


def test_save_chart_draws_what_a_tight_savefig_draws_and_keeps_the_layout(tmp_path):
    from io import BytesIO

    import matplotlib.pyplot as plt
    from PIL import Image

    from analysis.charts import STYLE

    fig, data = _chart()
    fig.set_layout_engine("constrained")
    ax = fig.axes[0]
    ax.set_ylabel("a long label on the left")
    with plt.rc_context(STYLE):
        tight = BytesIO()
        fig.savefig(tight, format="png", bbox_inches="tight")
    png, svg, _ = save_chart(fig, "a", data=data, out_dir=tmp_path)
    assert Image.open(png).tobytes() == Image.open(BytesIO(tight.getvalue())).tobytes()
    width, height = Image.open(png).size
    view = svg.read_text().split('viewBox="', 1)[1].split('"', 1)[0].split()
    # one box for both files: the SVG (72 points an inch) is the PNG (150 dpi) at another scale
    assert abs(float(view[2]) / float(view[3]) - width / height) < 0.01
    assert fig.get_layout_engine() is not None and type(fig.get_layout_engine()).__name__ == "ConstrainedLayoutEngine"


# ------------------------------------------------------------- shared helpers



@pytest.mark.parametrize("text, width, lines, expected", [
    ("Gay Star News", 28, 1, "Gay Star News"),
    ("Tanya Lokshina (Human Rights Watch)", 20, 2, "Tanya Lokshina\n(Human Rights Watch)"),
    ("Tanya Lokshina (Human Rights Watch)", 20, 1, "Tanya Lokshi… Watch)"),
    ("(unknown: 004_437f98d81bbefe43)", 20, 1, "(unknown: 00…befe43)"),
    ("Chronicle of District 01", 16, 1, "Chronicle…ict 01"),
    ("cost $5 {or $6", 28, 1, r"cost \$5 {or \$6"),
    ("line\nbreaks   and  spaces", 40, 1, "line breaks and spaces"),
])
def test_shorten_wraps_cuts_and_escapes(text, width, lines, expected):
    assert shorten(text, width, lines=lines) == expected
    assert all(len(line) <= width for line in expected.replace("\\$", "$").split("\n"))


def test_dollar_signs_are_drawn_literally_not_as_mathtext():
    fig, ax = new_figure(figsize=(4, 2), layout="constrained")
    ax.set_title(literal("cost $5 {or $6"))
    ax.set_yticks([0], [literal("$x$ Times")])
    assert text_overlaps(fig) == []  # draws without a mathtext ParseFatalException
    assert ax.title._preprocess_math(ax.title.get_text()) == ("cost $5 {or $6", False)


def test_outlet_order_and_styles_are_shared_and_distinct():
    names = [f"Outlet {i}" for i in range(20)] + ["(unknown: z)"]
    assert outlet_order(reversed(names)) == outlet_order(names)
    assert outlet_order(names)[-1] == "(unknown: z)"
    styles = outlet_styles(names)
    assert len(set(styles.values())) == 21
    assert list(outlet_styles(names[:5])) == outlet_order(names[:5])


def test_figure_sizes_are_capped():
    assert figure_size(3, 2) == (3, 2)
    assert figure_size(23576, 0.5 * 23576) == (MAX_FIGURE_INCHES, MAX_FIGURE_INCHES)
    fig, _ = new_figure(figsize=(500, 500))
    assert max(fig.get_size_inches()) <= MAX_FIGURE_INCHES


def test_text_overlaps_finds_collisions_and_overflow():
    fig, ax = new_figure(figsize=(3, 2))
    ax.text(0.5, 0.5, "first")
    ax.text(0.5, 0.5, "second")
    ax.text(5, 5, "far outside")
    problems = text_overlaps(fig)
    assert "'first' overlaps 'second'" in problems and "'far outside' runs outside the figure" in problems
    fig, ax = new_figure(figsize=(3, 2))
    no_data(ax, "nothing here")
    assert text_overlaps(fig) == []


# ------------------------------------------------- every chart the report makes



def report_charts(docs):
    """Every chart the numbered notebooks save, built as they build it: ``{name: figure}``."""
    from analysis.charts.claims import claims_chart, provenance_chart
    from analysis.charts.overview import plot_segment_lengths
    from analysis.charts.similarity import plot_shared_words, plot_similarity_heatmap, plot_similarity_map
    from analysis.charts.terms import plot_dispersion, plot_framing_rates, plot_keyness, plot_top_terms
    from analysis.claims import extract_claims, provenance
    from analysis.framing import framing_rates
    from analysis.keyness import keyness, top_keywords
    from analysis.kwic import dispersion
    from analysis.overview import segment_lengths
    from analysis.passages import shared_passages, shared_words_by_outlet
    from analysis.similarity import similarity_map, similarity_pairs
    from analysis.terms import largest_groups, term_frequencies, top_terms
    from analysis.charts.quotes import sources_chart
    from analysis.charts.story import coverage_chart, figures_over_time_chart, figures_over_time_data, reconcile_chart
    from analysis.coverage import coverage
    from analysis.quotes import quotations
    from analysis.quotes.summary import sources_by_outlet
    from analysis.reconcile import dated_claims, reconcile

    freqs = term_frequencies(docs, by="outlet")
    shown = largest_groups(freqs, n=12)
    keys = top_keywords(keyness(docs, by="outlet", min_count=3, max_p=0.05).pipe(lambda k: k[k["outlet"].isin(shown)]),
                        n=8)
    terms = list(pd.unique(top_keywords(keys, n=1, use="over")["term"]))
    rates = framing_rates(docs, by="outlet")
    passages = shared_passages(docs, progress=False)
    claims = extract_claims(docs)
    return {
        "01-segment-lengths": plot_segment_lengths(segment_lengths(docs)),
        "02-top-terms": plot_top_terms(top_terms(freqs[freqs["outlet"].isin(shown)], n=10)),
        "02-keyness": plot_keyness(keys),
        "02-dispersion": plot_dispersion(dispersion(docs, terms), terms=terms),
        "02-hedge-rates": plot_framing_rates(rates[rates["outlet"].isin(shown)]),
        "03-similarity-heatmap": plot_similarity_heatmap(similarity_pairs(docs.head(40), progress=False)),
        "03-similarity-map": plot_similarity_map(similarity_map(docs)),
        "03-shared-words": plot_shared_words(shared_words_by_outlet(passages, docs)),
        "04-claims-by-source": claims_chart(claims),
        "04-provenance": provenance_chart(provenance(claims)),
        "05-coverage": coverage_chart(coverage(docs)),
        "05-figures-over-time": figures_over_time_chart(figures_over_time_data(dated_claims(claims, docs))),
        "05-reconcile": reconcile_chart(reconcile(dated_claims(claims, docs))),
        "06-who-each-outlet-quotes": sources_chart(sources_by_outlet(quotations(docs), docs)),
    }


@pytest.fixture(scope="module")
def generated_docs(tmp_path_factory):
    import analysis

    folder = write_generated_corpus(tmp_path_factory.mktemp("generated"), n_outlets=30)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_corpus(folder)


@pytest.fixture(scope="module")
def seed_charts(seed_docs):
    return report_charts(seed_docs)


@pytest.fixture(scope="module")
def generated_charts(generated_docs):
    return report_charts(generated_docs)


CHART_NAMES = ["01-segment-lengths", "02-top-terms", "02-keyness", "02-dispersion", "02-hedge-rates",
               "03-similarity-heatmap", "03-similarity-map", "03-shared-words", "04-claims-by-source",
               "04-provenance", "05-coverage", "05-figures-over-time", "05-reconcile", "06-who-each-outlet-quotes"]


@pytest.mark.parametrize("name", CHART_NAMES)
def test_no_text_collides_or_leaves_the_figure_on_the_seeds(seed_charts, name):
    assert text_overlaps(seed_charts[name]) == []


@pytest.mark.parametrize("name", CHART_NAMES)
def test_no_text_collides_or_leaves_the_figure_on_30_outlets_with_long_names(generated_charts, name):
    fig = generated_charts[name]
    assert text_overlaps(fig) == []
    assert max(fig.get_size_inches()) <= MAX_FIGURE_INCHES


def test_the_generated_corpus_has_what_the_layout_test_needs(generated_docs, generated_charts):
    assert generated_docs["outlet"].nunique() == 31  # 30 outlets and one blank
    assert generated_docs["outlet"].str.len().max() > 60
    titles = [ax.get_title() for ax in generated_charts["04-claims-by-source"].axes if ax.get_visible()]
    assert len(titles) >= 4 and "Injured" in titles and "Displaced" in titles
    drawn = [t.get_text() for fig in generated_charts.values() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
    assert any(r"cost \$5 {or \$" in t for t in drawn)  # an outlet with $ signs, drawn literally (no mathtext error)


# ------------------------------------------------ corpora with nothing to show

ARTICLE = "Police said 30 men were detained in camps near the river. Officials denied the camps existed."
TINY_CORPORA = {
    "empty folder": [],
    "one article": [("a", "X", ARTICLE)],
    "two identical articles": [("a", "X", ARTICLE), ("b", "Y", ARTICLE)],
    "one outlet": [("a", "X", ARTICLE), ("b", "X", "Men were freed from camps in the city.")],
    "only stopwords": [("a", "X", "the and of it is"), ("b", "Y", "a an the of")],
    "four articles without outlet": [(f"d{i}", "", f"{ARTICLE} Word{i} here.") for i in range(4)],
    "three unrelated articles": [("a", "X", "Football results from the weekend league."),
                                 ("b", "Y", "Weather forecast: rain tomorrow."), ("c", "Z", "Stock markets fell.")],
    "other languages": [("a", "X", "Полиция задержала тридцать мужчин."), ("b", "Y", "احتُجز ثلاثون رجلا")],
}


def write_tiny_corpus(folder, rows):
    """Write ``(doc_id, outlet, body)`` rows as files with a headline, and their metadata.csv."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "outlet", "url", "published", "title"])
        for doc_id, outlet, body in rows:
            (folder / f"{doc_id}.txt").write_text(f"Headline of {doc_id}\n\n{body}\n", encoding="utf-8")
            writer.writerow([doc_id, outlet, "", "", ""])
    return folder


@pytest.mark.parametrize("name", list(TINY_CORPORA))
def test_every_chart_is_drawn_on_a_corpus_with_little_to_show(name, tmp_path):
    import analysis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = analysis.load_corpus(write_tiny_corpus(tmp_path / "c", TINY_CORPORA[name]))
    charts = report_charts(docs)
    assert list(charts) == CHART_NAMES
    for chart, fig in charts.items():
        assert text_overlaps(fig) == [], chart
    said = " ".join(t.get_text() for fig in charts.values() for ax in fig.axes for t in ax.texts)
    if not len(docs):
        assert "no articles" in said and "no claimed figures found" in said
    if name in ("three unrelated articles", "other languages"):
        assert "no passages shared between articles" in said


def test_500_outlets_draw_bounded_charts():
    """The shared-words chart once asked for a 23,576 x 23,576 image on 500 outlets; every chart is capped."""
    import numpy as np

    from analysis.charts.claims import MAX_PROVENANCE, provenance_chart
    from analysis.charts.overview import MAX_ARTICLES, plot_segment_lengths
    from analysis.charts.similarity import MAX_MATRIX, plot_shared_words, plot_similarity_map

    names = [f"Outlet number {i:03d} with a long name" for i in range(500)]
    a, b = np.meshgrid(np.arange(500), np.arange(500), indexing="ij")
    shared = pd.DataFrame({"outlet_a": np.array(names, dtype=object)[a.ravel()],
                           "outlet_b": np.array(names, dtype=object)[b.ravel()],
                           "n_words": ((a + b) % 7).ravel(), "n_passages": 1})
    points = pd.DataFrame({"doc_id": [f"d{i}" for i in range(500)], "outlet": names, "label": names,
                           "x": np.cos(np.arange(500)), "y": np.sin(np.arange(500))})
    lengths = pd.DataFrame({"doc_id": [f"d{i}" for i in range(500)], "outlet": names, "label": "body",
                            "n_words": 300})
    cited = pd.DataFrame({"outlet": names, "originator": [f"source {i % 90}" for i in range(500)], "n_claims": 1})
    figures = {
        "shared": plot_shared_words(shared), "map": plot_similarity_map(points),
        "lengths": plot_segment_lengths(lengths), "provenance": provenance_chart(cited),
    }
    for name, fig in figures.items():
        assert max(fig.get_size_inches()) <= MAX_FIGURE_INCHES, name
    assert len(figures["shared"].axes[0].get_yticklabels()) == MAX_MATRIX
    assert len(figures["lengths"].axes[0].get_yticklabels()) == MAX_ARTICLES
    assert len(figures["provenance"].axes[0].get_xticklabels()) == MAX_PROVENANCE
    assert figures["map"].axes[0].get_legend() is None  # beyond 20 outlets: labels, not a legend


def test_every_chart_lists_outlets_in_the_one_order(generated_docs, generated_charts):
    from analysis.labels import outlet_labels

    order = outlet_order(outlet_labels(generated_docs))

    def rank(names, width):
        position = {shorten(o, width, lines=1): i for i, o in enumerate(order)}
        return [position[n] for n in names]

    claims_rows = [t.get_text() for t in generated_charts["04-claims-by-source"].axes[0].get_yticklabels()]
    provenance_rows = [t.get_text() for t in generated_charts["04-provenance"].axes[0].get_yticklabels()]
    shared_rows = [t.get_text() for t in generated_charts["03-shared-words"].axes[0].get_yticklabels()]
    legend = generated_charts["03-similarity-map"].axes[0].get_legend()
    assert len(order) == 31 and legend is None  # 31 outlets: labelled beside the points, not in a legend
    for rows, width in ((claims_rows, 34), (provenance_rows, 28), (shared_rows, 28)):
        assert len(rows) > 5 and rank(rows, width) == sorted(rank(rows, width))


@pytest.mark.parametrize("inches, fontsize", [(3, 10), (6, 10), (10.4, 10), (4.5, 7)])
def test_shorten_to_fits_a_title_in_the_figure_width(inches, fontsize):
    title = "Claimed figures over time (point: exact/approximate, bar: range, arrow: open bound, hollow: vague)"
    fig, _ = new_figure(figsize=(inches, 2), layout="constrained")
    drawn = shorten_to(title, inches - 0.2, fontsize=fontsize)
    fig.suptitle(drawn, fontsize=fontsize, fontweight="bold")
    assert text_overlaps(fig) == []
    assert drawn.count("\n") <= 1 and drawn.startswith("Claimed figures")


def test_charts_that_draw_some_outlets_say_how_many(generated_charts):
    quotes = " ".join(t.get_text() for t in generated_charts["06-who-each-outlet-quotes"].texts)
    assert "the 12 of 31 outlets quoting most" in quotes
    legend = generated_charts["05-figures-over-time"].legends[0]
    assert legend.get_title().get_text() == "colours of the first 12 of 31 outlets"
    coverage = generated_charts["05-coverage"]
    assert all(float(t).is_integer() for ax in coverage.axes if ax.get_visible() for t in ax.get_yticks())


def test_every_segment_label_has_a_colour_and_front_matter_draws(tmp_path):
    from analysis import LABELS, load_corpus
    from analysis.charts.overview import LABEL_COLOURS, plot_segment_lengths
    from analysis.overview import segment_lengths

    assert set(LABEL_COLOURS) == set(LABELS)
    (tmp_path / "a.md").write_text("---\ntitle: Police detain 40 men\ndate: 2017-04-13\n---\n\n"
                                   "At least 40 men were detained, officials said.\n", encoding="utf-8")
    lengths = segment_lengths(load_corpus(tmp_path))
    assert "front_matter" in set(lengths["label"])
    legend = plot_segment_lengths(lengths).axes[0].get_legend()
    assert "front_matter" in [t.get_text() for t in legend.get_texts()]
