"""The assumption explorer: one page of sliders that recomputes the ledger, the conclusions
and two figures with the pipeline's own functions (``make explore``).
"""
