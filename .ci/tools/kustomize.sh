#!/usr/bin/env bash
# Installs the Kubernetes command-line tools the chart and k8s/ checks drive, built from the Go
# module proxy into ~/.decision-ledger/tools/bin (Go is on the machine):
#   kustomize  renders k8s/ (base and overlays);
#   helm       `helm lint --strict -f PROFILE` and `helm template --api-versions ...`, which the
#              in-process helm-java cannot do (it takes no values file for lint, no API versions).
# Idempotent: rebuilds a tool only when its pinned version changes. (kustomize v5.8.3 needs Go 1.27;
# v5.8.2 builds with the Go 1.26 here.)
set -euo pipefail
kustomize_version="v5.8.2"
helm_version="v3.22.0"
# The Kubernetes version Helm assumes offline, as Helm's Makefile sets it from its client-go (v0.37).
helm_k8s_minor="37"

bin="$HOME/.decision-ledger/tools/bin"
mkdir -p "$bin"
command -v go >/dev/null || { echo "go is required to install kustomize and helm" >&2; exit 1; }
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

if [ -x "$bin/kustomize" ] && "$bin/kustomize" version 2>/dev/null | grep -q "${kustomize_version}"; then
  echo "kustomize ${kustomize_version} up to date"
else
  GOBIN="$bin" go install "sigs.k8s.io/kustomize/kustomize/v5@${kustomize_version}"
  "$bin/kustomize" version
fi

if [ -x "$bin/helm" ] && "$bin/helm" version --template '{{.Version}}' 2>/dev/null | grep -qx "${helm_version}"; then
  echo "helm ${helm_version} up to date"
else
  ldflags="-w -s -X helm.sh/helm/v3/internal/version.version=${helm_version}"
  for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
    ldflags+=" -X ${pkg}.k8sVersionMajor=1 -X ${pkg}.k8sVersionMinor=${helm_k8s_minor}"
  done
  GOBIN="$bin" go install -ldflags "${ldflags}" "helm.sh/helm/v3/cmd/helm@${helm_version}"
  "$bin/helm" version
fi
