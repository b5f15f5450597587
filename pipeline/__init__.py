"""hush: local-only meeting transcripts with spoken PII/PHI redacted. Nothing leaves the machine."""

import os

# One BLAS thread for NumPy (set before NumPy loads it): Whisper's features are computed with
# NumPy, and OpenBLAS sums in a different order for each thread count, which moved word times
# by 20 ms between `hush run` and a Dask worker (Dask starts its workers with one). With one
# thread the outputs are the same on every machine and executor; it costs nothing measurable
# (the features are a small part of transcription). Set OPENBLAS_NUM_THREADS to override.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
