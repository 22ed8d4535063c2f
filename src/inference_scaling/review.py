"""What changed between two builds: claims whose value or verdict moved, figures redrawn.

``python -m inference_scaling.review BASE_ROOT HEAD_ROOT OUT_DIR`` compares
``<root>/results/default/claims.json`` and ``<root>/results/default/figures/*.pdf`` of two
build trees and writes
``claims_changed.md``/``.json`` and ``figures_changed.txt`` into OUT_DIR.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from .io import write_text


def _by_id(root: Path) -> dict[str, dict]:
    ledger = json.loads((root / "results" / "default" / "claims.json").read_text(encoding="utf-8"))
    return {rec["id"]: rec for rec in ledger["claims"]}


def relative_change(before, after):
    """(after - before) / |before| for scalars; the larger end change for pairs; None if
    undefined (a claim added or removed, or a zero before)."""
    if before is None or after is None:
        return None
    if isinstance(before, list):
        changes = [relative_change(b, a) for b, a in zip(before, after, strict=True)]
        changes = [c for c in changes if c is not None]
        return max(changes, key=abs) if changes else None
    return None if before == 0 else (after - before) / abs(before)


def changed_claims(base: Path, head: Path) -> list[dict]:
    """Every claim whose value or verdict differs, or that exists on one side only."""
    old, new = _by_id(base), _by_id(head)
    rows = []
    for cid in sorted(old.keys() | new.keys()):
        b, a = old.get(cid), new.get(cid)
        vb, va = (b or {}).get("value"), (a or {}).get("value")
        db, da = (b or {}).get("verdict", "absent"), (a or {}).get("verdict", "absent")
        if vb != va or db != da:
            rows.append(
                {
                    "id": cid,
                    "before": vb,
                    "after": va,
                    "verdict_before": db,
                    "verdict_after": da,
                    "relative_change": relative_change(vb, va),
                }
            )
    return rows


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed_figures(base: Path, head: Path) -> list[str]:
    """Figure files whose bytes differ (builds are deterministic, so bytes mean content)."""
    old = {p.name: _digest(p) for p in (base / "results" / "default" / "figures").glob("*.pdf")}
    new = {p.name: _digest(p) for p in (head / "results" / "default" / "figures").glob("*.pdf")}
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def _show(x):
    if x is None:
        return "—"
    if isinstance(x, list):
        return "–".join(_show(v) for v in x)
    return f"{x:.6g}"


def main(base, head, out_dir) -> int:
    base, head, out_dir = Path(base), Path(head), Path(out_dir)
    rows = changed_claims(base, head)
    figures = changed_figures(base, head)
    lines = [
        "# Claims changed",
        "",
        "| id | before | after | relative change | verdict |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        rel = "—" if r["relative_change"] is None else f"{100 * r['relative_change']:+.2f}%"
        verdict = (
            r["verdict_after"]
            if r["verdict_before"] == r["verdict_after"]
            else f"{r['verdict_before']} → {r['verdict_after']}"
        )
        lines.append(
            f"| `{r['id']}` | {_show(r['before'])} | {_show(r['after'])} | {rel} | {verdict} |"
        )
    write_text(out_dir / "claims_changed.md", "\n".join(lines) + "\n")
    write_text(out_dir / "claims_changed.json", json.dumps(rows, indent=2, sort_keys=True) + "\n")
    write_text(out_dir / "figures_changed.txt", "".join(f"{f}\n" for f in figures))
    print(f"diff: {len(rows)} claims changed, {len(figures)} figures changed -> {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
