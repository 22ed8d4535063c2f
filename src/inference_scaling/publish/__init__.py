"""Everything a reader sees: number formatting, LaTeX macros and tables, figures, report
pages and the arXiv bundle. Reads the ledger and the uncertainty results; computes nothing
new.
"""
