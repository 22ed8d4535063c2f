#!/usr/bin/env bash
# make diff BASE=<git ref>: what a commit range changes for a reader.
# Builds BASE in a temporary git worktree with its own code, assumptions and macros, builds
# the working tree as it is, then (src/inference_scaling/review/diff.py) writes into results/diff/:
# claims_changed.md, figures_changed.txt with a before|after PNG per changed figure,
# paper-diff.pdf (latexdiff of both papers flattened, numbers expanded) and summary.md.
# The working tree's sources are left untouched and the worktree is removed on exit, also on
# failure. Exits non-zero, with the latexmk log's tail, when the marked-up paper does not
# compile.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
base=${1:-}
if [ -z "$base" ]; then
    base=$(git rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null || echo HEAD~1)
fi
git rev-parse --verify --quiet "$base^{commit}" >/dev/null || {
    echo "error: diff: '$base' is not a commit" >&2; exit 2; }
venv=${VENV_BIN:-"$root/.venv/bin"}
cores=${CORES:-2}
# What to build on each side: the paper pulls in the ledger, the macros and every figure.
targets=${DIFF_TARGETS:-paper/main.pdf}
short=$(git rev-parse --short "$base")
tmp=$(mktemp -d)
cleanup() { git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
git worktree add --quiet --detach "$tmp/base" "$base"

echo "diff: building $base ($short) in a temporary worktree" >&2
# The base's own package, not this checkout's, must compute the base's numbers.
# shellcheck disable=SC2086
(cd "$tmp/base" && SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) PYTHONPATH="$tmp/base/src" \
    "$venv/snakemake" $targets --cores "$cores" --quiet rules) >&2 || {
    echo "error: diff: the build of $base failed" >&2; exit 1; }
echo "diff: building the working tree" >&2
# Likewise this checkout's package, whichever checkout the venv was installed from.
export PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}"
# shellcheck disable=SC2086
"$venv/snakemake" $targets --cores "$cores" --rerun-incomplete --quiet rules >&2 || {
    echo "error: diff: the build of the working tree failed" >&2; exit 1; }

out="$root/results/diff"
rm -rf "$out"
"$venv/python" -m inference_scaling.review.diff --base "$tmp/base" --head "$root" --out "$out" \
    --base-name "$base ($short)" --head-name "the working tree ($(git rev-parse --short HEAD))"
