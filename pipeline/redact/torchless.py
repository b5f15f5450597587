"""Load spaCy and Presidio with their optional torch support switched off.

Both reach for torch whenever it is installed, which it is with the ``hush[diarize]``
extra: spaCy's machine-learning layer (thinc) imports it, Presidio's Hugging Face
recognizer module imports it, and Presidio's device detector imports it and probes CUDA. That cost every hush process about 2 s and 200 MB (measured:
``import spacy`` 2.8 s vs 0.9 s), though hush's spaCy pipeline (en_core_web_sm) runs on
thinc's NumPy ops on the CPU and never uses torch. So spaCy and Presidio's recognizers are
imported once here while ``import torch`` fails, and Presidio is told its device (``PRESIDIO_DEVICE=cpu``);
afterwards torch imports normally for the diarizer.
"""

from __future__ import annotations

import os
import sys


def load_nlp_without_torch() -> None:
    """Import spaCy (with thinc) and Presidio's recognizers so that they see no torch, and pin
    Presidio to the CPU. A no-op for the imports once torch is loaded."""
    os.environ["PRESIDIO_DEVICE"] = "cpu"
    if "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import spacy  # noqa: F401
        import presidio_analyzer.predefined_recognizers  # noqa: F401
    finally:
        if sys.modules.get("torch", ...) is None:
            del sys.modules["torch"]
