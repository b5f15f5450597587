"""Speaker clustering of window embeddings: average-linkage agglomerative on cosine distance.

With a known number of speakers the dendrogram is cut into that many clusters; otherwise
at a distance threshold, after which clusters holding too little speech to be a speaker
(embedding noise at overlaps and laughter) are folded into the nearest real one; a count
outside given bounds is then cut to the nearest bound.
"""

from __future__ import annotations

import math

import numpy as np


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def pool(embeddings: np.ndarray, size: int) -> np.ndarray:
    """Means of consecutive groups of `size` rows: fewer points for long recordings."""
    groups = [embeddings[i:i + size].mean(axis=0) for i in range(0, len(embeddings), size)]
    return normalise(np.array(groups))


def nearest(embeddings: np.ndarray, labels: np.ndarray, keep: list[int]) -> np.ndarray:
    """Each row's label among `keep`, by cosine similarity to those clusters' centroids."""
    centroids = normalise(np.array([embeddings[labels == k].mean(axis=0) for k in keep]))
    return np.array(keep)[np.argmax(embeddings @ centroids.T, axis=1)]


def first_seen(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered 0, 1, … in order of first appearance."""
    order: dict[int, int] = {}
    return np.array([order.setdefault(int(x), len(order)) for x in labels], dtype=int)


def cluster(embeddings: np.ndarray, weights: np.ndarray, bounds: tuple[int, int] | None = None,
            threshold: float = 0.3, min_share: float = 0.1, max_points: int = 2000) -> np.ndarray:
    """One speaker label per embedding row (0-based, in order of first appearance).

    `weights` are the seconds of speech each row stands for. `bounds` (fewest, most) limits
    the number of speakers; equal bounds fix it. Estimated freely, a cluster holding less
    than `min_share` of all speech is merged into its nearest neighbour. More than
    `max_points` rows are pooled in consecutive groups first (linkage needs memory
    quadratic in the points), then every row takes its nearest cluster.
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    n = len(embeddings)
    if n == 0:
        return np.zeros(0, dtype=int)
    vectors = normalise(np.asarray(embeddings, dtype=np.float64))
    low, high = bounds or (1, n)
    if n == 1 or high == 1:
        return np.zeros(n, dtype=int)
    size = math.ceil(n / max_points)
    points = pool(vectors, size) if size > 1 else vectors
    tree = linkage(points, method="average", metric="cosine")

    def spread(coarse: np.ndarray) -> np.ndarray:  # pooled labels back to every row
        return coarse if size == 1 else nearest(vectors, np.repeat(coarse, size)[:n], sorted(set(coarse.tolist())))

    def cut(count: int) -> np.ndarray:
        return spread(fcluster(tree, min(count, len(points)), criterion="maxclust"))

    if low == high:
        return first_seen(cut(low))
    labels = spread(fcluster(tree, threshold, criterion="distance"))
    share = {k: float(weights[labels == k].sum()) for k in set(labels.tolist())}
    total = sum(share.values()) or 1.0
    keep = [k for k, s in share.items() if s >= min_share * total] or [max(share, key=share.get)]
    if len(keep) < len(share):
        labels = nearest(vectors, labels, sorted(keep))
    found = len(set(labels.tolist()))
    if not low <= found <= high:
        labels = cut(low if found < low else high)
    return first_seen(labels)


def smooth(labels: np.ndarray, breaks: np.ndarray) -> np.ndarray:
    """A single window whose two neighbours agree takes their label, within one speech region.

    `breaks[i]` is True where window i starts a new speech region.
    """
    out = labels.copy()
    for i in range(1, len(labels) - 1):
        if not breaks[i] and not breaks[i + 1] and labels[i - 1] == labels[i + 1] != labels[i]:
            out[i] = labels[i - 1]
    return out
