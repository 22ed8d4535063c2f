#!/usr/bin/env bash
# Compile paper/main.tex (or paper/$DOC.tex: DOC=supplement) against one build's results:
#   run_latexmk.sh RESULTS BUILD PDF FILE...
# The figures and shared tables (some may be the default build's, shared by a scenario) are
# copied into BUILD/figures, and TEXINPUTS puts those and this build's generated macros first,
# so every scenario compiles the same sources. pdflatex runs without shell-escape.
set -euo pipefail
doc=${DOC:-main}
results=$(realpath "$1"); build=$(realpath -m "$2"); pdf=$3; shift 3
root=$(pwd)
mkdir -p "$build/figures" "$(dirname "$pdf")"
rm -f "$build"/figures/*
cp "$@" "$build/figures/"
cd paper
export TEXINPUTS=".:$build/figures:$results:"
export BIBINPUTS="$root/paper:"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
export FORCE_SOURCE_DATE=1
compile() {
    latexmk -pdf -pdflatex="pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error %O %S" \
        -outdir="$build" -silent "$doc.tex"
}
# A build killed mid-run can leave a truncated .aux or .bbl that breaks the next pass:
# on failure, retry once from an empty build directory before reporting the error.
if ! compile; then
    echo "latexmk failed; retrying from a clean $build" >&2
    find "$build" -mindepth 1 -maxdepth 1 ! -name figures -exec rm -rf {} +
    compile
fi
cp "$build/$doc.pdf" "$root/$pdf.tmp"
mv "$root/$pdf.tmp" "$root/$pdf"
