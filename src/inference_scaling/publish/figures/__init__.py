"""Figures of the companion paper: one pure-ish function per figure (data in, Figure out).

Each function takes plain arrays, dicts and numbers (read by the thin scripts in
``workflow/scripts/plot_*.py``) and returns a :class:`matplotlib.figure.Figure`;
:func:`inference_scaling.publish.figures.style.save_pdf` writes it deterministically.
Importing this package imports matplotlib (with the non-interactive Agg backend).
"""
