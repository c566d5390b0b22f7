"""Statements on short French texts written for the tests: each cue family, mode and modality.

Entities are given by hand (surface form -> entity) so these tests check the
statement rules alone, on the real spaCy parse.
"""

from __future__ import annotations

import re

import pytest

from kgbuild.extract.language import load_rules
from kgbuild.extract.parse import doc_sentences, find_captions, load_pipeline, parse_text
from kgbuild.extract.reading import Reading, find_quotes
from kgbuild.extract.statements import find_statements
from kgbuild.types import Article, Entity, Mention

pytestmark = pytest.mark.slow

RULES = load_rules("fr")

#: surface form -> (entity id, types, kind); every occurrence becomes a mention
ENTITIES = {
    "Pologne": ("pl", ("Actor",), "State"),
    "France": ("fr", ("Actor",), "State"),
    "Russie": ("ru", ("Actor", "Region"), "State"),
    "Kremlin": ("ru", ("Actor", "Region"), "State"),
    "Moscou": ("ru", ("Actor", "Region"), "State"),
    "territoire russe": ("ru", ("Actor", "Region"), "State"),
    "troupes russes": ("ru", ("Actor", "Region"), "State"),
    "Ukraine": ("ua", ("Actor", "Region"), "State"),
    "Kiev": ("ua", ("Actor", "Region"), "State"),
    "armée ukrainienne": ("ua", ("Actor", "Region"), "State"),
    "ukrainiennes": ("ua", ("Actor", "Region"), "State"),
    "Allemagne": ("de", ("Actor",), "State"),
    "Berlin": ("de", ("Actor",), "State"),
    "allemand": ("de", ("Actor",), "State"),
    "États-Unis": ("us", ("Actor",), "State"),
    "Washington": ("us", ("Actor",), "State"),
    "américains": ("us", ("Actor",), "State"),
    "américain": ("us", ("Actor",), "State"),
    "Otan": ("nato", ("Actor",), "Organization"),
    "Europe": ("europe", ("Region",), "Continent"),
    "Union européenne": ("eu", ("Actor",), "Organization"),
    "Hongrie": ("hu", ("Actor",), "State"),
    "New York Times": ("nyt", ("Actor",), "Media"),
    "Washington Post": ("wp", ("Actor",), "Media"),
    "Jean Dupont": ("dupont", ("Actor",), "Person"),
    "Marie Durand": ("durand", ("Actor",), "Person"),
    "Paul Martin": ("martin", ("Actor",), "Person"),
    "Olaf Scholz": ("scholz", ("Actor",), "Person"),
    "Israël": ("il", ("Actor", "Region"), "State"),
    "israélienne": ("il", ("Actor", "Region"), "State"),
    "Hezbollah": ("hzb", ("Actor",), "Group"),
    "ville de Haïfa": ("haifa", ("Region",), "City"),
    "Turquie": ("tr", ("Actor",), "State"),
    "Josep Borrell": ("borrell", ("Actor",), "Person"),
    "missiles ATACMS": ("atacms", ("Weapon",), "WeaponSystem"),
    "ATACMS": ("atacms", ("Weapon",), "WeaponSystem"),
    "missiles Taurus": ("taurus", ("Weapon",), "WeaponSystem"),
    "drones": ("drone", ("Weapon",), "WeaponClass"),
    "région de Koursk": ("kursk", ("Region",), "AdministrativeRegion"),
    "soldats nord-coréens": ("nk", ("Actor",), "State"),
    "ville de Soumy": ("sumy", ("Region",), "City"),
    "Kharkiv": ("kharkiv", ("Region",), "City"),
    "Odessa": ("odessa", ("Region",), "City"),
}


def make_entities(text: str, sentences, table=ENTITIES) -> tuple[Entity, ...]:
    """Entities from a surface-form table: longest forms first, no overlapping mentions."""
    taken: list[tuple[int, int]] = []
    mentions: dict[str, list[Mention]] = {}
    meta: dict[str, tuple] = {}
    for surface in sorted(table, key=len, reverse=True):
        eid, types, kind = table[surface]
        meta[eid] = (types, kind, meta.get(eid, (None, None, surface))[2])
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            k = next(i for i, s in enumerate(sentences) if s.start <= m.start() < s.end)
            mentions.setdefault(eid, []).append(Mention(m.start(), m.end(), m.group(), types[0], kind, k))
    return tuple(
        Entity(eid, ms[0].text, meta[eid][0], meta[eid][1], tuple(sorted(ms, key=lambda m: m.start)))
        for eid, ms in mentions.items()
    )


def analyse(text: str) -> Reading:
    """The Reading of a text, parsed like the Extractor does, with the test's own entities."""
    nlp = load_pipeline(RULES.model)  # cached: one model per test session
    doc = parse_text(nlp, text, find_captions(text, RULES))
    sentences = doc_sentences(doc)
    return Reading(doc, make_entities(text, sentences), sentences, Article(id="t", text=text), RULES)


def statements_of(text: str):
    return find_statements(analyse(text))


def only(text: str):
    found = statements_of(text)
    assert len(found) == 1, found
    return found[0]


def test_que_clause_after_cue_verb():
    s = only("La Pologne estime que la Russie menace l'Europe.")
    assert (s.speaker, s.cue, s.text, s.mode, s.modality) == (
        "pl", "estime", "la Russie menace l'Europe", "indirect", "reported")
    assert s.about == ("ru", "europe")


@pytest.mark.parametrize("text", ["« Nous tiendrons », a déclaré mercredi Jean Dupont.",
                                  "« Nous tiendrons », a martelé hier soir Jean Dupont."])
def test_quote_then_cue_with_a_day_before_the_speaker(text):
    s = only(text)
    assert (s.speaker, s.text, s.mode) == ("dupont", "Nous tiendrons", "direct")


def test_a_complement_between_the_quote_and_its_inverted_cue_stays_out_of_the_quote():
    s = only("« Nous tiendrons la ligne », dans un village près de Kharkiv, a déclaré Jean Dupont.")
    assert (s.speaker, s.text, s.mode) == ("dupont", "Nous tiendrons la ligne", "direct")


def test_participle_after_a_comma_is_said_by_the_main_subject():
    # the parser hangs "estimant" on "vente"; the nearest actor before it is the United States
    # (what "a dénoncé" objects to is a statement of its own)
    found = statements_of("La Pologne a dénoncé jeudi la vente d'armes américains à la Hongrie, "
                          "estimant qu'elle menace l'Europe.")
    s = next(s for s in found if s.cue == "estimant")
    assert s.speaker == "pl"


def test_a_document_speaks_for_its_author():
    s = only("Selon un communiqué du Kremlin, les discussions ont été constructives.")
    assert (s.speaker, s.text) == ("ru", "les discussions ont été constructives")


def test_offsets_index_the_text():
    text = "Selon le New York Times, la Russie a déplacé des troupes. Marie Durand a déclaré : « Rien ne change. »"
    for s in statements_of(text):
        assert text[s.start:s.end] == s.text
        assert text[s.cue_start:s.cue_end] == s.cue


def test_quote_then_inverted_cue_is_direct():
    s = only("« Nous ne céderons jamais », a déclaré Jean Dupont.")
    assert (s.speaker, s.cue, s.text, s.mode) == ("dupont", "déclaré", "Nous ne céderons jamais", "direct")


def test_quote_after_colon_spans_sentences():
    text = "Marie Durand a déclaré : « La situation est grave. Nous devons agir vite. » Puis elle est partie."
    s = only(text)
    assert s.speaker == "durand" and s.mode == "direct"
    assert s.text == "La situation est grave. Nous devons agir vite."


def test_quoted_fragment_makes_mixed_speech():
    s = only("Le Kremlin a prévenu que cette décision serait « une escalade dangereuse ».")
    assert s.speaker == "ru" and s.mode == "mixed"
    assert s.text == "cette décision serait « une escalade dangereuse »"
    assert s.modality == "reported"  # conditional after a past cue: future in the past, no hedge


def test_selon_at_the_start_and_at_the_end():
    first = only("Selon le Washington Post, des drones ont été livrés à la Russie.")
    assert (first.speaker, first.cue, first.text) == ("wp", "Selon", "des drones ont été livrés à la Russie")
    last = only("Des drones ont frappé Odessa, selon l'armée ukrainienne.")
    assert (last.speaker, last.cue, last.text) == ("ua", "selon", "Des drones ont frappé Odessa")


def test_pour_x_names_a_source_only_when_x_is_an_actor():
    s = only("Pour Berlin, cette livraison reste exclue.")
    assert (s.speaker, s.cue, s.text) == ("de", "Pour", "cette livraison reste exclue")
    assert statements_of("Pour la première fois, la Pologne a livré des chars.") == ()


def test_pronoun_speakers_resolve_to_recent_actor():
    s = statements_of("Jean Dupont est arrivé à Kiev mardi. Pour lui, la paix reste possible.")[-1]
    assert (s.speaker, s.text) == ("dupont", "la paix reste possible")
    s = statements_of("La Pologne a reçu Jean Dupont. Elle estime que l'Otan doit rester unie.")[-1]
    assert (s.speaker, s.text) == ("pl", "l'Otan doit rester unie")


def test_infinitive_complement():
    s = only("Le candidat Paul Martin a assuré pouvoir conclure un accord en une semaine.")
    assert (s.speaker, s.cue, s.text) == ("martin", "assuré", "pouvoir conclure un accord en une semaine")


def test_accuser_de_infinitive():
    s = only("Le ministre Jean Dupont accuse la Russie de violer le cessez-le-feu.")
    assert (s.speaker, s.cue, s.text) == ("dupont", "accuse", "de violer le cessez-le-feu")


def test_plaider_pour():
    s = only("Josep Borrell a plaidé pour lever les restrictions sur les armes.")
    assert (s.speaker, s.cue, s.text) == ("borrell", "plaidé", "lever les restrictions sur les armes")


def test_multi_word_entries_of_the_word_lists_are_read():
    # an advocacy preposition of several words, elided before a vowel
    s = only("Josep Borrell a plaidé lundi en faveur d'une mission de l'Union européenne.")
    assert (s.speaker, s.text) == ("borrell", "une mission de l'Union européenne")
    # an aside opener of several words, its speaker after the cue
    s = only("Les frontières restent fermées, ainsi que l'a confirmé mardi Jean Dupont.")
    assert (s.speaker, s.text) == ("dupont", "Les frontières restent fermées")
    # a hedge of several words in the content
    assert only("Jean Dupont a estimé que la crise durera sans doute des années.").modality == "hedged"
    assert only("Jean Dupont a estimé que la crise durera des années.").modality == "reported"


def test_relative_qui_speaker():
    s = only("Paris a reçu Paul Martin, qui a affirmé que la trêve tiendrait.")
    assert s.speaker == "martin" and s.text == "la trêve tiendrait"


def test_coordinated_que_clauses_are_one_statement():
    # what one cue says across "que A et que B" is one quote, as the annotated sets have it
    found = statements_of("La France estime que la guerre doit cesser et que les frontières doivent être respectées.")
    assert [(s.speaker, s.text) for s in found] == [
        ("fr", "la guerre doit cesser et que les frontières doivent être respectées")]


def test_press_conditional_is_hedged():
    assert only("Le Kremlin aurait affirmé que les troupes se retirent.").modality == "hedged"
    assert only("Selon le New York Times, les missiles pourraient être tirés.").modality == "hedged"
    assert only("Selon le New York Times, les missiles ont été tirés.").modality == "reported"


def test_negated_cue_and_denial_are_negated():
    s = only("La France n'a pas confirmé que des missiles avaient été livrés.")
    assert (s.speaker, s.modality) == ("fr", "negated")
    s = only("Moscou a démenti avoir bombardé la ville.")
    assert (s.speaker, s.text, s.modality) == ("ru", "avoir bombardé la ville", "negated")


def test_nested_sourcing_keeps_the_chain():
    s = only("Selon le New York Times, des responsables américains affirment que Kiev a reçu des missiles.")
    assert (s.speaker, s.sources, s.text) == ("us", ("nyt",), "Kiev a reçu des missiles")


def test_verb_inside_a_quote_is_not_a_cue():
    s = only("« Il faut dire que la guerre sera longue », a affirmé Jean Dupont.")
    assert s.speaker == "dupont" and s.mode == "direct"


def test_photo_credit_holds_no_statement():
    text = "La ville a été touchée Image : Jean Dupont/AGENCE/Handout\n\nSelon Marie Durand, rien ne change."
    assert [s.speaker for s in statements_of(text)] == ["durand"]


def test_noun_phrase_object_is_not_a_statement():
    assert statements_of("La Pologne salue la décision de la France.") == ()


def test_quotes_pair_within_paragraphs():
    text = 'Il dit "oui" puis « non ».\n\nUn " orphelin'
    assert [(text[a], text[b]) for a, b in find_quotes(text)] == [('"', '"'), ("«", "»")]


def test_quote_marks_set_the_wrong_way_pair_by_their_place():
    text = '“A b “, dit-il. Des gens "las", venus", puis "c d" et qu\' »e f ».'
    assert [text[a:b + 1] for a, b in find_quotes(text)] == ['“A b “', '"las"', '"c d"', '»e f »']


def test_a_wrong_way_mark_after_an_elided_word_and_a_space_opens():
    """ "qu' » g h »": set after an elided word and a space, a » with a space after it opens."""
    text = "Il précise qu' » g h ». Puis qu’ » i »."
    assert [text[a:b + 1] for a, b in find_quotes(text)] == ["» g h »", "» i »"]


def test_date_between_cue_and_que():
    s = only("Jean Dupont a affirmé mardi que la trêve était rompue.")
    assert (s.speaker, s.text) == ("dupont", "la trêve était rompue")


def test_anonymous_source_is_hedged():
    s = only("Kiev recevra des missiles, a précisé un responsable américain sous couvert d'anonymat.")
    assert (s.speaker, s.modality) == ("us", "hedged")


def test_quoted_noun_phrase_after_cue_is_mixed():
    s = only("Marie Durand a dénoncé une « escalade inutile ».")
    assert (s.speaker, s.text, s.mode) == ("durand", "une « escalade inutile »", "mixed")


def test_inverted_pronoun_after_a_quote_in_a_new_sentence():
    found = statements_of("Jean Dupont a parlé. « Nous répondrons fermement », a-t-il ajouté.")
    assert [(s.speaker, s.text, s.mode) for s in found] == [("dupont", "Nous répondrons fermement", "direct")]


def test_apposed_name_after_a_source_phrase_is_not_content():
    s = only("Pour le président de la France, Paul Martin, l'Europe doit se réarmer.")
    assert (s.speaker, s.text) == ("martin", "l'Europe doit se réarmer")


def test_bare_role_aside_after_a_source_is_not_content():
    s = only("Selon Paul Martin, porte-parole de la mission de l'Otan en Europe pour le secteur nord, "
             "des manifestants ont bloqué la route.")
    assert (s.speaker, s.text) == ("martin", "des manifestants ont bloqué la route")


# -- through the whole extractor (entities found by the rules, not by hand) -------------------


def said(extractor, text: str) -> list[tuple[str | None, str]]:
    """(speaker label, content) of every statement the extractor finds, in text order."""
    ex = extractor.extract(Article("t", text))
    labels = {e.id: e.label for e in ex.entities}
    return [(labels.get(s.speaker), s.text) for s in ex.statements]


@pytest.mark.parametrize("text, speaker, content", [
    ("Le Kremlin a accusé Kiev de « terrorisme ».", "Russie", "terrorisme"),
    ("Le ministre néerlandais de la Défense a confirmé que les Pays-Bas enverraient des avions.",
     "Pays-Bas", "les Pays-Bas enverraient des avions"),
    ("Selon l'état-major ukrainien, les forces russes ont avancé.", "Ukraine",
     "les forces russes ont avancé"),
    ("L'armée de l'air ukrainienne a indiqué avoir abattu dix drones.", "Ukraine",
     "avoir abattu dix drones"),
    ("Le porte-parole de la présidence russe, Dmitri Peskov, a accusé Paris de mentir.",
     "Dmitri Peskov", "mentir"),
])
def test_speakers_named_through_their_institution(extractor, text, speaker, content):
    got = said(extractor, text)
    assert any(who == speaker and content in what for who, what in got), got


@pytest.mark.parametrize("text, first, second", [
    ("Le gouvernement tanzanien a annoncé avoir fermé trois postes frontaliers, en affirmant vouloir "
     "couper les routes des insurgés.", "avoir fermé trois postes frontaliers", "vouloir couper les routes des insurgés"),
    ("Le porte-parole de la police, Jumanne Mrisho, a démenti que des réfugiés aient été refoulés, tout en "
     "admettant que des contrôles avaient été renforcés à Mtwara.", "des réfugiés aient été refoulés",
     "des contrôles avaient été renforcés à Mtwara"),
])
def test_content_ends_before_the_same_speakers_next_cue(extractor, text, first, second):
    """A content that runs over the same speaker's next cue after a comma ends at that comma."""
    got = [what for _, what in said(extractor, text)]
    assert first in got and second in got, got


def test_adverbial_que_is_not_a_content_clause(extractor):
    got = said(extractor, "Berlin a promis des chars, tandis que Washington hésite.")
    assert not [what for _, what in got if "Washington hésite" in what]


def test_nested_sources_make_one_statement_with_its_chain(extractor):
    ex = extractor.extract(Article("t", "Israël prépare une riposte, selon des responsables "
                                        "israéliens cités par le Wall Street Journal."))
    labels = {e.id: e.label for e in ex.entities}
    (statement,) = ex.statements
    assert labels[statement.speaker] == "Wall Street Journal"
    assert [labels[s] for s in statement.sources] == ["Wall Street Journal", "Israël"]


def test_relative_que_after_a_noun_is_not_reported_speech(extractor):
    got = said(extractor, "L'Iran a rejeté ces accusations, qu'il a qualifiées de politiques.")
    assert not [what for _, what in got if what.startswith("il a qualifiées")]


def test_apposition_after_a_parenthetical_acronym(extractor):
    got = said(extractor, "Le directeur général de l'Agence internationale de l'énergie atomique "
                          "(AIEA), Rafael Grossi, a averti mercredi que l'Iran avançait.")
    assert [who for who, _ in got] == ["Rafael Grossi"]


def test_reflexive_inverted_cue(extractor):
    got = said(extractor, "« C'est un tournant historique », s'est félicité le secrétaire général "
                          "Mark Rutte.")
    assert got == [("Mark Rutte", "C'est un tournant historique")]


@pytest.mark.parametrize("text, content", [
    ("Le ministère iranien a mis en garde contre « une guerre régionale ».", "une guerre régionale"),
    ("Najib Mikati a appelé la communauté internationale à « faire pression sur Israël ».",
     "faire pression sur Israël"),
])
def test_multiword_and_object_advocacy_cues(extractor, text, content):
    assert [what for _, what in said(extractor, text)] == [content]


def test_wanting_is_not_saying(extractor):
    got = said(extractor, "Chisinau accuse Moscou de vouloir déstabiliser le pays.")
    assert got == [("Moldavie", "de vouloir déstabiliser le pays")]


def test_a_clause_set_before_the_main_one_ends_its_content_at_its_comma():
    found = statements_of("Si l'armée ukrainienne a assuré avoir repris Kharkiv, la Russie affirme que ses "
                          "troupes tiennent toujours la ville.")
    assert {(s.speaker, s.text) for s in found} == {
        ("ua", "avoir repris Kharkiv"), ("ru", "ses troupes tiennent toujours la ville")}


@pytest.mark.parametrize("aside", ["qui cite des diplomates", "citant des diplomates"])
def test_an_aside_on_the_source_is_not_what_it_sources(aside):
    s = only(f"Selon le Washington Post, {aside}, des drones ont été livrés à la Russie.")
    assert (s.speaker, s.text) == ("wp", "des drones ont été livrés à la Russie")


def test_a_source_at_the_end_keeps_the_words_opening_its_clause():
    s = only("Au moins douze soldats ont été tués à Odessa, selon l'armée ukrainienne.")
    assert (s.speaker, s.text) == ("ua", "Au moins douze soldats ont été tués à Odessa")


def test_the_verb_of_a_sourced_subject_is_no_inverted_cue():
    s = only("Selon le Washington Post, les soldats nord-coréens, qui sont arrivés en Russie, ont lancé "
             "des attaques contre Kharkiv.")
    assert (s.speaker, s.text) == (
        "wp", "les soldats nord-coréens, qui sont arrivés en Russie, ont lancé des attaques contre Kharkiv")


def test_a_name_apposed_to_a_source_at_the_sentence_end_speaks():
    s = only("Au moins quatre soldats ont été tués près d'Odessa, selon le maire de la ville, Paul Martin.")
    assert (s.speaker, s.text) == ("martin", "Au moins quatre soldats ont été tués près d'Odessa")


def test_a_bare_role_is_who_last_spoke_with_it_other_speakers_between():
    found = statements_of(
        "« Douze drones ont été abattus », a écrit le ministre Paul Martin. « Les pertes sont lourdes », "
        "indique le communiqué. Selon le document, trois villages ont été touchés. Les débris ont été "
        "retrouvés près d'Odessa, a affirmé le ministre.")
    last = found[-1]
    assert (last.speaker, last.cue, last.text) == ("martin", "affirmé", "Les débris ont été retrouvés près d'Odessa")


@pytest.mark.parametrize("between", ["dans une vidéo ce mardi", "ce dimanche 8 décembre, au petit matin,"])
def test_an_infinitive_after_phrases_of_time_and_place(between):
    s = only(f"La France a annoncé {between} avoir livré des drones à l'Ukraine.")
    assert (s.speaker, s.text) == ("fr", "avoir livré des drones à l'Ukraine")


def test_an_infinitive_for_a_purpose_after_the_object_is_no_content():
    assert statements_of("La France a annoncé l'envoi de troupes pour sécuriser Odessa.") == ()


def test_an_infinitive_content_ends_before_a_relative_on_a_place():
    s = only("La Russie a affirmé avoir repris Kharkiv, où des habitants ont fui.")
    assert (s.speaker, s.text) == ("ru", "avoir repris Kharkiv")


def test_a_line_without_a_full_stop_before_an_inverted_cue_is_not_said():
    s = only("Des drones frappent Odessa\nDe leur côté, des soldats ont quitté Kharkiv, a indiqué Paul Martin.")
    assert (s.speaker, s.text) == ("martin", "De leur côté, des soldats ont quitté Kharkiv")


def test_a_source_keeps_its_clause_when_an_unknown_speaker_speaks_inside_it():
    s = only("Selon le Washington Post, des soldats ont quitté Kharkiv, tandis que des habitants ont déclaré "
             "avoir entendu des tirs.")
    assert (s.speaker, s.cue) == ("wp", "Selon")


def test_a_quote_glued_to_an_elided_word_opens_the_content():
    s = only("Paul Martin a fait état d'«informations crédibles de frappes sur Odessa».")
    assert (s.speaker, s.text) == ("martin", "informations crédibles de frappes sur Odessa")


def test_a_wrong_way_guillemet_glued_to_an_elided_word_opens_the_content():
    s = only("Paul Martin a affirmé qu'»aucune frappe n'a touché Odessa».")
    assert (s.speaker, s.text, s.direct) == ("martin", "aucune frappe n'a touché Odessa", True)


def test_a_disputed_object_is_what_is_said():
    s = only("La Russie conteste l'authenticité des images de Kharkiv.")
    assert (s.speaker, s.text) == ("ru", "l'authenticité des images de Kharkiv")


def test_a_speaker_after_the_dative_whose_first_name_the_model_left_out():
    s = only("« Douze drones ont été abattus », a déclaré à l'AFP Ravina Paul Martin.")
    assert (s.speaker, s.text) == ("martin", "Douze drones ont été abattus")


def test_a_source_last_without_a_comma_is_not_in_its_content():
    s = only("Plus de 36 000 civils ont fui Odessa depuis le 26 octobre selon l'armée ukrainienne.")
    assert (s.speaker, s.text) == ("ua", "Plus de 36 000 civils ont fui Odessa depuis le 26 octobre")


def test_a_stance_phrase_reaches_its_marker_past_a_short_complement():
    s = only("La Russie a fait état sur son compte Telegram d'un « nombre de tirs venant de Kharkiv ».")
    assert (s.speaker, s.text) == ("ru", "un « nombre de tirs venant de Kharkiv »")


@pytest.mark.parametrize("text, content", [
    ("La Russie a assuré ne pas avoir visé Kharkiv.", "ne pas avoir visé Kharkiv"),
    ("La Russie a affirmé n'avoir jamais frappé Odessa.", "n'avoir jamais frappé Odessa"),
])
def test_a_negation_before_an_infinitive_content_is_said(text, content):
    s = only(text)
    assert (s.speaker, s.text) == ("ru", content)


def test_infinitive_before_que_is_the_content():
    # "que" after an infinitive with words of its own is the infinitive's, not the cue's clause
    s = only("La France a déclaré à la presse n'avoir compté que huit corps.")
    assert (s.speaker, s.text) == ("fr", "n'avoir compté que huit corps")


def test_claimed_object_the_parse_hangs_on_the_day(extractor):
    """ "a revendiqué jeudi la prise de X": the parse makes "prise" the object of "jeudi"."""
    from kgbuild.types import Article

    ex = extractor.extract(Article(id="t", lang="fr", text=(
        "L'armée turque a revendiqué jeudi la destruction de trois caches du PKK près de Duhok.")))
    assert [s.text for s in ex.statements] == ["la destruction de trois caches du PKK près de Duhok"]


@pytest.mark.parametrize("gap", ["  ", "\t", "\u00a0 "])
def test_a_source_phrase_reads_words_set_apart_by_extra_spaces(gap):
    """A second space, a tab or a line break inside a sentence is a token of the parse that the
    run's word list drops: a source phrase near the sentence's end reads its words by their
    place in that list, not by their index in the document (which ran past the list)."""
    words = "Les frappes de la nuit ont visé trois dépôts et deux ponts en Ukraine, selon la Pologne."
    s = only(gap.join(words.split(" ")))
    assert (s.speaker, " ".join(s.text.split())) == ("pl", "Les frappes de la nuit ont visé trois dépôts et deux ponts en Ukraine")

