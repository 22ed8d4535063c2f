"""Mutation score of the kernels from a finished `mutmut run` (make mutation).

    .venv/bin/python tools/mutation_score.py

Reads `mutmut results --all true`, counts per module the mutants the tests killed (a
timeout counts as killed: the mutant changed behaviour enough to hang a test), and the
survivors judged equivalent in tests/mutation_survivors.md (lines starting with
"- `<mutant name>`"). Prints the table with the date and writes it between the mutation
markers of README.md, so the README shows the last measurement, never typed numbers. The
bug corpus's score (tools/bug_corpus.py, build/bug_corpus.json) goes between its own
markers, rewritten here too, so `make mutation` leaves both scores with their dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = str(Path(sys.executable).parent / "mutmut")
START, END = "<!-- mutation:start -->", "<!-- mutation:end -->"
DETECTED = {"killed", "timeout"}


def statuses() -> dict[str, str]:
    out = subprocess.run(
        [MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return dict(re.findall(r"^\s+(\S+): (.+)$", out, flags=re.M))


def equivalent() -> set[str]:
    path = ROOT / "tests" / "mutation_survivors.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return set(re.findall(r"^- `([^`]+)`", text, flags=re.M))


def module_of(mutant: str) -> str:
    """``inference_scaling.publish.numbers.x_fill__mutmut_13`` -> ``numbers``: the module
    holding the mutated function (the name's last dotted part is the function)."""
    return mutant.rsplit(".", 1)[0].rsplit(".", 1)[-1]


def table(status: dict[str, str], equiv: set[str]) -> str:
    per: dict[str, Counter] = defaultdict(Counter)
    for name, s in status.items():
        c = per[module_of(name)]
        if s == "not checked":  # not run (e.g. `mutmut run` limited to some modules)
            c["not run"] += 1
            continue
        c["total"] += 1
        c["killed"] += s in DETECTED
        c["equivalent"] += s not in DETECTED and name in equiv
    head = "| module | mutants run | killed | equivalent survivors | other survivors | score |"
    rows = [head + " not run |"]
    rows.append("|---|---|---|---|---|---|---|")
    total = Counter()
    for mod in sorted(per):
        c = per[mod]
        total.update(c)
        rows.append(_row(mod, c))
    rows.append(_row("**all modules**", total))
    today = dt.datetime.now(dt.UTC).date().isoformat()
    return (
        "\n".join(rows)
        + "\n\nScore = killed / (mutants − equivalent survivors). Measured by `make mutation` "
        + f"on {today}.\n"
    )


def _row(name: str, c: Counter) -> str:
    other = c["total"] - c["killed"] - c["equivalent"]
    score = f"{c['killed'] / (c['total'] - c['equivalent']):.1%}" if c["total"] else "—"
    cells = [name, c["total"], c["killed"], c["equivalent"], other, score, c["not run"]]
    return "| " + " | ".join(str(x) for x in cells) + " |"


def main() -> None:
    text = table(statuses(), equivalent())
    print(text)
    corpus_result = ROOT / "build" / "bug_corpus.json"
    if corpus_result.exists():
        sys.path.insert(0, str(ROOT / "tools"))
        import bug_corpus

        corpus_text = bug_corpus.score_table(json.loads(corpus_result.read_text("utf-8")))
        print(corpus_text)
        bug_corpus.write_readme(corpus_text)
    readme = ROOT / "README.md"
    body = readme.read_text(encoding="utf-8")
    start, end = body.find(START), body.find(END)
    if start >= 0 and end > start:
        start += len(START)
        readme.write_text(body[:start] + "\n" + text + body[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
