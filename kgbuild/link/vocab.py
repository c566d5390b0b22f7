"""Moved to :mod:`kgbuild.kb.vocab`; kept so older imports keep working."""

from kgbuild.kb.vocab import *  # noqa: F401,F403
from kgbuild.kb.vocab import __all__  # noqa: F401
