"""Write links.tex: where number links, ledger-table rows and figure captions point."""

import json
import logging
from pathlib import Path

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish import html

log = logging.getLogger(__name__)


def main(smk):
    ledger = json.loads(Path(smk.input.ledger).read_text(encoding="utf-8"))["claims"]
    figures = html.figures_of(smk.params.figures)
    repository = html.repository_code(smk.input.citation)
    text = html.links_tex(
        ledger, figures, smk.params.provenance["commit"], repository, smk.params.html_edition
    )
    write_text(smk.output[0], text)
    log.info(f"links for {len(ledger)} claims and {len(figures)} figures")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
