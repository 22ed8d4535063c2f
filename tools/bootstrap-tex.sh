#!/usr/bin/env bash
# Make sure TeX Live, latexmk, poppler, latexdiff (whose markup needs ulem.sty, from
# texlive-plain-generic) and LaTeXML (the HTML edition) are present; install them with apt
# when allowed.
set -euo pipefail
PACKAGES="texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
texlive-latex-extra texlive-plain-generic latexmk lmodern poppler-utils latexdiff latexml"
STYLES="booktabs.sty longtable.sty xurl.sty cleveref.sty microtype.sty lmodern.sty natbib.sty \
hyperref.sty tikz.sty caption.sty ulem.sty"

missing() {
    for cmd in pdflatex bibtex latexmk kpsewhich pdftotext pdftoppm latexdiff latexmlc; do
        command -v "$cmd" >/dev/null 2>&1 || { echo "$cmd"; return; }
    done
    for sty in $STYLES; do
        [ -n "$(kpsewhich "$sty")" ] || { echo "$sty"; return; }
    done
}

need=$(missing)
[ -z "$need" ] && exit 0
echo "bootstrap: $need not found; installing TeX Live and tools" >&2
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
else
    echo "error: $need is missing and this user cannot install packages. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install --no-install-recommends $PACKAGES" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
need=$(missing)
if [ -n "$need" ]; then
    echo "error: $need still missing after installing: $PACKAGES" >&2
    exit 1
fi
