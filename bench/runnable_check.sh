#!/bin/sh
# Out-of-the-box check of the packages nb2prod makes from the runnable corpus (issue 12's "done means").
#
# For every notebook of CORPUS/RUNNABLE.txt: `nb2prod extract` into OUT/<name>; the generated tests run twice
# (the first run records the snapshots, the second compares with them); tests/test_pipeline.py runs again with
# the notebook's own data (<PKG>_DATA_ROOT = the notebook's folder), so the results the notebook showed are
# compared; `python -m <pkg>` runs on that data and its run.json is read. One line per notebook in
# OUT/results.tsv: name, exit codes of the four runs, run.json "status inputs artifacts drift", schedule files,
# and the pytest summaries.
#
#   bench/runnable_check.sh [CORPUS] [OUT] [PYTHON]   (defaults: ../shared/corpus /tmp/nb2prod-runnable python3)
set -u
CORPUS=${1:-../shared/corpus}
OUT=${2:-/tmp/nb2prod-runnable}
PY=${3:-python3}
NB2PROD=$(cd "$(dirname "$0")/.." && pwd)/nb2prod
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"
cut -f1 "$CORPUS/RUNNABLE.txt" | while read -r nb; do
  name=$(printf '%s' "$nb" | tr '/+' '__' | sed 's/\.ipynb$//')
  dir="$OUT/$name"
  rm -rf "$dir"
  if ! "$NB2PROD" extract "$CORPUS/$nb" -o "$dir" > "$OUT/$name.extract" 2>&1; then
    printf '%s\trefused\n' "$name" >> "$RESULTS"
    continue
  fi
  pkg=$(ls "$dir/src" | head -1)
  env_root=$(printf '%s' "$pkg" | tr 'a-z' 'A-Z')_DATA_ROOT
  data=$(cd "$(dirname "$CORPUS/$nb")" && pwd)
  (cd "$dir" && MPLBACKEND=Agg "$PY" -m pytest -q -p no:cacheprovider > "$OUT/$name.first" 2>&1); r1=$?
  (cd "$dir" && MPLBACKEND=Agg "$PY" -m pytest -q -p no:cacheprovider > "$OUT/$name.second" 2>&1); r2=$?
  (cd "$dir" && env "$env_root=$data" MPLBACKEND=Agg "$PY" -m pytest -q -p no:cacheprovider -rs \
    tests/test_pipeline.py > "$OUT/$name.shown" 2>&1); r3=$?
  (cd "$dir" && env "$env_root=$data" PYTHONPATH=src MPLBACKEND=Agg "$PY" -m "$pkg" > "$OUT/$name.run" 2>&1); r4=$?
  record=$(ls "$dir"/runs/*/run.json 2>/dev/null | head -1)
  summary=$("$PY" -c "import json, sys; d = json.load(open(sys.argv[1])); print(d['status'], len(d['inputs']), \
len(d['artifacts']), d['drift'].get('status'))" "$record" 2>/dev/null)
  schedule=$(cd "$dir" && ls -d schedule pipelines Makefile .github 2>/dev/null | tr '\n' '+')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$r1" "$r2" "$r3" "$r4" "$summary" "$schedule" \
    "$(tail -1 "$OUT/$name.second")" "$(tail -1 "$OUT/$name.shown")" >> "$RESULTS"
done
echo "results: $RESULTS"
