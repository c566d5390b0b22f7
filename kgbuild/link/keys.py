"""Moved to :mod:`kgbuild.kb.keys`; kept so older imports keep working."""

from kgbuild.kb.keys import *  # noqa: F401,F403
from kgbuild.kb.keys import __all__  # noqa: F401
