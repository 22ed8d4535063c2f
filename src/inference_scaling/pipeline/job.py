"""Run one workflow script as a Snakemake job, without Snakemake's script preamble.

    python -m inference_scaling.pipeline.job LOG SPEC [FILES]

``SPEC`` is the JSON a rule's ``params.job`` holds (see ``job()`` in workflow/rules/common.smk):
the script, the job's params and wildcards; ``FILES`` (``params.io``) its input and output,
names kept. Both may also be one JSON object. The script runs as
``__main__`` with a ``snakemake`` object that offers the same ``input``, ``output``,
``params``, ``wildcards`` and ``log`` as Snakemake's own, so it also runs under ``script:``.

What it saves, measured (Snakemake 9.27, CPU time user+sys of the job's process, median of
15-30 runs on 2 loaded cores): ``script:``'s preamble, which unpickles Snakemake's objects
and so imports ``snakemake``, takes 0.145 s for an empty script against 0.061 s here; for a
real job (plot_o1_aime, which imports numpy and matplotlib anyway) 1.106 s against 1.073 s.
So about 0.03-0.08 s per job, 1-3 % of a figure job: far less than the 0.5 s it saved when
Snakemake's import was slow, but still a saving, and the job's traceback lands in its log.

Everything the script logs through :mod:`logging`, and the traceback of an uncaught
exception, goes to ``LOG``, the rule's ``log:`` file, which Snakemake shows when a job fails.
"""

from __future__ import annotations

import json
import logging
import runpy
import sys
import traceback
from pathlib import Path


class Namedlist(list):
    """A list whose named items are also attributes, like Snakemake's ``input``/``output``."""

    def __init__(self, items=(), names=None):
        super().__init__(items)
        for name, value in (names or {}).items():
            setattr(self, name, value)

    def __getitem__(self, key):
        if isinstance(key, str):
            return getattr(self, key)
        return super().__getitem__(key)


class Job:
    """What a script sees as ``snakemake``."""

    def __init__(self, spec: dict, log: str):
        self.script = spec["script"]
        self.rule = spec.get("rule", "")
        self.input = Namedlist(spec["input"]["items"], spec["input"]["names"])
        self.output = Namedlist(spec["output"]["items"], spec["output"]["names"])
        self.params = Namedlist(spec["params"].values(), spec["params"])
        self.wildcards = Namedlist(spec["wildcards"].values(), spec["wildcards"])
        self.log = Namedlist([log])


def setup_logging(path) -> None:
    """Send the root logger to ``path`` (appending) and route uncaught exceptions there."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    for noisy in ("matplotlib", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    def excepthook(kind, value, tb):
        logging.getLogger("job").error(
            "job failed:\n%s", "".join(traceback.format_exception(kind, value, tb)).rstrip()
        )
        sys.__excepthook__(kind, value, tb)

    sys.excepthook = excepthook


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print(
            "usage: python -m inference_scaling.pipeline.job LOG SPEC_JSON [FILES_JSON]",
            file=sys.stderr,
        )
        return 2
    log, spec = args[0], json.loads(args[1])
    if len(args) == 3:
        spec.update(json.loads(args[2]))
    setup_logging(log)
    job = Job(spec, log)
    runpy.run_path(spec["script"], init_globals={"snakemake": job}, run_name="__main__")
    for path in map(Path, job.output):
        size = f"{path.stat().st_size} bytes" if path.is_file() else "missing"
        logging.getLogger("job").info("wrote %s (%s)", path, size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
