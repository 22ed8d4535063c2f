"""Uncertainty: input distributions, the seeded Monte Carlo and global sensitivity (Sobol).

- :mod:`.sampling`     -- the input model: ranges, joint lifetime shares, growth grid, data errors
- :mod:`.montecarlo`   -- draws of every claim and conclusion, summarised per claim
- :mod:`.sensitivity`  -- Sobol indices with SALib

Imports the ledger, the kernels and :mod:`inference_scaling.pipeline`.
"""
