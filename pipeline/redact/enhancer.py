"""Presidio's context enhancement, where hush's spaCy pipeline gives no lemmas to enhance with."""

from __future__ import annotations

from presidio_analyzer import PatternRecognizer
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer


class LemmaGatedEnhancer(LemmaContextAwareEnhancer):
    """Presidio's `LemmaContextAwareEnhancer`, skipped when no text has a lemma.

    The enhancer raises a result's score when one of its recognizer's context words is among
    the lemmas around it. hush's spaCy pipeline has no lemmatizer, so every lemma is "" and no
    context word can match, yet the enhancer still copied every result and walked the tokens
    for each result of a recognizer with context words (0.8 s of 7 s on 10,000 words of
    nursing notes). It runs as before whenever there is a lemma or a caller's context.
    """

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        """Presidio's enhancement, or the results unchanged where it would leave them so."""
        if not context and nlp_artifacts is not None and not any(nlp_artifacts.lemmas) \
                and all(word for recognizer in recognizers for word in recognizer.context or ()):
            return list(raw_results)
        return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)


def below_threshold(recognizer, threshold: float) -> bool:
    """Whether none of a pattern recognizer's results can reach `threshold` without lemmas.

    True when every pattern scores below it and nothing raises a match's score: no validation
    (a valid checksum gives 1.0) and no context enhancement, which needs lemmas. Presidio's
    US driver's licence (0.3 at most), passport (0.1) and bank number (0.05) recognizers are
    such: their results were always dropped by the threshold, after a regex pass over the text.
    """
    cls = type(recognizer)
    return isinstance(recognizer, PatternRecognizer) and bool(recognizer.patterns) \
        and cls.validate_result is PatternRecognizer.validate_result \
        and cls.enhance_using_context is PatternRecognizer.enhance_using_context \
        and max(pattern.score for pattern in recognizer.patterns) < threshold
