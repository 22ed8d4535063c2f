"""How a ledger record's numbers print, in every output: the style of its value, its value
(with its unit) and its statement and note filled for a target.

The formatting is :mod:`inference_scaling.publish.numbers`; this module knows the ledger's
records (their ``format``, ``unit``, extras, template fields and verdict), so the paper's
macros, the tables, ``claims.md``, the scenario comparison, the HTML edition and the
explorer print one claim the same way. Kept apart from :mod:`.numbers` because choosing a
claim's style reads the verdict rule: code that only formats numbers (a figure's power of
ten) should not depend on the ledger.
"""

from __future__ import annotations

from collections.abc import Mapping

from inference_scaling.publish.numbers import (
    assumption_style,
    extra_style,
    fill,
    prose,
    quantity,
    rounded,
    value,
)


def claim_style(rec: Mapping) -> str:
    """The style a claim's value prints in everywhere: its catalogue format, with more
    significant figures where the printed value would otherwise seem to contradict the
    verdict (5.50077 against "about 5x" prints as 5.501, not 5.5)."""
    from inference_scaling.ledger import verdict_rule
    from inference_scaling.ledger.claims import statement_of

    style = rec["format"]
    if rec.get("essay") is None or rec.get("verdict") == "unchecked":
        return style
    if style in ("pow10", "pct", "pct1", "sci", "int"):
        return style
    stated = statement_of(rec)
    val = rec["value"]
    for candidate in (style, "g3", "g4", "g5", "g6"):
        shown = [rounded(v, candidate) for v in (val if isinstance(val, list) else [val])]
        as_shown = tuple(shown) if isinstance(val, list) else shown[0]
        if (verdict_rule.verdict(as_shown, stated) == "reproduced") == (
            rec["verdict"] == "reproduced"
        ):
            return candidate
    return "g6"


def printed(rec: Mapping, target: str = "text", unit: bool = False) -> str:
    """A ledger record's value as every output prints it (with its unit if ``unit``)."""
    style = claim_style(rec)
    if unit:
        return quantity(rec["value"], style, rec["unit"], target)
    return value(rec["value"], style, target)


def fill_record(rec: Mapping, key: str, target: str = "text") -> str:
    """A ledger record's ``statement`` or ``note`` (``key``) for ``target``: its template
    filled with the record's value (in the style the value prints in everywhere), its
    extras (as their macros print them) and the assumption values it names (as the
    ``\\assume`` macros print them). A record read back from ``claims.json`` has its text
    filled already (plain text); it is returned as it is, typeset for ``target``."""
    if "fields" not in rec:
        return rec[key] if target == "text" else prose(rec[key], target, multipliers=False)
    main = claim_style(rec)

    def style(name, val):
        if name == "value":
            return main
        if "." in name:
            return assumption_style(val, name)
        return extra_style(name, rec["format"])

    fields = {"value": rec["value"], **rec.get("extra", {}), **rec["fields"]}
    return fill(rec[key], fields, style, target)
