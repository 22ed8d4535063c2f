"""Numeric kernels and pipeline for recomputing Ord (2025), *Inference Scaling Reshapes AI
Governance*.

The package is layered; each layer imports only those listed below it:

- :mod:`.explorer`     -- the assumption explorer (``make explore``)
- :mod:`.review`       -- scenario comparison, review diff, golden files
- :mod:`.publish`      -- number formatting, LaTeX, figures, report pages, arXiv
- :mod:`.uncertainty`  -- sampling, Monte Carlo, Sobol sensitivity
- :mod:`.ledger`       -- claims, verdict rule, conclusions, the essay catalogue
- :mod:`.model`        -- the essay's kernels, by section (pure, vectorised)
- :mod:`.pipeline`     -- configuration, datasets, paths, file output, jobs, build log
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
