"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

import re
from functools import cache

_SAMPLE_CHARS = 1000  # enough for a sure guess; the classifier's cost grows with the sample
_LETTERS = re.compile(r"[^\W\d_]")


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTERS.findall(sample, 0, 200)) < 3 and len(_LETTERS.findall(sample)) < 3:
        return None
    language, _probability = _identifier().classify(sample)
    return language
