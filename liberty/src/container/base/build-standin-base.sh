#!/usr/bin/env bash
# Builds (or finds in the cache) a local stand-in for the official Open Liberty kernel-slim image,
# since no registry image can be pulled on the project's machines:
#   1. a minimal Debian root file system made with debootstrap (--variant=minbase) from Debian's
#      packages, with Debian's headless OpenJDK, imported into Podman as an image;
#   2. the Containerfile beside this script on top of it: the FULL Open Liberty runtime from Maven
#      Central at /opt/ol/wlp, the official layout (/config, /output, /logs, /opt/ol/helpers), user
#      1001 in group 0, the stand-in helper scripts, the official ENTRYPOINT and CMD.
# Both images are tagged with a hash of their inputs and rebuilt only when an input changes.
# Prints the base image reference as the last line of standard output; progress goes to stderr.
#
# Usage: build-standin-base.sh [RUNTIME_ZIP]
#   RUNTIME_ZIP  the openliberty-runtime zip (default: the one in the local Maven repository)
# Environment:
#   LIBERTY_VERSION    default 26.0.0.5
#   DEBIAN_SUITE       default trixie (Java 21, as the official java21 image); bookworm gives Java 17
#   JRE_PACKAGE        default openjdk-21-jre-headless (openjdk-17-jre-headless for bookworm)
#   DEBIAN_MIRROR      default: the first Debian archive in this machine's apt sources
#   CONTAINERS_CONF    default ~/.decision-ledger/containers/containers.conf (.ci/tools/podman.sh)
# Needs root (debootstrap), podman, runc, debootstrap, unzip.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
LIBERTY_VERSION="${LIBERTY_VERSION:-26.0.0.5}"
DEBIAN_SUITE="${DEBIAN_SUITE:-trixie}"
JRE_PACKAGE="${JRE_PACKAGE:-openjdk-21-jre-headless}"
runtime_zip="${1:-$HOME/.m2/repository/io/openliberty/openliberty-runtime/${LIBERTY_VERSION}/openliberty-runtime-${LIBERTY_VERSION}.zip}"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$HOME/.decision-ledger/containers/containers.conf}"
state="$HOME/.decision-ledger/containers"
podman=(podman --runtime runc)

log() { echo "build-standin-base: $*" >&2; }
die() { log "$*"; exit 1; }

[ -f "$runtime_zip" ] || die "no Open Liberty runtime at $runtime_zip (run ./mvnw package -pl liberty -am first)"
[ -f "$CONTAINERS_CONF" ] || die "no $CONTAINERS_CONF: run .ci/tools/podman.sh"
command -v podman >/dev/null || die "podman is not installed: run .ci/tools/podman.sh"

mkdir -p "$state"
# One build at a time on this machine (several test runs may start together).
exec 9>"$state/standin-base.lock"
flock 9

sha() { sha256sum | cut -c1-16; }

# The Debian archive this machine already uses, read from its apt configuration at run time.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '
      /^URIs:/ { uris = $2 } /^Suites:/ { suites = $0 }
      /^$/ { if (uris != "" && suites !~ /security/) { print uris; exit } uris = ""; suites = "" }
      END { if (uris != "" && suites !~ /security/) print uris }' | head -1)"
  if [ -z "$uri" ]; then
    uri="$(grep -hE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | grep -v security | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' | head -1)"
  fi
  [ -n "$uri" ] || die "no Debian archive found in the apt sources; set DEBIAN_MIRROR"
  echo "$uri"
}

# --- 1. the Debian root file system -----------------------------------------------------------
rootfs_hash="$(printf '%s\n' "rootfs-v1" "$DEBIAN_SUITE" "$JRE_PACKAGE" | sha)"
rootfs_image="localhost/decision-ledger/debian-jre-rootfs:${DEBIAN_SUITE}-${rootfs_hash}"

# --- 2. the stand-in base ---------------------------------------------------------------------
runtime_sum="$(if [ -f "${runtime_zip}.sha1" ]; then cut -c1-40 "${runtime_zip}.sha1"; else sha256sum "$runtime_zip" | cut -d' ' -f1; fi)"
base_hash="$( (echo "$rootfs_image" "$LIBERTY_VERSION" "$runtime_sum"
  cd "$here" && find . -type f ! -name '*~' -print0 | sort -z | xargs -0 sha256sum) | sha)"
base_image="localhost/decision-ledger/open-liberty-standin:${LIBERTY_VERSION}-kernel-slim-${base_hash}"

if "${podman[@]}" image exists "$base_image"; then
  log "cached: $base_image"
  echo "$base_image"
  exit 0
fi

start=$SECONDS
if "${podman[@]}" image exists "$rootfs_image"; then
  log "cached root file system: $rootfs_image"
else
  [ "$(id -u)" -eq 0 ] || die "debootstrap needs root"
  command -v debootstrap >/dev/null || die "debootstrap is not installed: run .ci/tools/podman.sh"
  mirror="$(debian_mirror)"
  work="$(mktemp -d "$state/rootfs.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  log "debootstrap ${DEBIAN_SUITE} (minbase + ${JRE_PACKAGE}) from the apt sources' archive"
  debootstrap --variant=minbase --include="${JRE_PACKAGE}" "$DEBIAN_SUITE" "$work/rootfs" "$mirror" \
    > "$state/debootstrap.log" 2>&1 || { tail -20 "$state/debootstrap.log" >&2; die "debootstrap failed"; }
  # No package cache, lists, docs or man pages in the image; no mirror name either.
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* \
    "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/var/log/* \
    "$work"/rootfs/etc/apt/sources.list "$work"/rootfs/etc/apt/sources.list.d/*
  tar --numeric-owner -C "$work/rootfs" -c . \
    | "${podman[@]}" import --change 'CMD ["/bin/bash"]' - "$rootfs_image" >/dev/null
  rm -rf "$work"
  trap - EXIT
  log "root file system imported in $((SECONDS - start)) s: $rootfs_image"
fi

context="$(mktemp -d "$state/context.XXXXXX")"
trap 'rm -rf "$context"' EXIT
cp -r "$here/helpers" "$context/helpers"
cp "$here/Containerfile" "$context/Containerfile"
unzip -q "$runtime_zip" -d "$context"
# Group-writable as the official image makes it, before the COPY (no second 400 MB layer).
chmod -R g+rw "$context/wlp"
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
jdk_major="$(echo "$JRE_PACKAGE" | grep -o '[0-9]\+' | head -1)"
log "building $base_image"
"${podman[@]}" build --network host --layers=false \
  --build-arg ROOTFS="$rootfs_image" \
  --build-arg LIBERTY_VERSION="$LIBERTY_VERSION" \
  --build-arg JAVA_HOME_DIR="/usr/lib/jvm/java-${jdk_major}-openjdk-${arch}" \
  -t "$base_image" -f "$context/Containerfile" "$context" >&2
rm -rf "$context"
trap - EXIT

# Older stand-ins (other input hashes) are no longer needed.
for old in $("${podman[@]}" images --format '{{.Repository}}:{{.Tag}}' \
    | grep -E '^localhost/decision-ledger/(open-liberty-standin|debian-jre-rootfs):' \
    | grep -vxF -e "$base_image" -e "$rootfs_image"); do
  "${podman[@]}" rmi "$old" >/dev/null 2>&1 || true
done

log "built in $((SECONDS - start)) s: $base_image"
echo "$base_image"
