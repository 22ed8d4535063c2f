"""Training-compute thresholds and inference-scaled "effective" compute.

The essay's rule of thumb: effective OOMs = OOMs of pre-training + r × OOMs of inference,
with exchange rate ``r`` (the essay's ≈ 0.7, plausibly 0.5--1: ``era.exchange_rate`` and its
range in config/assumptions.yaml, which every caller passes). OOM means log10 of FLOP.
Whether a model crosses a threshold is a comparison of effective OOMs with the threshold's
log10 (the conclusions in ``inference_scaling.ledger.conclusions``).
"""

from __future__ import annotations

import numpy as np


def effective_ooms(pretraining_ooms, inference_ooms, exchange_rate):
    """Pre-training-equivalent OOMs of a model with ``inference_ooms`` of extra inference [OOM].

    ``pretraining_ooms`` is log10 of the pre-training compute [log10 FLOP];
    ``inference_ooms`` is log10 of the inference multiplier.
    """
    return np.asarray(pretraining_ooms, dtype=float) + exchange_rate * np.asarray(inference_ooms)


def effective_compute(pretraining_flop, inference_multiplier, exchange_rate):
    """Pre-training-equivalent compute of an inference-scaled model [FLOP]."""
    return 10.0 ** effective_ooms(
        np.log10(pretraining_flop), np.log10(inference_multiplier), exchange_rate
    )


def required_inference_multiplier(pretraining_flop, target_flop, exchange_rate):
    """Inference multiplier that makes a model perform like one pre-trained on ``target_flop``.

    Inverts :func:`effective_compute`: ``10 ** ((log10 target - log10 base) / r)``
    [dimensionless]; below 1 means the model already exceeds the target.
    """
    gap = np.log10(target_flop) - np.log10(pretraining_flop)
    return 10.0 ** (gap / np.asarray(exchange_rate, dtype=float))
