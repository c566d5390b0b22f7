"""Entity rules on short English texts written for the test: the same engine as French, reading
the grammar words of lang/en/data; and the kind of an entity whose mentions disagree."""

from __future__ import annotations

import pytest

from kgbuild.extract.entities import _kind
from kgbuild.types import Article, Mention


def extract(extractors, text):
    return extractors("en").extract(Article(id="t", text=text, lang="en"))


@pytest.mark.slow
def test_an_indefinite_role_names_nobody(extractors):
    x = extract(extractors, "Russian President Vladimir Putin spoke on Monday. "
                            "A leader of Hamas said the talks had failed.")
    putin = next(e for e in x.entities if e.label == "Vladimir Putin")
    assert "leader" not in [m.text for m in putin.mentions]
    assert not [s for s in x.statements if s.speaker == putin.id]


@pytest.mark.slow
def test_an_ordinal_with_an_english_suffix_opens_a_unit(extractors):
    x = extract(extractors, "Russia's 3rd brigade attacked the town.")
    assert [e.kind for e in x.entities if e.label == "3rd brigade"] == ["MilitaryUnit"]


@pytest.mark.slow
def test_a_plural_pronoun_takes_no_singular_state(extractors):
    """ "they" stands for a group written in the plural, as "ils" does in French."""
    x = extract(extractors, "Germany sent tanks to the front. They said they cannot help.")
    assert not x.statements


@pytest.mark.parametrize("kinds, expected", [(("Organization", "Group"), "Organization"),
                                             (("Group", "Organization"), "Group")])
def test_an_entity_kind_on_a_tie_is_its_first_mention_kind(kinds, expected):
    mentions = tuple(Mention(start=i * 10, end=i * 10 + 5, text="x", type="Actor", kind=kind, sentence=0,
                             method="ner", confidence=0.7) for i, kind in enumerate(kinds))
    assert _kind(None, mentions, ("Actor",)) == expected
