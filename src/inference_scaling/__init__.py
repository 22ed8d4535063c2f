"""Numeric kernels and pipeline helpers for recomputing Ord (2025), *Inference Scaling
Reshapes AI Governance*.

Modules follow the essay:

- :mod:`.era`          -- the end of the pre-training era: growth fits, the exchange rate
- :mod:`.deployment`   -- scaling inference-at-deployment: copies, speed, cost, tailoring
- :mod:`.thresholds`   -- training-compute thresholds and effective compute
- :mod:`.ida`          -- iterated distillation and amplification (AlphaGo Zero), Elo
- :mod:`.lifetime`     -- the appendix: lifetime compute, crossover, cost multipliers
- :mod:`.claims`       -- the claims ledger built from the kernels above

Every kernel is pure and numpy-vectorised: scalars and arrays broadcast alike.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
