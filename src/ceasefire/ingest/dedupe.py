"""Duplicate detection: exact by content hash, near by MinHash over word shingles (datasketch).

Shingles are hashed with CRC-32: fast, stable across processes, and spread well enough by
the affine32 scheme's own pre-mixing.

Two documents are near-duplicates when the estimated Jaccard similarity of their word
3-shingles reaches the threshold: the same article with different page furniture, or lightly
edited, lands well above it, while two reports of the same event in different words stay below.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import cache

import numpy as np

NUM_PERM = 128
SCHEME = "affine32"  # stored signatures are uint32; the scheme is fixed with them
_DTYPE = np.uint32
THRESHOLD = 0.5
_SHINGLE = 3
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and whitespace normalized."""
    normalized = " ".join(text.casefold().split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < _SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + _SHINGLE]).encode("utf-8") for i in range(len(words) - 2)}


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes for storage."""
    from datasketch import MinHash

    minhash = MinHash(
        num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations(), hashfunc=zlib.crc32
    )
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(_DTYPE).tobytes()


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations, built once: building them per document costs more than hashing."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


class NearDuplicateIndex:
    """In-memory LSH over stored signatures: "which earlier document is this one?"."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self.threshold = threshold

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, doc_id: str, sig: bytes) -> None:
        if doc_id in self._signatures:
            return
        values = np.frombuffer(sig, dtype=_DTYPE)
        self._signatures[doc_id] = values
        self._lsh.insert(doc_id, _lean(values))

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def remove(self, doc_id: str) -> None:
        """Forget a document (one that could not be stored after all)."""
        if self._signatures.pop(doc_id, None) is not None:
            self._lsh.remove(doc_id)

    def best_match(self, sig: bytes) -> tuple[str, float] | None:
        """The most similar indexed document at or above the threshold, with its similarity."""
        values = np.frombuffer(sig, dtype=_DTYPE)
        best: tuple[str, float] | None = None
        for candidate in self._lsh.query(_lean(values)):
            similarity = float(np.mean(self._signatures[candidate] == values))
            if similarity < self.threshold:
                continue
            if best is None or (-similarity, candidate) < (-best[1], best[0]):
                best = (candidate, similarity)
        return best


def _lean(values: np.ndarray):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)
