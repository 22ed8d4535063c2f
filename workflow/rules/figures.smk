# Every figure is one entry of the registry (src/inference_scaling/publish/figures/registry.py)
# and one job of this rule per build. A job reads only the figure's data files and the
# results it names (input:) and the assumption values it draws (params:), so editing one of
# them redraws only the figures that use it. The package code its draw function imports is an
# input too (figure_code) and its own code a parameter, so a change of drawing code or of a
# kernel redraws exactly the figures that run it. A scenario that leaves a figure's values
# and results at their defaults uses the default build's figure (figure_build).


rule plot_figure:
    """Draw one figure of the registry (the wildcard figure names it)."""
    input:
        unpack(figure_inputs),
    output:
        report(
            out("figures/{figure}.pdf"),
            caption="../report/figure.rst",
            category="Figures",
            labels=lambda w: {"figure": FIGURES[w.figure].title, "build": w.scenario},
        ),
    log:
        log_path("{figure}"),
    benchmark:
        bench_path("{figure}")
    wildcard_constraints:
        figure="|".join(FIGURES),
    conda:
        ENV
    params:
        io=job_files,
        job=figure_job,
        # The report's caption, from the registry: derived from the input files, so
        # Snakemake leaves it out of its params check and a caption edit redraws nothing.
        caption=lambda wildcards, input: FIGURES[wildcards.figure].caption_text(input),
    shell:
        RUN_JOB
