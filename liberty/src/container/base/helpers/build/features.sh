#!/bin/bash
# Stand-in for the official kernel-slim image's /opt/ol/helpers/build/features.sh (ci.docker).
#
# Contract kept: run at image build time after the server configuration is in /config; makes
# every feature that server.xml (and configDropins) lists available to the server; fails the build
# when one cannot be had; prints only with VERBOSE=true; leaves /opt/ol/wlp/lib group-writable.
#
# Difference: the official script runs `featureUtility installServerFeatures`, which downloads the
# features from Maven Central into a kernel-only runtime. This stand-in base carries the FULL Open
# Liberty runtime (per-feature downloads are incomplete on the project's machines, and
# featureUtility wants the network even when nothing is missing), so installing is a no-op here:
# the script instead checks that each listed feature exists in the runtime, and fails on one that
# does not, as featureUtility would.
if [ "$VERBOSE" != "true" ]; then
  exec >/dev/null
fi
set -Eeuo pipefail

WLP_INSTALL_DIR=/opt/ol/wlp
mkdir -p /config/configDropins/overrides /config/configDropins/defaults

# Feature names from server.xml and configDropins (one <feature>name</feature> per element).
mapfile -t wanted < <(
  find /config/server.xml /config/configDropins -name '*.xml' -type f -print0 2>/dev/null \
    | xargs -0 -r grep -ho '<feature>[^<]*</feature>' \
    | sed -e 's|<feature>[[:space:]]*||' -e 's|[[:space:]]*</feature>||' \
    | sort -fu)

# Public features: their manifests' IBM-ShortName headers.
known="$(grep -rhi '^IBM-ShortName:' "$WLP_INSTALL_DIR/lib/features" \
  | sed -e 's/^IBM-ShortName:[[:space:]]*//I' -e 's/[[:space:]]*$//' | tr 'A-Z' 'a-z')"

missing=0
for feature in "${wanted[@]}"; do
  if grep -qxF "$(echo "$feature" | tr 'A-Z' 'a-z')" <<<"$known"; then
    echo "features.sh: ${feature} is installed (full runtime)"
  else
    echo "features.sh: feature ${feature} is not in the runtime" >&2
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1

find "$WLP_INSTALL_DIR/lib" "$WLP_INSTALL_DIR/bin" ! -perm -g=rw -print0 | xargs -0 -r chmod g+rw
