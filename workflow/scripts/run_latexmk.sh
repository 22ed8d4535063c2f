#!/usr/bin/env bash
# Compile paper/main.tex against one build's results: run_latexmk.sh RESULTS FIGURES BUILD PDF
# TEXINPUTS puts this build's generated macros and figures first, so a scenario build and
# the default build share the same sources. pdflatex runs without shell-escape.
set -euo pipefail
results=$(realpath "$1"); figures=$(realpath -m "$2"); build=$(realpath -m "$3"); pdf=$4
root=$(pwd)
mkdir -p "$build" "$(dirname "$pdf")"
cd paper
export TEXINPUTS=".:$results:$figures:"
export BIBINPUTS="$root/paper:"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
export FORCE_SOURCE_DATE=1
compile() {
    latexmk -pdf -pdflatex="pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error %O %S" \
        -outdir="$build" -silent main.tex
}
# A build killed mid-run can leave a truncated .aux or .bbl that breaks the next pass:
# on failure, retry once from an empty build directory before reporting the error.
if ! compile; then
    echo "latexmk failed; retrying from a clean $build" >&2
    rm -rf "$build" && mkdir -p "$build"
    compile
fi
cp "$build/main.pdf" "$root/$pdf.tmp"
mv "$root/$pdf.tmp" "$root/$pdf"
