#!/usr/bin/env bash
# Writes a design's generated project to DIR and runs the real Python toolchain on it.
# usage: lib/generator/dev/python-checks.sh DESIGN DIR [DATABASE_URL]
#   DESIGN: blog | todo | shop | self-relation | through-entity | types-and-defaults
#   Needs ruff, mypy, alembic and pytest on PATH (e.g. PATH=/tmp/pyprobe/bin:$PATH).
set -euo pipefail
design=$1 dir=$2
root=$(cd "$(dirname "$0")/../../.." && pwd)
(cd "$root" && npx tsx lib/generator/dev/write-project.ts "$design" "$dir" >/dev/null)
cd "$dir"
if [[ -n "${3:-}" ]]; then export DATABASE_URL=$3; else rm -f app.db; fi
ruff format --check .
ruff check .
mypy app tests
alembic upgrade head && alembic check && alembic downgrade base
pytest -q -p no:warnings
