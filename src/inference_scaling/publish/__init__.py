"""Everything a reader sees: number formatting, tables, LaTeX macros, figures, report pages
and the arXiv bundle. Reads the ledger and the uncertainty results; computes nothing new.

- :mod:`.numbers`            -- the one number formatter (LaTeX, plain text, HTML)
- :mod:`.tables`             -- the one table model (LaTeX longtable, Markdown, HTML) and pages
- :mod:`.latex`              -- the paper's generated macros (claims, assumptions, facts, counts)
- :mod:`.ledger_pages`       -- the ledger table, ``claims.md``, the ledger's text, the growth grid
- :mod:`.uncertainty_pages`  -- the Monte Carlo and Sobol tables and macros
- :mod:`.report_pages`       -- standalone HTML pages for the Snakemake report
- :mod:`.figures`, :mod:`.arxiv`

Imports go down the list and never back: ``numbers`` <- ``tables`` <- ``latex`` <-
``ledger_pages``, ``uncertainty_pages`` (``tests/test_layers.py`` checks for circles).
"""
