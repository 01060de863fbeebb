#!/usr/bin/env bash
# Builds the Go-packaged check tools from the Go module proxy into ~/.decision-ledger/tools/bin:
# OpenTofu (tofu fmt for terraform/), tflint (bundled terraform ruleset) and actionlint.
# Idempotent: a tool is rebuilt only when its pinned version changes. Cold: several minutes
# (OpenTofu dominates); warm: well under a second.
set -euo pipefail
cd "$(dirname "$0")/../.."

TOFU_VERSION=v1.12.6        # keep in step with .ci/tools/go/tofu/go.mod
TFLINT_VERSION=v0.61.0
ACTIONLINT_VERSION=v1.7.12

bin="$HOME/.decision-ledger/tools/bin"
stamps="$HOME/.decision-ledger/tools/go-stamps"
mkdir -p "$bin" "$stamps"

if ! command -v go > /dev/null; then
  echo "go is not installed: the checks that need tofu, tflint and actionlint will fail in CI" >&2
  exit 1
fi

export GOBIN="$bin"
export GOFLAGS="${GOFLAGS:-} -trimpath"

# install NAME VERSION COMMAND...: runs COMMAND unless NAME at VERSION is already installed.
install() {
  local name=$1 version=$2
  shift 2
  if [ -x "$bin/$name" ] && [ "$(cat "$stamps/$name" 2>/dev/null)" = "$version" ]; then
    echo "$name $version up to date"
    return
  fi
  echo "building $name $version"
  local start=$SECONDS
  "$@"
  echo "$version" > "$stamps/$name"
  echo "$name built in $((SECONDS - start)) s"
}

# OpenTofu's go.mod replaces hashicorp/hcl with its fork, so `go install ...@version` refuses it;
# the tools module in .ci/tools/go/tofu repeats the replace directive.
install tofu "$TOFU_VERSION" \
  bash -c 'cd .ci/tools/go/tofu && go install -ldflags="-s -w" github.com/opentofu/opentofu/cmd/tofu'
install tflint "$TFLINT_VERSION" \
  go install -ldflags="-s -w" "github.com/terraform-linters/tflint@${TFLINT_VERSION}"
install actionlint "$ACTIONLINT_VERSION" \
  go install -ldflags="-s -w" "github.com/rhysd/actionlint/cmd/actionlint@${ACTIONLINT_VERSION}"
