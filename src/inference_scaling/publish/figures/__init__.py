"""Figures of the companion paper: one pure-ish function per figure (data in, Figure out).

Each drawing function (``essay``, ``model``, ``growth``, ``uncertainty``) takes plain
arrays, dicts and numbers and returns a :class:`matplotlib.figure.Figure`;
:func:`inference_scaling.publish.figures.style.save_pdf` writes it deterministically. The
registry (:mod:`.registry`) lists every figure once: what it reads, the small function that
reads it and calls the drawing function, and its caption. Importing a drawing module imports
matplotlib (with the non-interactive Agg backend); the registry imports nothing heavy.
"""
