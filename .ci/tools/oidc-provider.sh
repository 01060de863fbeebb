#!/usr/bin/env bash
# A real OpenID Connect provider for the sign-in integration test (security/OidcSignInIT): the PyPI
# package oidc-provider-mock (authorization code flow, discovery, JWKS, end-session), in its own
# virtualenv. Pinned; re-runs only when the pin changes. The test finds it at
# ~/.decision-ledger/tools/bin/oidc-provider-mock and fails under CI=true when it is missing.
set -euo pipefail
root="$HOME/.decision-ledger/tools"
venv="$root/oidc-provider-venv"
pins="oidc-provider-mock==0.3.4"
stamp="$root/oidc-provider.pins"
if [ -x "$venv/bin/oidc-provider-mock" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$pins" ]; then
  echo "oidc-provider-mock up to date"
else
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  # shellcheck disable=SC2086
  "$venv/bin/pip" install --quiet $pins
  echo "$pins" > "$stamp"
fi
mkdir -p "$root/bin"
ln -sf "$venv/bin/oidc-provider-mock" "$root/bin/oidc-provider-mock"
