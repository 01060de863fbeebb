#!/usr/bin/env bash
# Installs what the container image test (liberty: ContainerImageIT) drives: Podman with the runc
# runtime, debootstrap for the stand-in base image's root file system, uidmap and fuse-overlayfs
# for rootless use; and writes the containers.conf that makes Podman work on these machines:
#   - crun fails here (setrlimit / cgroups hybrid mode): runtime runc;
#   - the default ulimits cannot be applied here: default_ulimits = [];
#   - no bridge networking: the host's network.
# The test and docs/container.md point CONTAINERS_CONF at that file:
#   export CONTAINERS_CONF="$HOME/.decision-ledger/containers/containers.conf"
# Idempotent: installs only what is missing, rewrites the file only when it changes.
set -euo pipefail

packages=(podman runc debootstrap uidmap fuse-overlayfs)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "podman, runc and debootstrap present"
fi

conf_dir="$HOME/.decision-ledger/containers"
conf="$conf_dir/containers.conf"
mkdir -p "$conf_dir"
wanted="$(cat <<'EOF'
# Written by .ci/tools/podman.sh: Podman settings that work on the project's machines.
[containers]
default_ulimits = []
netns = "host"

[engine]
runtime = "runc"
EOF
)"
if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$wanted" ]; then
  printf '%s\n' "$wanted" > "$conf"
  echo "wrote $conf"
fi
CONTAINERS_CONF="$conf" podman --version
