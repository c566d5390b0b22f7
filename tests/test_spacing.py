"""The text extraction reads (``kgbuild.extract.spacing``): soft line breaks and runs of blanks
as one space, every offset mapped back to the article's text."""

from __future__ import annotations

import textwrap

from kgbuild.extract.spacing import read_spacing, soft_breaks
from kgbuild.normalize import plain_spaces

PARAGRAPH = ("Le porte-parole du ministère a indiqué mardi que les convois humanitaires passeraient "
             "par le nord du pays dès la fin de la semaine, selon un calendrier que les deux parties "
             "auraient accepté lors des discussions tenues la veille dans la capitale voisine.")


def test_a_hard_wrapped_paragraph_reads_as_one_line():
    wrapped = textwrap.fill(PARAGRAPH, 72) + "\n\n" + textwrap.fill(PARAGRAPH, 72) + "\n"
    spacing = read_spacing(wrapped)
    assert spacing.text == PARAGRAPH + "\n\n" + PARAGRAPH + "\n"  # blank lines stay
    assert len(spacing.text) == len(wrapped)  # a break for a space: offsets unchanged


def test_paragraphs_one_a_line_are_not_wrapped_text():
    lines = "Titre court\n" + PARAGRAPH + "\n" + PARAGRAPH + "\n" + PARAGRAPH + "\n"
    assert soft_breaks(lines) == []
    assert not read_spacing(lines).changed


def test_short_lines_and_items_of_a_wrapped_text_keep_their_breaks():
    text = "Communiqué\n" + textwrap.fill(PARAGRAPH, 70) + "\n- premier point\n- second point\n"
    read = read_spacing(text).text
    assert read.startswith("Communiqué\nLe porte-parole")  # a heading line ends far from the margin
    assert "\n- premier point\n- second point\n" in read


def original_of(text, spacing, words):
    """The stretch of ``text`` that the first ``words`` of the reading text map back to."""
    start = spacing.text.index(words)
    a, b = spacing.span(start, start + len(words))
    return text[a:b]


def test_runs_of_blanks_read_as_one_space_and_offsets_map_back():
    text = "Le ministre  Jean\t Dupont\u00a0\u00a0a parlé."
    spacing = read_spacing(text)
    assert spacing.text == "Le ministre Jean Dupont a parlé."
    assert original_of(text, spacing, "Jean Dupont") == "Jean\t Dupont"
    assert original_of(text, spacing, "parlé") == "parlé"


def test_labels_have_single_plain_spaces():
    assert plain_spaces("Jean  Dupont") == "Jean Dupont"
    assert plain_spaces("Jean\tDupont\u00a0Martin\nfils") == "Jean Dupont Martin fils"


def test_markup_reads_as_blanks_and_entities_as_their_character():
    text = "<p>Le ministre [Anne Roy](https://example.org/roy) a parl&eacute; **hier**.</p>\nÉcrire à presse@example.org."
    spacing = read_spacing(text)
    assert spacing.text == " Le ministre Anne Roy a parlé hier .\nÉcrire à ."
    assert original_of(text, spacing, "Anne Roy") == "Anne Roy"
    assert original_of(text, spacing, "parlé") == "parl&eacute;"  # an entity maps back whole


def test_a_text_without_layout_or_markup_is_read_as_it_is():
    text = "Le ministre a parlé hier.\n\nIl a précisé que 2*3 font six, à 10 h 30 : « rien de plus »."
    assert not read_spacing(text).changed


def test_a_quoted_e_mail_reads_as_its_paragraph():
    wrapped = textwrap.fill(PARAGRAPH, 68)
    quoted = "\n".join("> " + line for line in wrapped.split("\n")) + "\n"
    assert read_spacing(quoted).text == " " + PARAGRAPH + "\n"


def test_each_kind_of_markup_is_found_past_the_quick_test():
    # ``_markup`` runs its patterns only on a text holding one of ``_MARKUP_SIGNS``
    for text in ("un <b>mot</b>", "voir http://a.fr/b", "voir www.a.fr", "écrire à a@b.fr", "un **mot**",
                 "un __mot__", "# Titre\nTexte", "> cité\n> encore", "le [mot](x)"):
        assert read_spacing(text).changed, text
