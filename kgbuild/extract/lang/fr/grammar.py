"""French grammar the spaCy models do not give reliably: inflection and the conditional.

The only code of the French language folder; every word list is a data file beside it.
``fr_core_news_md`` tags "pourraient" as indicative and has no demonym inflection, so
these two bits of morphology are computed here, from the data files' stems and endings;
so are the infinitives of verb forms the tagger misreads (``verb_lemmas``, ``participle_infinitive``).
"""

from __future__ import annotations

from typing import Mapping, Sequence

__all__ = ["Grammar"]

_PREFIXES = ("re", "ré", "pré", "dé", "sou", "con", "ob", "main", "sur")


class Grammar:
    """French inflection, the conditional mood and the negation pair "ne ... pas"."""

    def __init__(self, data: Mapping) -> None:
        self._stems: Mapping[str, str] = data["future_stems"]
        self._endings: tuple[str, ...] = tuple(data["conditional_endings"])
        self._irregular: Mapping[str, Sequence[str]] = data["demonym_irregular"]
        self._negation = frozenset(data["negation_words"])

    def inflect(self, base: str) -> tuple[str, ...]:
        """Every form of a masculine singular adjective ("malien" -> malienne, maliens, ...)."""
        if base in self._irregular:
            return (base, *self._irregular[base])
        if base.endswith("e"):
            return (base, base + "s")
        fem = base + "ne" if base.endswith(("en", "on")) else base + "e"  # "malienne", "nord-coréenne"
        plural = base if base.endswith("s") else base + "s"
        return (base, fem, plural, fem + "s")

    def verb_lemmas(self, form: str) -> tuple[str, ...]:
        """Infinitives a present-tense third person or a past participle may belong to
        ("indique" -> "indiquer", "précisent" -> "préciser", "dit" -> "dire", "exigé" ->
        "exiger"), for a verb the tagger took for a noun or an adjective."""
        form = form.lower()
        if form.endswith("ent"):
            form = form[:-2]
        guesses = []
        if form.endswith("e"):
            guesses.append(form + "r")  # indique -> indiquer
        if form.endswith("it"):
            guesses.append(form[:-1] + "re")  # dit -> dire, écrit -> écrire
        if form.endswith("t"):
            guesses.append(form[:-1] + "r")  # avertit -> avertir
        if form.endswith("ant"):  # "les qualifiant de" tagged a noun -> qualifier
            stem = form[:-3]
            guesses.append((stem[:-1] if stem.endswith("ge") else stem[:-1] + "c" if stem.endswith("ç") else stem) + "er")
        if form.endswith("é"):
            guesses.append(form[:-1] + "er")  # a « exigé » -> exiger: a participle the quotes hide
        return tuple(guesses)

    @staticmethod
    def participle_infinitive(low: str) -> str | None:
        """The infinitive of a lower-case past participle of a verb in -er, however inflected
        ("pilonnées" -> "pilonner"), else None."""
        stem = low[:-1] if low.endswith("s") else low
        stem = stem[:-1] if stem.endswith("ée") else stem
        return stem[:-1] + "er" if stem.endswith("é") and len(stem) > 3 else None

    def _future_stem(self, lemma: str) -> str:
        if lemma in self._stems:
            return self._stems[lemma]
        for prefix in _PREFIXES:
            rest = lemma[len(prefix):]
            if lemma.startswith(prefix) and rest in self._stems and rest not in ("être", "avoir"):
                return prefix + self._stems[rest]
        if lemma.endswith("re"):  # prendre -> prendr, dire -> dir
            return lemma[:-1]
        return lemma  # parler -> parler, finir -> finir

    def is_conditional(self, form: str, lemma: str) -> bool:
        """Whether a verb form is in the conditional ("pourraient", "aurait", "signifierait")."""
        form, lemma = form.lower(), lemma.lower()
        for ending in self._endings:
            if form.endswith(ending):
                stem = form[: -len(ending)]
                if not stem.endswith("r"):
                    return False
                if stem == self._future_stem(lemma):
                    return True
                # the lemmatiser gave the form itself or an unknown lemma: trust a future-looking stem
                return lemma == form and stem.endswith(("err", "rr", "dr", "er", "ir"))
        return False

    def negation_of(self, words: Sequence[str]) -> str | None:
        """The negation word of a clause given its adverbs and particles ("ne ... pas" -> "pas").

        ``words`` are the lower-cased dependants of a verb.  "ne" alone (expletive "ne" as in
        "avant que les troupes ne partent") and "pas"/"plus" without "ne" do not count.
        """
        if not any(word in ("ne", "n'", "n’") for word in words):
            return "nullement" if "nullement" in words else None
        for word in words:
            if word in self._negation and word != "non":
                return word
        return None
