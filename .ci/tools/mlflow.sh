#!/usr/bin/env bash
# MLflow tracking server, the ingestion reference of the benchmark suite (bench/, docs/performance.md),
# in its own virtualenv so its many pinned dependencies never meet the check tools'. Pinned; re-runs
# only when the pins below change. The benchmark finds it at ~/.decision-ledger/tools/bin/mlflow.
set -euo pipefail
root="$HOME/.decision-ledger/tools"
venv="$root/mlflow-venv"
pins="mlflow==3.17.2 psycopg2-binary==2.9.13"
stamp="$root/mlflow.pins"
if [ -x "$venv/bin/mlflow" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$pins" ]; then
  echo "mlflow up to date"
else
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  # shellcheck disable=SC2086
  "$venv/bin/pip" install --quiet $pins
  echo "$pins" > "$stamp"
fi
mkdir -p "$root/bin"
ln -sf "$venv/bin/mlflow" "$root/bin/mlflow"
