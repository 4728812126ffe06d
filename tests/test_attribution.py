"""Sources: quotations over paragraphs, and names learnt from the corpus."""

from __future__ import annotations

import pytest

from analysis.attribution import Gazetteer, _quote_regions


@pytest.mark.parametrize("text, quoted", [
    ("She said: “Ten men died.” Then she left.", ["“Ten men died.”"]),
    ("Activists say ‘several camps’ exist; Chechnya’s leaders deny it.", ["‘several camps’"]),
    ('He said "no" twice.', ['"no"']),
    ("It’s the men’s camp.", []),
])
def test_quote_regions(text, quoted):
    assert [text[a:b] for a, b, _ in _quote_regions(text)] == quoted


def test_a_quotation_runs_on_when_the_next_paragraph_opens_with_a_quote_mark():
    text = "He wrote: “First part.\n\n“Second part.”\n\n“A new quotation.”"
    regions = _quote_regions(text)
    assert [text[a:b] for a, b, _ in regions] == ["“First part.", "“Second part.”", "“A new quotation.”"]
    chains = [c for _, _, c in regions]
    assert chains[0] == chains[1] != chains[2]


def test_gazetteer_learns_people_organisations_and_surnames():
    gazetteer = Gazetteer.from_texts([
        "Tanya Lokshina, the Russia program director at Human Rights Watch, wrote a statement.",
        "In a statement, activist Svetlana Zakharova of the Russian LGBT Network said so.",
        "Ramzan Kadyrov, the head of the Chechen republic, denied it. The Novaya Gazeta reports.",
    ])
    assert gazetteer.label("Lokshina") == "Tanya Lokshina (Human Rights Watch)"
    assert gazetteer.label("Svetlana Zakharova") == "Svetlana Zakharova (Russian LGBT Network)"
    assert gazetteer.label("Ramzan Kadyrov") == "Ramzan Kadyrov"  # "the Chechen republic" is no organisation name
    assert gazetteer.kind("Novaya Gazeta") == "org" and gazetteer.kind("Lokshina") == "person"
