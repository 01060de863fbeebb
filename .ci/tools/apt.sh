#!/usr/bin/env bash
# Debian packages the tests drive: Chromium and its driver for the browser tests, Prometheus for
# promtool and the scrape test. Installs only what is missing.
set -euo pipefail
packages=(chromium chromium-driver prometheus)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "apt packages present"
fi
