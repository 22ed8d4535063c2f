#!/usr/bin/env bash
# make diff BASE=<git ref>: build BASE in a temporary worktree, then write into results/diff/
# a latexdiff PDF of the paper, the claims whose value or verdict changed, and the figures
# whose content changed. The working tree is left untouched; the worktree is removed on exit,
# also on failure.
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
tmp=$(mktemp -d)
cleanup() { git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
git worktree add --quiet --detach "$tmp/base" "$base"
echo "diff: building $base ($(git rev-parse --short "$base")) in a temporary worktree" >&2
# The base's own package, not this checkout's, must compute the base's numbers.
(cd "$tmp/base" && PYTHONPATH="$tmp/base/src" "$venv/snakemake" paper/main.pdf --cores 2)
"$venv/snakemake" paper/main.pdf --cores 2
out="$root/results/diff"
rm -rf "$out" && mkdir -p "$out"
"$venv/python" -m inference_scaling.review "$tmp/base" "$root" "$out"
# Marked-up paper: sources diffed, numbers from this build's macros.
latexdiff --flatten "$tmp/base/paper/main.tex" "$root/paper/main.tex" > "$tmp/diff.tex" 2>/dev/null
cp "$tmp/diff.tex" "$root/paper/.diff-main.tex"
trap 'rm -f "$root/paper/.diff-main.tex"; cleanup' EXIT
(cd "$root/paper" && TEXINPUTS=".:$root/results/default:$root/build/latex/default/figures:" BIBINPUTS="$root/paper:" \
    latexmk -pdf -silent -outdir="$tmp/latex" .diff-main.tex >/dev/null 2>&1) \
    && cp "$tmp/latex/.diff-main.pdf" "$out/paper-diff.pdf" \
    || echo "diff: latexdiff PDF did not compile; see $out/paper-diff.tex" >&2
cp "$tmp/diff.tex" "$out/paper-diff.tex"
echo "diff: results/diff/{claims_changed.md,figures_changed.txt,paper-diff.pdf}" >&2
