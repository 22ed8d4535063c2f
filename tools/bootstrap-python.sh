#!/usr/bin/env bash
# Create .venv from the pinned lock file (uv.lock) with the system Python (>= 3.11).
# uv is taken from PATH, else installed once into .tools/ from PyPI.
set -euo pipefail
UV_VERSION=0.13.8
cd "$(dirname "$0")/.."
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "error: python3 >= 3.11 is required (found: $(python3 --version 2>&1 || echo none))" >&2
    exit 1
fi
if command -v uv >/dev/null 2>&1; then
    uv=uv
else
    if [ ! -x .tools/bin/uv ]; then
        echo "bootstrap: installing uv $UV_VERSION into .tools/" >&2
        python3 -m venv .tools
        .tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
    fi
    uv=.tools/bin/uv
fi
export UV_PYTHON_DOWNLOADS=never
# Extra arguments select optional groups, e.g. `tools/bootstrap-python.sh --group slurm`.
# Bytecode is compiled at install: where PYTHONDONTWRITEBYTECODE is set, every process would
# otherwise compile Snakemake, numpy and matplotlib from source at each start.
"$uv" sync --frozen --python python3 --quiet --compile-bytecode "$@"
