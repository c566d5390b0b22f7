"""A language as the extraction engine sees it: a spaCy model, lexicons, a small grammar.

A language is a folder ``kgbuild/extract/lang/<code>/``:

    language.toml   code, name, the spaCy model, the data files to read
    data/*.toml     word lists and tables (one topic a file: entities, speech, relations,
                    grammar words)
    grammar.py      a ``Grammar`` class: inflection, verb forms, mood, negation (what spaCy
                    does not give)

``load_rules(code)`` reads the folder into one frozen ``LanguageRules``: every field is
named here, so a data file that lacks one, or has one the engine does not know, is an
error naming the file.  The engine reads words only through these fields and never
imports a language module; adding a language is adding a folder.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Protocol, Sequence

from kgbuild.errors import ConfigError, LanguageDataError
from kgbuild.normalize import strip_accents

__all__ = ["LanguageRules", "LanguageGrammar", "load_rules", "read_language", "available_languages",
           "LANG_DIR"]

LANG_DIR = Path(__file__).parent / "lang"


class LanguageGrammar(Protocol):
    """What the engine asks of a language's grammar module."""

    def inflect(self, base: str) -> tuple[str, ...]: ...

    def verb_lemmas(self, form: str) -> tuple[str, ...]: ...

    def participle_infinitive(self, low: str) -> str | None: ...

    def is_conditional(self, form: str, lemma: str) -> bool: ...

    def negation_of(self, words: Sequence[str]) -> str | None: ...


Words = frozenset[str]
Ordered = tuple[str, ...]
Table = Mapping[str, str]
ListTable = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, eq=False)
class LanguageRules:
    """Everything the extraction engine reads of one language (see the data files for each)."""

    code: str
    name: str
    model: str
    grammar: LanguageGrammar
    caption_re: re.Pattern
    dateline_re: re.Pattern
    demonyms: Table
    # --- entities (data/entities.toml)
    role_domains: Ordered
    locative_prepositions: Ordered
    loose_place_prepositions: Words
    transfer_lemmas: Ordered
    transfer_dative_nouns: Words
    party_dative_words: Words
    description_determiners: Words
    passive_after_name: Ordered
    place_adverbs: Words
    guard_nouns: Words
    typed_weapon_heads: Words
    place_hit_verbs: Words
    orientation_lemmas: Ordered
    speech_introducers: Ordered
    weapon_heads: Ordered
    weapon_type_words: Ordered
    area_nouns: Words
    capital_organ_nouns: Words
    capital_actor_nouns: Words
    strike_words: Words
    determined_weapon_words: Words
    new_weapon_determiners: Words
    nationality_only_nouns: Ordered
    not_names: Ordered
    determiners: Ordered
    compound_words: Ordered
    elided_words: Ordered
    vague_groups: Ordered
    media_heads: Ordered
    media_name_links: Words
    media_complements: Words
    group_name_words: Words
    institution_heads: Words
    water_nouns: Words
    vessel_nouns: Words
    site_nouns: Words
    facility_site_nouns: Words
    facility_town_prepositions: Words
    lone_town_site_nouns: Words
    named_operation_nouns: Words
    regard_phrases: Ordered
    clock_nouns: Words
    inhabitant_endings: Ordered
    role_nouns: ListTable
    place_nouns: Table
    weapon_classes: Table
    seats_of_power: Table
    english_name_forms: Table
    compass_part_adjectives: Table
    state_forces: Table
    short_forms: Table
    descriptions: ListTable
    introduced_descriptions: Words
    description_actors: Words
    armed_description_adjectives: Words
    led_phrases: Ordered
    collective_nouns: Words
    complement_prepositions: Words
    clause_openers: Words
    state_organs: Ordered
    definite_determiners: Words
    acronym_skip_words: Words
    military_units: Words
    ordinal_words: Words
    person_titles: Words
    nickname_cues: Words
    former_prefixes: Ordered
    person_alias_cues: Words
    caption_words: Ordered
    qualifier_starts: Ordered
    name_titles: Words
    role_modifiers: Words
    role_tails: Ordered
    demonym_positions: Ordered
    unit_links: Words
    body_nouns: Words
    body_domains: Words
    demonym_body_nouns: Words
    army_phrases: Ordered
    state_titles: Ordered
    gloss_words: Words
    editor_notes: Words
    national_adjectives: Words
    organ_heads: Words
    purpose_complement_nouns: Words
    organ_place_prepositions: Words
    organ_purpose_prepositions: Words
    rank_complements: Words
    compass_adjectives: Words
    place_noun_adjectives: Words
    place_object_verbs: Words
    government_side_adjectives: Words
    unnamed_body_determiners: Words
    place_complement_nouns: Words
    peoples: Words
    people_states: Words
    state_media_words: Words
    # --- grammar words of the mention and grammar helpers (data/grammar.toml)
    articles: Words
    contracted_articles: Words
    indefinite_determiners: Words
    place_of_prepositions: Words
    articled_place_prepositions: Words
    comitative_prepositions: Words
    opponent_prepositions: Words
    orientation_prepositions: Words
    facing_phrases: Ordered
    border_prefixes: Ordered
    unaccented_prepositions: Words
    state_words: Words
    date_articles: Words
    ordinal_suffixes: Ordered
    stem_matched_endings: Ordered
    negation_particles: Words
    name_particles: Words
    inner_name_particles: Words
    privative_words: Words
    impersonal_pronouns: Words
    copular_verbs: Words
    infinitive_markers: Words
    plural_pronouns: Words
    plural_endings: Ordered
    # --- statements (data/speech.toml)
    speech_verbs: Words
    infinitive_cues: Words
    withheld_speech: Words
    de_infinitive_cues: Words
    accusation_cues: Words
    subordinators: Words
    fronted_subordinators: Ordered
    relative_heads: Words
    reflexive_cues: Words
    side_pair_nouns: Words
    pair_numbers: Words
    denial_verbs: Words
    source_prepositions: Ordered
    source_phrases: Ordered
    negating_verbs: Words
    hedge_words: Words
    hedge_verbs: Words
    anonymous_source_words: Words
    impersonal_verbs: Words
    object_control_verbs: Words
    time_words: Words
    delay_nouns: Words
    delay_adverbs: Words
    advocacy_cues: ListTable
    stance_noun_cues: ListTable
    pronoun_gender: Table
    quote_pairs: Table
    feminine_titles: Ordered
    mistagged_cues: Table
    content_stops: Ordered
    speaking_groups: Words
    home_bodies: Words
    sameness_words: Words
    latter_words: Words
    document_nouns: Words
    generic_document_nouns: Words
    authored_nouns: Words
    issuing_verbs: Words
    group_anaphors: Words
    member_anaphors: Words
    unnamed_speakers: Words
    lone_officials: Words
    uprising_nouns: Words
    within_nouns: Words
    role_prefixes: Words
    source_words: Words
    report_cues: Words
    passive_topic_cues: Words
    addressee_cues: Words
    reported_events: Words
    blame_cues: Words
    blamed_events: Words
    object_content_cues: Words
    stance_object_cues: Words
    stance_object_nouns: Words
    claim_verbs: Words
    cue_frames: Ordered
    complementizers: Words
    belief_participles: Words
    agent_prepositions: Words
    relay_words: Words
    auxiliaries: Words
    perfect_auxiliaries: Words
    cue_fillers: Words
    phrase_adverbs: Words
    incise_continuations: Words
    reflexive_clitics: Words
    clause_coordinators: Ordered
    que_clause_stops: Ordered
    object_clitics: Words
    pro_verbs: Words
    parenthetical_openers: Words
    masculine_titles: Ordered
    possibility_modals: Words
    coordinating_conjunctions: Words
    and_words: Words
    connective_words: Words
    de_infinitive_markers: Words
    infinitive_endings: Ordered
    participle_endings: Ordered
    gerund_markers: Words
    naming_words: Words
    indefinite_subjects: Words
    side_openers: Ordered
    # --- relations (data/relations.toml)
    supply_verbs: Words
    recipient_prepositions: Ordered
    goods_prepositions: Ordered
    recipient_object_verbs: Words
    arming_verbs: Words
    supply_nouns: Words
    dative_pronouns: Words
    destination_prepositions: Ordered
    destination_nouns: Words
    purchase_verbs: Words
    receive_verbs: Words
    purchase_nouns: Words
    seller_prepositions: Ordered
    contract_prepositions: Ordered
    local_roles: Words
    organisation_roles: Words
    supplier_nouns: Words
    military_goods: Words
    authorize_verbs: Words
    authorize_nouns: Words
    authority_verbs: Words
    target_verbs: Words
    target_nouns: Words
    strike_craft: Words
    maker_nouns: Words
    maker_verbs: Words
    make_nouns: Words
    target_prepositions: Ordered
    hostile_prepositions: Words
    operation_nouns: Words
    operation_prepositions: Words
    attack_verbs: Words
    attack_nouns: Words
    remote_attack_words: Words
    home_field_verbs: Words
    ground_offensive_nouns: Words
    clash_nouns: Words
    war_nouns: Words
    averted_war_words: Words
    unrealised_words: Words
    planned_attack_words: Words
    waging_verbs: Words
    reflexive_clash_verbs: Words
    reciprocal_waging_verbs: Words
    exchange_nouns: Words
    exchange_verbs: Words
    pair_nouns: Words
    between_prepositions: Words
    stronghold_nouns: Words
    stronghold_prepositions: Ordered
    presence_object_verbs: Words
    local_presence_object_verbs: Words
    host_verbs: Words
    settle_verbs: Words
    roam_verbs: Words
    control_verbs: Words
    capture_verbs: Words
    capture_nouns: Words
    capture_claim_verbs: Words
    frame_nouns: Words
    place_part_nouns: Words
    place_clitics: Words
    deploy_verbs: Words
    deploy_nouns: Words
    withdraw_nouns: Words
    deploy_prepositions: Ordered
    deploy_window_prepositions: Ordered
    vicinity_nouns: Words
    harm_verbs: Words
    field_unit_nouns: Words
    presence_words: Words
    armed_presence_words: Words
    armed_group_nouns: Words
    pointing_determiners: Words
    demonstrative_determiners: Words
    place_anaphors: ListTable
    same_place_anaphors: ListTable
    territory_prepositions: Words
    fighter_nouns: Words
    of_prepositions: Ordered
    occupation_verbs: Words
    confirm_verbs: Words
    wish_words: Words
    anaphoric_determiners: Words
    troop_verbs: Words
    arrival_verbs: Words
    troop_nouns: Words
    support_verbs: Words
    support_nouns: Words
    ally_nouns: Words
    enemy_nouns: Words
    stance_verbs: Words
    oppose_verbs: Words
    oppose_nouns: Words
    oppose_adjectives: Words
    leader_roles: Words
    group_leader_ranks: Words
    state_stand_ins: Words
    state_office_nouns: Words
    local_office_adjectives: Words
    epithet_roles: Words
    role_naming_verbs: Words
    role_as_markers: Ordered
    role_any_verb_markers: Ordered
    member_roles: Words
    topic_roles: Words
    complement_leader_roles: Words
    local_office_roles: Words
    local_area_words: ListTable
    place_heads: Words
    container_prepositions: Ordered
    border_words: Words
    naming_border_words: Words
    border_nouns: Words
    quantity_nouns: Words
    group_heads: Words
    firm_nouns: Words
    example_hosts: Words
    currency_words: Words
    facility_nouns: Words
    facility_prepositions: Words
    portfolio_prepositions: Words
    clause_breakers: Words
    agentive_verbs: Words
    announce_verbs: Words
    wound_verbs: Words
    announced_strike_nouns: Words
    direction_words: Words
    compass_words: Words
    centre_words: Words
    origin_prepositions: Words
    agent_pronouns: Words
    aim_words: Words
    origin_time_words: Words
    relative_prepositions: Words
    role_domain_prepositions: Words
    troop_holding_verbs: Words
    inclusion_phrases: Words
    holding_participles: Words
    place_strike_participles: Words
    perpetration_verbs: Words
    clash_conduct_verbs: Words
    holding_nouns: Words
    holding_phrases: Words
    holding_link_verbs: Words
    capture_link_verbs: Words
    purpose_nouns: Words
    irregular_force_nouns: Words
    aim_verbs: Words
    transfer_nouns: Words
    mission_nouns: Words
    lead_verbs: Words
    partitive_articles: Words
    casualty_prepositions: Words
    toll_clause_verbs: Words
    toll_nouns: Words
    authorship_nouns: Words
    occurrence_verbs: Words
    rank_nouns: Words
    relative_pronouns: Words
    possessive_relatives: Words
    subject_pronouns: Words
    place_phrase_links: Words
    non_subject_words: Words
    supply_governors: Words
    grantee_prepositions: Words
    strike_prepositions: Ordered
    attack_place_prepositions: Ordered
    launch_verbs: Words
    place_relative_pronouns: Words
    prepositional_stance_verbs: Words
    stance_verb_prepositions: Ordered
    stance_noun_prepositions: Ordered
    deploy_noun_prepositions: Ordered
    membership_roles: Words
    member_country_nouns: Words
    likening_prepositions: Words
    topic_markers: Words
    withdraw_verbs: Words
    capital_nouns: Words
    territory_nouns: Words
    name_prepositions: Ordered
    attack_prepositions: ListTable
    dative_aim_verbs: ListTable
    oppose_copula_prepositions: Words
    agentive_oblique_verbs: ListTable
    fight_oblique_verbs: ListTable
    reflexive_fight_verbs: ListTable
    attack_phrases: ListTable
    capture_phrases: ListTable
    join_phrases: ListTable
    mistagged_verbs: Table
    affiliation_words: ListTable
    leadership_phrases: ListTable
    led_by_phrases: ListTable
    reliance_verbs: Words
    reliance_prepositions: Words
    backing_prepositions: Words
    benefit_verbs: Words
    partner_prepositions: Words
    hypothesis_marks: Words
    organisation_names: ListTable
    stance_manner_prepositions: Words
    attribution_verbs: Words
    attribution_prepositions: Words
    list_conjunctions: Words
    death_verbs: Words
    occasion_nouns: Words
    victim_nouns: Words
    undergo_verbs: Words
    struck_verbs: Words
    state_force_nouns: Words
    home_force_nouns: Words
    home_force_qualified_nouns: Words
    home_force_qualifiers: Words
    near_words: Words
    fighter_descriptions: Words
    rebel_role_adjectives: Words
    presumption_participles: Words
    repel_verbs: Words
    clash_verbs: Words
    fight_verbs: Words
    allegiance_adjectives: Words
    claim_nouns: Words
    leader_body_nouns: Words
    plural_possessives: Words
    join_verbs: Words
    join_prepositions: Words
    grouping_verbs: Words
    grouping_prepositions: Words
    listing_verbs: Words
    listing_marks: Words
    location_verbs: Words
    dependency_verbs: Words
    dependency_prepositions: Words
    solidarity_nouns: Words
    state_body_heads: Words
    portfolio_body_heads: Words
    organisation_body_nouns: Words
    threat_verbs: Words
    threat_object_verbs: Words
    spokesman_roles: Words
    speaker_pronouns: Words
    alliance_nouns: Words
    joint_adjectives: Words
    joint_action_nouns: Words
    ruin_verbs: Words
    example_phrases: Words
    threat_nouns: Words
    demand_verbs: Words
    demand_prepositions: Words
    ouster_nouns: Words
    side_nouns: Words
    side_prepositions: Words
    side_verbs: Words
    side_head_nouns: Words
    group_part_nouns: Words
    identity_verbs: Words
    preposition_nouns: Words


#: data keys read by the grammar module, not fields of their own
_GRAMMAR_KEYS = ("future_stems", "conditional_endings", "demonym_irregular", "negation_words",
                 "demonym_bases")
_MADE = ("code", "name", "model", "grammar", "caption_re", "dateline_re", "demonyms")


def available_languages() -> tuple[str, ...]:
    """Codes of the language folders (those with a language.toml)."""
    return tuple(sorted(p.parent.name for p in LANG_DIR.glob("*/language.toml")))


def _convert(name: str, kind: str, value, source: Path):
    """A data file's value as the field's type; an error names the file and the key."""
    def fail(want: str):
        return LanguageDataError(f"{source}: {name!r} should be {want}, not {type(value).__name__}")
    if kind in ("Words", "Ordered"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("a list of strings")
        return frozenset(_bare_capitals(value)) if kind == "Words" else tuple(value)
    if kind in ("Table", "ListTable"):
        if not isinstance(value, dict):
            raise fail("a table")
        if kind == "ListTable":
            value = {k: tuple(v) for k, v in value.items()}
        table = dict(value)
        for k in value:
            for bare in _bare_capitals((k,)):
                table.setdefault(bare, value[k])  # a form the file writes keeps its own value
        return MappingProxyType(table)
    raise fail(kind)


def _bare_capitals(words):
    """Each word, and the word with its first letter unaccented where it has an accent:
    capitals often lose theirs ("l'Etat de Borno", "Egypte"), and the lexicons are matched
    in lower case ("etat" is "état")."""
    for word in words:
        yield word
        bare = strip_accents(word[:1])
        if bare != word[:1]:
            yield bare + word[1:]


def _read_data(folder: Path, files: Sequence[str]) -> tuple[dict, dict[str, Path]]:
    data: dict = {}
    origin: dict[str, Path] = {}
    for name in files:
        path = folder / "data" / name
        try:
            with path.open("rb") as fh:
                table = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise LanguageDataError(f"{path}: cannot read language data: {exc}") from exc
        for key, value in table.items():
            if key in data:
                raise LanguageDataError(f"{path}: {key!r} is defined again (first in {origin[key]})")
            data[key], origin[key] = value, path
    return data, origin


@functools.cache
def load_rules(code: str) -> LanguageRules:
    """The rules of a language, read from its folder once per process."""
    if not (LANG_DIR / code / "language.toml").is_file():
        raise ConfigError("lang", code, list(available_languages()))
    return read_language(LANG_DIR / code)


def read_language(folder: Path, grammar_module: str | None = None) -> LanguageRules:
    """The rules in a language folder; ``grammar_module`` defaults to the folder's own
    (``kgbuild.extract.lang.<code>.grammar``)."""
    try:
        with (folder / "language.toml").open("rb") as fh:
            meta = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LanguageDataError(f"{folder / 'language.toml'}: cannot read: {exc}") from exc
    code = meta.get("code", folder.name)
    data, origin = _read_data(folder, meta.get("data", ()))
    module = grammar_module or f"kgbuild.extract.lang.{code}.grammar"
    grammar = importlib.import_module(module).Grammar(data)
    kinds = {f.name: f.type for f in dataclasses.fields(LanguageRules) if f.name not in _MADE}
    unknown = sorted(set(data) - set(kinds) - set(_GRAMMAR_KEYS) - {"caption_pattern", "dateline_pattern"})
    if unknown:
        raise LanguageDataError(f"{origin[unknown[0]]}: unknown key {unknown[0]!r} (the engine reads "
                          f"only the fields of LanguageRules)")
    missing = sorted(set(kinds) - set(data))
    if missing:
        raise LanguageDataError(f"{folder}: language data lacks {', '.join(missing)}")
    values = {name: _convert(name, kind, data[name], origin[name]) for name, kind in kinds.items()}
    demonyms = {form: state for base, state in data["demonym_bases"].items()
                for form in grammar.inflect(base)}
    return LanguageRules(code=code, name=meta["name"], model=meta["model"], grammar=grammar,
                         caption_re=re.compile(data["caption_pattern"]),
                         dateline_re=re.compile(data["dateline_pattern"], re.MULTILINE),
                         demonyms=MappingProxyType(demonyms), **values)
