"""The claims ledger: what the essay states, what the kernels recompute, and the verdict.

- :mod:`.claims`        -- one small function per claim; builds the ledger records
- :mod:`.verdict_rule`  -- how a statement's form becomes the interval a value must land in
- :mod:`.conclusions`   -- the essay's qualitative conclusions as predicates over claims
- ``essay_claims.yaml`` (the catalogue) and ``essay_inventory.yaml`` (every quantitative
  statement of the essay and the rows that check it)

Imports :mod:`inference_scaling.model` only.
"""
