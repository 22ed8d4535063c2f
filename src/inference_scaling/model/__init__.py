"""The essay's arithmetic, by section: pure, numpy-vectorised kernels (scalars and arrays
broadcast alike), units in each docstring. Nothing here reads files or imports another layer.

- :mod:`.era`         -- the end of the pre-training era: growth fits, the exchange rate
- :mod:`.deployment`  -- scaling inference at deployment: copies, speed, cost, tailoring
- :mod:`.thresholds`  -- training-compute thresholds and effective compute
- :mod:`.ida`         -- iterated distillation and amplification (AlphaGo Zero), Elo
- :mod:`.lifetime`    -- the appendix: lifetime compute, crossover, cost multipliers
"""
