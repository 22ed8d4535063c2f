#!/usr/bin/env bash
# make diff BASE=<git ref>: what a commit range changes for a reader.
# Builds BASE from a snapshot of that commit (its own code, assumptions and macros), builds
# the working tree as it is, then (src/inference_scaling/review/diff.py) writes into
# results/diff/: claims_changed.md, figures_changed.txt with a before|after PNG per changed
# figure, paper-diff.pdf (latexdiff of both papers flattened, numbers expanded), summary.md
# and diff.log, the full log of both builds. The terminal gets the summary paragraph.
#
# The base build is cached in .cache/review/<commit>-<uv.lock hash>/ (gitignored): a
# commit built once with one environment is never built again; a cached build that did not
# finish is resumed. A clean working tree's own build is kept the same way, as its commit's.
# The working tree's sources are never touched. Exits non-zero, with the
# log's tail, when a build fails or the marked-up paper does not compile.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
base=${1:-}
if [ -z "$base" ]; then
    base=$(git rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null || echo HEAD~1)
fi
commit=$(git rev-parse --verify --quiet "$base^{commit}") || {
    echo "error: diff: '$base' is not a commit" >&2; exit 2; }
venv=${VENV_BIN:-"$root/.venv/bin"}
cores=${CORES:-2}
# What to build on each side: the paper pulls in the ledger, the macros and every figure.
targets=${DIFF_TARGETS:-paper/main.pdf}
short=$(git rev-parse --short "$commit")
out="$root/results/diff"
log="$out/diff.log"
rm -rf "$out"
mkdir -p "$out"

fail() {
    echo "error: diff: $1; the last lines of $(realpath --relative-to="$root" "$log"):" >&2
    tail -n 20 "$log" >&2
    exit 1
}

# The key: the commit, and the environment that builds it (this checkout's lock file).
lock=$(sha256sum uv.lock | cut -c1-12)
# Snakemake's source cache stays in the project (as in tools/run-snakemake.sh).
export XDG_CACHE_HOME="$root/.cache"
cache="$root/.cache/review/${commit:0:12}-$lock"
if [ ! -d "$cache" ]; then
    rm -rf "$cache.partial"
    mkdir -p "$cache.partial"
    git archive "$commit" | tar -x -C "$cache.partial"
    mv "$cache.partial" "$cache"
fi
rel_cache=$(realpath --relative-to="$root" "$cache")
# One diff at a time builds a given base; a killed one leaves Snakemake's lock behind.
exec 8>"$cache.lock"
flock -n 8 || { echo "error: diff: another make diff is building $rel_cache" >&2; exit 1; }
rm -rf "$cache/.snakemake/locks"
if [ "$(cat "$cache/.diff-built" 2>/dev/null)" = "$targets" ]; then
    echo "diff: $base ($short): reusing its build in $rel_cache" | tee -a "$log" >&2
else
    echo "diff: $base ($short): building it in $rel_cache (log: results/diff/diff.log)" |
        tee -a "$log" >&2
    # The base's own package, not this checkout's, computes the base's numbers; git must not
    # find this checkout's repository around the snapshot (the base's provenance then names
    # no commit: the diff never compares provenance).
    # shellcheck disable=SC2086
    (cd "$cache" && SOURCE_DATE_EPOCH=$(git log -1 --format=%ct "$commit") \
        PYTHONPATH="$cache/src" GIT_CEILING_DIRECTORIES="$root/.cache/review" \
        "$venv/snakemake" $targets --cores "$cores" --rerun-incomplete) >>"$log" 2>&1 ||
        fail "the build of $base failed"
    echo "$targets" >"$cache/.diff-built"
fi

echo "diff: building the working tree" | tee -a "$log" >&2
# Likewise this checkout's package, whichever checkout the venv was installed from.
export PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}"
# shellcheck disable=SC2086
"$venv/snakemake" $targets --cores "$cores" --rerun-incomplete >>"$log" 2>&1 ||
    fail "the build of the working tree failed"

# A clean working tree is its commit: its build becomes that commit's cached base build, so
# the next commit's `make diff` (whose base this commit usually is) builds only its own side.
head=$(git rev-parse HEAD)
head_cache="$root/.cache/review/${head:0:12}-$lock"
if [ -z "$(git status --porcelain)" ] && [ ! -d "$head_cache" ]; then
    rm -rf "$head_cache.partial"
    mkdir -p "$head_cache.partial/.snakemake"
    git archive "$head" | tar -x -C "$head_cache.partial"
    cp -a results build "$head_cache.partial/"
    for pdf in paper/*.pdf; do
        if [ -e "$pdf" ]; then cp -a "$pdf" "$head_cache.partial/paper/"; fi
    done
    cp -a .snakemake/metadata "$head_cache.partial/.snakemake/"
    echo "$targets" >"$head_cache.partial/.diff-built"
    mv "$head_cache.partial" "$head_cache"
    echo "diff: kept the working tree's build as $(git rev-parse --short HEAD)'s in" \
        "$(realpath --relative-to="$root" "$head_cache")" >>"$log"
fi

"$venv/python" -m inference_scaling.review.diff --base "$cache" --head "$root" --out "$out" \
    --base-name "$base ($short)" --head-name "the working tree ($(git rev-parse --short HEAD))" \
    2>>"$log" | tee -a "$log" || fail "comparing the builds failed"
