#!/usr/bin/env bash
# Installs the Python-packaged check tools into a private virtualenv and links their commands into
# ~/.decision-ledger/tools/bin. Re-runs only when .ci/requirements.txt changed.
set -euo pipefail
root="$HOME/.decision-ledger/tools"
venv="$root/venv"
stamp="$root/requirements.sha256"
want=$(sha256sum .ci/requirements.txt | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "python tools up to date"
else
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet -r .ci/requirements.txt
  echo "$want" > "$stamp"
fi
mkdir -p "$root/bin"
for cmd in checkov kubernetes-validate actionlint hadolint; do
  if [ -x "$venv/bin/$cmd" ]; then ln -sf "$venv/bin/$cmd" "$root/bin/$cmd"; fi
done
