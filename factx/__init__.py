"""factx: structured, checkable facts from news articles.

Light to import: the spaCy pipeline is built on first use, not at import.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "extract_many", "Article"]


def __getattr__(name: str):
    if name in {"extract", "extract_many", "Article"}:
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
