"""French reported speech: cue verbs, sourcing phrases, hedges, negation, the conditional.

Vocabulary of French news writing in general (no article's words).  The
statement finder reads the lexicons; ``is_conditional`` and ``negation_of``
are the two bits of French morphology that spaCy's French models do not give
reliably (``fr_core_news_md`` tags "pourraient" as indicative).
"""

from __future__ import annotations

__all__ = [
    "SPEECH_VERBS",
    "INFINITIVE_CUES",
    "DE_INFINITIVE_CUES",
    "ACCUSATION_CUES",
    "SUBORDINATORS",
    "ADVOCACY_CUES",
    "STANCE_NOUN_CUES",
    "REFLEXIVE_CUES",
    "DENIAL_VERBS",
    "SOURCE_PREPOSITIONS",
    "SOURCE_PHRASES",
    "PRONOUN_GENDER",
    "NEGATION_WORDS",
    "NEGATING_VERBS",
    "HEDGE_WORDS",
    "HEDGE_VERBS",
    "ANONYMOUS_SOURCE_WORDS",
    "QUOTE_PAIRS",
    "IMPERSONAL_VERBS",
    "OBJECT_CONTROL_VERBS",
    "TIME_WORDS",
    "is_conditional",
    "negation_of",
]

#: lemmas of verbs that introduce reported speech or a stated position
SPEECH_VERBS = frozenset({
    # saying, declaring
    "affirmer", "déclarer", "dire", "indiquer", "souligner", "assurer", "expliquer", "ajouter",
    "préciser", "rappeler", "réaffirmer", "répéter", "insister", "marteler", "confirmer",
    "annoncer", "noter", "observer", "relever", "signaler", "révéler", "raconter", "répondre",
    "rétorquer", "lancer", "écrire", "tweeter", "publier", "commenter", "résumer", "conclure",
    "témoigner", "confier", "glisser", "lâcher", "poursuivre", "continuer", "clamer",
    "proclamer", "jurer", "prétendre", "arguer", "argumenter", "soutenir", "maintenir",
    "réitérer", "certifier", "garantir", "constater", "mentionner", "évoquer", "détailler",
    "expliciter", "développer", "trancher", "tonner", "fustiger", "ironiser", "s'exclamer",
    "exclamer", "interroger", "demander", "se demander", "qualifier",
    # thinking, judging
    "estimer", "juger", "considérer", "penser", "croire", "trouver", "espérer", "craindre",
    "redouter", "s'inquiéter", "inquiéter", "déplorer", "regretter", "se réjouir", "réjouir",
    "se féliciter", "féliciter", "saluer", "reconnaître", "admettre", "concéder", "douter",
    # warning, threatening, promising
    "prévenir", "avertir", "mettre en garde", "menacer", "promettre", "prédire", "alerter",
    # accusing, criticising, denying
    "accuser", "reprocher", "dénoncer", "critiquer", "condamner", "démentir", "nier",
    "réfuter", "contester", "rejeter",
    # calling for
    "plaider", "réclamer", "exiger", "appeler", "exhorter", "proposer", "suggérer",
    "recommander", "militer", "prôner", "préconiser", "souhaiter",
})

#: cue verbs whose bare infinitive is the content ("a assuré pouvoir régler ...")
INFINITIVE_CUES = frozenset({
    "affirmer", "assurer", "déclarer", "dire", "estimer", "penser", "croire", "espérer",
    "reconnaître", "admettre", "nier", "démentir", "jurer", "prétendre", "soutenir",
    "souhaiter", "juger", "considérer", "contester", "certifier",
    "indiquer", "expliquer", "préciser", "confirmer", "annoncer", "reconnaitre", "avouer",
    "revendiquer", "dénoncer",
})

#: cue verbs whose "de + infinitive" is the content ("accuse X d'élargir", "promet de")
DE_INFINITIVE_CUES = frozenset({
    "accuser", "reprocher", "promettre", "menacer", "jurer", "prévenir", "avertir",
    "demander", "exiger", "proposer", "suggérer", "recommander", "conseiller", "exhorter",
    "féliciter", "remercier", "soupçonner", "décider",
})

#: words that make "X que" an adverbial conjunction rather than a complement clause
SUBORDINATORS = frozenset({"tandis", "alors", "bien", "parce", "avant", "après", "pendant", "dès",
                           "ainsi", "afin", "pour", "sans", "tant", "depuis", "sitôt", "lors",
                           "plutôt", "autant", "même", "moins"})

#: cue verbs whose "de + noun phrase" is the content too ("accuse Kiev de terrorisme")
ACCUSATION_CUES = frozenset({"accuser", "reprocher", "soupçonner"})

#: cue verbs whose "pour/à + infinitive or noun phrase" is the content ("plaider pour autoriser")
ADVOCACY_CUES = {
    "plaider": ("pour", "en faveur de"),
    "militer": ("pour", "en faveur de"),
    "appeler": ("à",),
    "exhorter": ("à",),
    "inviter": ("à",),
    "encourager": ("à",),
    "pousser": ("à",),
    "se prononcer": ("pour", "contre", "en faveur de"),
    "prononcer": ("pour", "contre", "en faveur de"),
}

#: "faire part de son opposition", "faire savoir que", "laisser entendre que"
STANCE_NOUN_CUES = {
    "faire part": ("de",),
    "faire savoir": ("que",),
    "faire valoir": ("que",),
    "laisser entendre": ("que",),
    "mettre en garde": ("contre", "que"),
}

#: "se dire prêt à ...", "se déclarer favorable à ...": reflexive verbs whose attribute is the content
REFLEXIVE_CUES = frozenset({"dire", "déclarer", "montrer", "affirmer", "estimer", "juger",
                            "savoir", "vouloir", "prononcer", "sentir"})

#: the speaker states the contrary of the content
DENIAL_VERBS = frozenset({"démentir", "nier", "réfuter", "contester", "rejeter", "douter"})

#: prepositions whose object is the source of the rest of the clause ("selon X, ...")
SOURCE_PREPOSITIONS = ("selon", "d'après", "pour")

#: multi-word sourcing phrases, followed by the source ("aux yeux de X")
SOURCE_PHRASES = ("aux yeux de", "aux yeux du", "aux yeux des", "de l'avis de", "de l'avis du",
                  "de l'avis des", "à en croire", "d'après", "cité par", "citée par",
                  "cités par", "citées par", "de source")

#: subject pronouns and the gender they ask of their antecedent (None: either)
PRONOUN_GENDER = {"il": "Masc", "elle": "Fem", "lui": "Masc", "ils": "Masc", "elles": "Fem",
                  "celui-ci": "Masc", "celle-ci": "Fem", "qui": None}

#: second part of French negation (after "ne"/"n'") and words negating by themselves
NEGATION_WORDS = frozenset({"pas", "plus", "jamais", "guère", "point", "aucun", "aucune",
                            "nullement", "rien", "personne", "nul", "nulle", "non"})

#: verbs whose complement is denied or withheld ("refuse de livrer", "exclut d'envoyer")
NEGATING_VERBS = frozenset({"refuser", "renoncer", "exclure", "écarter", "rejeter",
                            "s'opposer", "opposer", "empêcher", "interdire", "bloquer",
                            "démentir", "nier"})

#: words that make a claim uncertain
HEDGE_WORDS = frozenset({"peut-être", "probablement", "vraisemblablement", "possiblement",
                         "éventuellement", "apparemment", "sans doute", "semble-t-il",
                         "possible", "possibles", "probable", "probables", "éventuel",
                         "éventuelle", "éventuels", "éventuelles", "hypothétique",
                         "supposé", "supposée", "présumé", "présumée", "prétendu",
                         "prétendue", "potentiel", "potentielle", "potentiellement"})

#: verbs of intention, plan or possibility: what follows has not happened
HEDGE_VERBS = frozenset({"pouvoir", "devoir", "sembler", "paraître", "envisager", "étudier",
                         "compter", "prévoir", "projeter", "entendre", "vouloir", "souhaiter",
                         "espérer", "réfléchir", "menacer", "risquer", "promettre",
                         "s'apprêter", "apprêter", "viser"})

#: sources whose anonymity makes a claim hedged ("des responsables sous couvert d'anonymat")
ANONYMOUS_SOURCE_WORDS = frozenset({"anonymat", "anonyme", "anonymes", "source", "sources",
                                    "informations", "rumeurs"})

#: verbs whose "il" is impersonal ("il faut", "il s'agit", "il suffit")
IMPERSONAL_VERBS = frozenset({"falloir", "agir", "suffire", "pleuvoir", "importer", "valoir"})

#: verbs whose object does what their infinitive says ("autoriser Kiev à frapper":
#: Kiev strikes; "permettre à l'Ukraine de détruire": Ukraine destroys)
OBJECT_CONTROL_VERBS = frozenset({"autoriser", "permettre", "demander", "inviter", "pousser",
                                  "aider", "obliger", "forcer", "encourager", "empêcher",
                                  "interdire", "accuser", "exhorter", "appeler", "habiliter",
                                  "contraindre", "reprocher", "convaincre", "charger"})

#: dates between a cue verb and its complement ("a affirmé mardi que", "a appelé samedi à")
TIME_WORDS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                        "hier", "aujourd'hui", "soir", "matin", "midi", "nuit", "aube", "semaine",
                        "week-end", "dernier", "dernière", "encore", "récemment", "publiquement",
                        "officiellement"})

#: opening quote mark -> closing quote mark
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "‘": "’", "„": "“"}

# --- the conditional -------------------------------------------------------------
_COND_ENDINGS = ("aient", "ions", "iez", "ais", "ait")
#: future stems that are not the infinitive (the conditional is built on them)
_FUTURE_STEMS = {
    "être": "ser", "avoir": "aur", "aller": "ir", "faire": "fer", "pouvoir": "pourr",
    "devoir": "devr", "vouloir": "voudr", "savoir": "saur", "venir": "viendr",
    "tenir": "tiendr", "voir": "verr", "falloir": "faudr", "valoir": "vaudr",
    "envoyer": "enverr", "renvoyer": "renverr", "courir": "courr", "mourir": "mourr",
    "recevoir": "recevr", "apercevoir": "apercevr", "percevoir": "percevr",
    "acquérir": "acquerr", "conquérir": "conquerr", "pleuvoir": "pleuvr", "asseoir": "assiér",
    "revenir": "reviendr", "devenir": "deviendr", "parvenir": "parviendr",
    "prévenir": "préviendr", "intervenir": "interviendr", "obtenir": "obtiendr",
    "maintenir": "maintiendr", "soutenir": "soutiendr", "retenir": "retiendr",
    "revoir": "reverr", "prévoir": "prévoir", "refaire": "refer", "défaire": "défer",
}


def _future_stem(lemma: str) -> str:
    if lemma in _FUTURE_STEMS:
        return _FUTURE_STEMS[lemma]
    for prefix in ("re", "ré", "pré", "dé", "sou", "con", "ob", "main", "sur"):
        rest = lemma[len(prefix):]
        if lemma.startswith(prefix) and rest in _FUTURE_STEMS and rest not in ("être", "avoir"):
            return prefix + _FUTURE_STEMS[rest]
    if lemma.endswith("re"):  # prendre -> prendr, dire -> dir
        return lemma[:-1]
    return lemma  # parler -> parler, finir -> finir


def is_conditional(form: str, lemma: str) -> bool:
    """Whether a verb form is in the conditional ("pourraient", "aurait", "signifierait")."""
    form, lemma = form.lower(), lemma.lower()
    for ending in _COND_ENDINGS:
        if form.endswith(ending):
            stem = form[: -len(ending)]
            if not stem.endswith("r"):
                return False
            if stem == _future_stem(lemma):
                return True
            # lemmatiser gave the form itself or an unknown lemma: trust a future-looking stem
            return lemma == form and stem.endswith(("err", "rr", "dr", "er", "ir"))
    return False


def negation_of(words: list[str]) -> str | None:
    """The negation word of a clause given its adverbs and particles ("ne ... pas" -> "pas").

    ``words`` are the lower-cased dependants of a verb.  "ne" alone (expletive "ne" as in
    "avant que ces missiles ne passent") and "pas"/"plus" without "ne" do not count.
    """
    if not any(word in ("ne", "n'", "n’") for word in words):
        return "nullement" if "nullement" in words else None
    for word in words:
        if word in NEGATION_WORDS and word != "non":
            return word
    return None
