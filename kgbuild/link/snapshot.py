"""Moved to :mod:`kgbuild.kb.reader`; kept so older imports keep working."""

from kgbuild.kb.reader import *  # noqa: F401,F403
from kgbuild.kb.reader import __all__  # noqa: F401
