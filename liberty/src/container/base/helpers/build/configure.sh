#!/bin/bash
# Stand-in for the official kernel-slim image's /opt/ol/helpers/build/configure.sh (ci.docker).
#
# Contract kept: run at image build time once features and applications are in place; generates
# the default keystore snippet (configDropins/defaults/keystore.xml, random password) unless
# SSL=false or TLS=false, so the entrypoint need not write to /config at start-up (which matters
# with a read-only root file system); applies interim fixes from /opt/ol/fixes; touches
# /config/server.xml so Liberty re-reads the configuration; prints only with VERBOSE=true.
#
# Differences: the official script then runs populate_scc.sh, which starts and stops the server to
# fill the OpenJ9 shared class cache. This base runs Debian's OpenJDK (HotSpot), which has no such
# cache, so that step is left out (and with it the start-up time it saves). The session-cache
# (Infinispan, Hazelcast) and SSO snippets are left out too: the application uses none of them.
if [ "$VERBOSE" != "true" ]; then
  exec >/dev/null
fi
set -Eeuo pipefail

WLP_INSTALL_DIR=/opt/ol/wlp
SNIPPETS_SOURCE=/opt/ol/helpers/build/configuration_snippets
SNIPPETS_TARGET_DEFAULTS=/config/configDropins/defaults
mkdir -p /config/configDropins/overrides "$SNIPPETS_TARGET_DEFAULTS"

keystorePath="$SNIPPETS_TARGET_DEFAULTS/keystore.xml"
if [ "${SSL:-}" != "false" ] && [ "${TLS:-}" != "false" ] && [ ! -e "$keystorePath" ]; then
  # The official script uses openssl rand; coreutils do the same here.
  password="$(head -c 32 /dev/urandom | base64 | tr -d '\n' | tr '/+' '_-')"
  sed "s|REPLACE|${password}|g" "$SNIPPETS_SOURCE/keystore.xml" > "$keystorePath"
  chmod g+w "$keystorePath"
fi

if [ -d /opt/ol/fixes ]; then
  find /opt/ol/fixes -type f -name '*.jar' -print0 | sort -z \
    | xargs -0 -r -I {} java -jar {} --installLocation "$WLP_INSTALL_DIR"
fi

touch /config/server.xml
