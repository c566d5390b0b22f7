"""French cues of the relation vocabulary (FORMAT.md): verbs, nouns, role phrases.

Each family maps lemmas (lower case) to the predicate they signal.  The
relation finder reads the argument slots from the dependency parse, and these
lexicons say which slot is which ("fournisseur de X": X is the recipient;
"livrer Y à X": Y the goods, X the recipient).
"""

from __future__ import annotations

__all__ = [
    "SUPPLY_VERBS",
    "RECIPIENT_OBJECT_VERBS",
    "SUPPLY_NOUNS",
    "PURCHASE_VERBS",
    "RECEIVE_VERBS",
    "PURCHASE_NOUNS",
    "LOCAL_ROLES",
    "ORGANISATION_ROLES",
    "SUPPLIER_NOUNS",
    "MILITARY_GOODS",
    "AUTHORIZE_VERBS",
    "AUTHORIZE_NOUNS",
    "AUTHORITY_VERBS",
    "TARGET_VERBS",
    "TARGET_NOUNS",
    "TARGET_PREPOSITIONS",
    "ATTACK_VERBS",
    "ATTACK_NOUNS",
    "DEPLOY_VERBS",
    "DEPLOY_NOUNS",
    "SUPPORT_VERBS",
    "SUPPORT_NOUNS",
    "ALLY_NOUNS",
    "ENEMY_NOUNS",
    "STANCE_VERBS",
    "OPPOSE_VERBS",
    "OPPOSE_NOUNS",
    "OPPOSE_ADJECTIVES",
    "LEADER_ROLES",
    "MEMBER_ROLES",
    "PLACE_HEADS",
    "CONTAINER_PREPOSITIONS",
    "BORDER_WORDS",
    "QUANTITY_NOUNS",
    "GROUP_HEADS",
    "FACILITY_NOUNS",
    "CLAUSE_BREAKERS",
    "AGENTIVE_VERBS",
    "DIRECTION_WORDS",
]

# --- supplies / suppliesTo ---------------------------------------------------------
#: transfer verbs: subject supplies the object (a weapon) to the "à" complement
SUPPLY_VERBS = frozenset({"fournir", "livrer", "envoyer", "transférer", "céder", "vendre",
                          "donner", "offrir", "expédier", "acheminer", "remettre", "octroyer",
                          "procurer", "doter", "équiper", "armer", "approvisionner", "ravitailler",
                          "promettre"})
#: verbs whose object is the recipient and "de/en" the goods ("doter l'armée de chars")
RECIPIENT_OBJECT_VERBS = frozenset({"doter", "équiper", "armer", "approvisionner", "ravitailler"})
#: receiving: the subject is the recipient, "de X" or a demonym on the goods the supplier
RECEIVE_VERBS = frozenset({"recevoir", "obtenir", "réceptionner", "percevoir"})
#: buying: the seller ("à X", "auprès de X", "contrat avec X") supplies the buyer
PURCHASE_VERBS = frozenset({"acheter", "acquérir", "commander", "importer"})
PURCHASE_NOUNS = frozenset({"achat", "acquisition", "commande", "importation"})

#: transfer nouns: "livraisons de missiles à Kiev", "l'envoi de chars par Berlin"
SUPPLY_NOUNS = frozenset({"livraison", "fourniture", "envoi", "transfert", "don", "vente",
                          "cession", "aide militaire", "acheminement"})
#: "X, fournisseur de Y": X supplies Y ("de" is the recipient)
SUPPLIER_NOUNS = frozenset({"fournisseur", "pourvoyeur", "donateur", "soutien militaire",
                            "bailleur"})
#: goods that make a transfer a military one when no weapon entity is named
MILITARY_GOODS = frozenset({"arme", "armement", "munition", "missile", "roquette", "obus",
                            "char", "blindé", "véhicule", "drone", "avion", "chasseur",
                            "hélicoptère", "système", "batterie", "équipement", "matériel",
                            "aide", "lanceur", "canon", "obusier", "bombe", "torpille",
                            "radar", "navire"})

# --- authorizes ----------------------------------------------------------------------
#: "autoriser X à frapper", "permettre à X de tirer"
AUTHORIZE_VERBS = frozenset({"autoriser", "permettre", "habiliter", "approuver", "accepter"})
#: "le feu vert de Washington", "l'autorisation américaine"
AUTHORIZE_NOUNS = frozenset({"feu vert", "autorisation", "permission", "aval", "accord",
                             "blanc-seing", "levée des restrictions"})
#: verbs whose subject or agent is the grantor of the authorisation they govern
#: ("donner son feu vert", "autorisation confirmée par Washington")
AUTHORITY_VERBS = frozenset({"donner", "accorder", "octroyer", "confirmer", "annoncer",
                             "décider", "signer", "officialiser", "valider", "délivrer"})

# --- targets / attacks -------------------------------------------------------------
#: aiming and firing: the subject (actor or weapon) targets the place
TARGET_VERBS = frozenset({"frapper", "tirer", "viser", "cibler", "atteindre", "toucher",
                          "lancer", "utiliser", "employer", "larguer"})
TARGET_NOUNS = frozenset({"frappe", "tir", "cible", "salve", "lancement"})
#: prepositions that introduce the targeted place
TARGET_PREPOSITIONS = ("vers", "sur", "contre", "en", "dans", "à", "au", "aux", "jusqu'en",
                       "jusqu'à", "jusqu’en", "jusqu’à")
#: attacking: the subject (an actor) attacks the place or actor
ATTACK_VERBS = frozenset({"bombarder", "attaquer", "pilonner", "envahir", "assaillir",
                          "agresser", "mitrailler", "raser", "occuper",
                          "annexer", "assiéger", "encercler", "prendre d'assaut"})
ATTACK_NOUNS = frozenset({"bombardement", "attaque", "offensive", "raid", "pilonnage",
                          "incursion", "invasion", "assaut", "agression", "occupation",
                          "siège", "annexion", "frappe aérienne"})

# --- deployedIn --------------------------------------------------------------------
DEPLOY_VERBS = frozenset({"déployer", "stationner", "masser", "dépêcher", "positionner",
                          "poster", "baser", "cantonner", "envoyer", "redéployer", "engager"})
DEPLOY_NOUNS = frozenset({"déploiement", "présence", "stationnement", "redéploiement"})

# --- supports / opposes --------------------------------------------------------------
SUPPORT_VERBS = frozenset({"soutenir", "épauler", "appuyer", "aider", "assister", "saluer",
                           "féliciter", "secourir", "défendre", "se ranger", "ranger",
                           "renforcer", "approuver", "cautionner", "applaudir"})
#: "le soutien de X à Y", "l'appui américain à Kiev"
SUPPORT_NOUNS = frozenset({"soutien", "appui", "aide", "assistance"})
#: nouns said of their subject: "X, allié de Y", "X est l'adversaire de Y"
ALLY_NOUNS = frozenset({"allié", "alliée", "alliés", "alliées", "partenaire", "partenaires",
                       "parrain", "protecteur"})
ENEMY_NOUNS = frozenset({"adversaire", "adversaires", "ennemi", "ennemie", "ennemis",
                        "rival", "rivale", "rivaux"})
OPPOSE_VERBS = frozenset({"opposer", "s'opposer", "condamner", "dénoncer", "critiquer",
                          "fustiger", "rejeter", "désapprouver", "sanctionner", "combattre",
                          "blâmer"})
OPPOSE_NOUNS = frozenset({"opposition", "condamnation", "hostilité", "critique", "sanction"})
#: "X, hostile à Y", "X est opposé à Y"
OPPOSE_ADJECTIVES = frozenset({"opposé", "opposée", "opposés", "opposées", "hostile",
                               "hostiles", "défavorable", "défavorables"})
#: verbs whose subject voices the stance named by their object ("exprimer son soutien à")
STANCE_VERBS = frozenset({"exprimer", "apporter", "réaffirmer", "affirmer", "manifester",
                          "renouveler", "réitérer", "assurer", "témoigner", "afficher", "faire"})

# --- roles: leaderOf / memberOf -------------------------------------------------------
#: role phrases (lower case) whose holder leads the state or organisation named with them
LEADER_ROLES = frozenset({
    "directeur général", "directrice générale", "directeur", "directrice",
    "président", "présidente", "chancelier", "chancelière", "premier ministre",
    "première ministre", "chef de l'état", "cheffe de l'état", "chef du gouvernement",
    "cheffe du gouvernement", "dictateur", "dirigeant", "dirigeante", "leader", "roi", "reine",
    "émir", "monarque", "prince héritier", "guide suprême", "secrétaire général",
    "secrétaire générale", "chef", "cheffe", "patron", "patronne", "numéro un", "maire",
    "gouverneur", "gouverneure", "commandant en chef", "chef d'état-major",
})
#: leader roles of an organisation, not of a state ("le secrétaire général", "le directeur général")
ORGANISATION_ROLES = frozenset({"secrétaire général", "secrétaire générale", "directeur général",
                                "directrice générale", "directeur", "directrice",
                                "haut représentant", "haute représentante",
                                # military commands lead forces, not the state
                                "commandant en chef", "chef d'état-major", "commandant"})
#: roles of a city, a region or a rank: without a named body, no relation is guessed
LOCAL_ROLES = frozenset({"maire", "gouverneur", "gouverneure", "préfet", "préfète",
                         # a rank says nothing of whose army without a named one
                         "général", "officier", "responsable"})
#: role phrases whose holder belongs to (works for, represents) the state or organisation
MEMBER_ROLES = frozenset({
    "ministre", "représentant", "représentante", "haut représentant", "haute représentante",
    "membre", "porte-parole", "ambassadeur", "ambassadrice", "député", "députée", "sénateur",
    "sénatrice", "diplomate", "conseiller", "conseillère", "commissaire", "envoyé", "envoyée",
    "délégué", "déléguée", "négociateur", "négociatrice", "chef de la diplomatie",
    "cheffe de la diplomatie", "vice-président", "vice-présidente", "responsable",
    "officier", "général", "émissaire", "secrétaire d'état",
})
# --- locatedIn --------------------------------------------------------------------
#: "la ville de X", "la région de X": X is a place, and what follows may contain it
PLACE_HEADS = frozenset({"ville", "région", "oblast", "province", "village", "localité",
                         "capitale", "port", "district", "commune", "département", "land",
                         "canton", "comté", "agglomération", "bourg", "cité", "territoire"})
#: prepositions of containment: "Soumy, en Ukraine", "un village dans la région de Koursk"
CONTAINER_PREPOSITIONS = ("en", "au", "aux", "dans")
#: words that say two places touch, not that one contains the other
BORDER_WORDS = frozenset({"frontalier", "frontalière", "frontaliers", "frontalières",
                          "limitrophe", "limitrophes", "voisin", "voisine", "voisins",
                          "voisines", "près", "proche", "face", "long", "large"})

# --- noun phrases -------------------------------------------------------------------
#: "des milliers de soldats": the actor is in the "de" complement
QUANTITY_NOUNS = frozenset({"millier", "centaine", "dizaine", "vingtaine", "trentaine",
                            "quarantaine", "cinquantaine", "soixantaine", "douzaine",
                            "million", "nombre", "partie", "série", "salve", "vague", "flotte",
                            "groupe", "contingent", "unité", "bataillon", "brigade",
                            "régiment", "division", "détachement", "plupart", "majorité",
                            "total", "quelque"})
#: "les troupes russes", "le gouvernement de X": the group stands for its state
#: facilities whose "de X" names the place hit ("frapper les installations de Natanz")
FACILITY_NOUNS = frozenset({"installation", "site", "base", "infrastructure", "centrale", "usine",
                            "raffinerie", "aéroport", "aérodrome", "dépôt", "port", "entrepôt",
                            "position", "caserne", "pont", "gare", "quartier", "faubourg"})
GROUP_HEADS = frozenset({"soldat", "troupe", "militaire", "armée", "force", "combattant",
                         "gouvernement", "autorité", "dirigeant", "responsable", "diplomate",
                         "régime", "pouvoir", "exécutif", "état-major", "marine", "aviation",
                         "service", "renseignement", "mercenaire", "unité", "pays", "camp",
                         "diplomatie", "administration"})
#: tokens after which a new clause starts (relative pronouns, coordinators after a comma)
CLAUSE_BREAKERS = frozenset({"qui", "que", "qu'", "qu’", "où", "dont", "lequel", "laquelle",
                             "lesquels", "lesquelles", "mais", "tandis", "alors", "car", "si",
                             "lorsque", "quand", "puisque", "bien"})
#: verbs whose subject carries out the strike or attack named by their object
#: ("a mené des frappes sur", "a lancé une offensive contre", "revendique des tirs")
AGENTIVE_VERBS = frozenset({"mener", "lancer", "effectuer", "poursuivre", "intensifier",
                            "multiplier", "revendiquer", "conduire", "reprendre", "déclencher",
                            "opérer", "commettre", "perpétrer", "accentuer"})
#: "dans le nord d'Israël": words between a preposition and the place they locate
DIRECTION_WORDS = frozenset({"nord", "sud", "est", "ouest", "centre", "nord-est", "nord-ouest",
                             "sud-est", "sud-ouest", "cœur", "périphérie", "banlieue",
                             "environs", "région", "frontière", "côte", "partie", "intérieur"})
