#!/usr/bin/env bash
# Run this checkout's Snakemake so that a build killed by any means (Ctrl-C, SIGKILL, power
# loss) can simply be started again:
# - flock holds .snakemake/make.lock while Snakemake runs; the kernel drops it when the
#   process dies, so a second concurrent build is refused but a dead one never blocks;
# - holding that lock, no build started through this script is running, so Snakemake's own
#   lock files left by a killed run are stale and are removed (a killed Snakemake never
#   releases them, and would otherwise demand `snakemake --unlock`);
# - the default profile (profiles/default) re-runs every job whose outputs were being
#   written when it died (rerun-incomplete);
# - Ctrl-C prints one line: the logger plugin prints "interrupted; run `make` to resume"
#   instead of the stopped jobs' errors, and under make this script then exits 0, because
#   make, which the terminal interrupted too, stops by itself; a failure exit would add
#   make's own "*** [Makefile:NN: all] Error 1".
set -euo pipefail
mkdir -p .snakemake
exec 9>.snakemake/make.lock
if ! flock -n 9; then
    echo "error: another build is running in $(pwd) (.snakemake/make.lock is held); wait for it" >&2
    exit 1
fi
rm -rf .snakemake/locks
# Snakemake keeps its source cache under $XDG_CACHE_HOME (default ~/.cache): keep it in the
# project too (the Snakefile points the jobs' Jupyter, IPython and matplotlib there).
export XDG_CACHE_HOME="$PWD/.cache"
interrupted=0
trap 'interrupted=1' INT
status=0
"${VENV:-.venv}/bin/snakemake" "$@" || status=$?
if [ "$status" != 0 ] && [ "$interrupted" = 1 ]; then
    [ -n "${MAKELEVEL:-}" ] && exit 0
    trap - INT
    kill -INT $$
fi
exit "$status"
