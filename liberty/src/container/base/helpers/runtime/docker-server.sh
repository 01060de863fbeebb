#!/bin/bash
# Stand-in for the official image's entrypoint /opt/ol/helpers/runtime/docker-server.sh (ci.docker).
#
# Contract kept: writes the default keystore snippet only when configure.sh did not (so with a
# read-only root file system it writes nothing), then execs the command (the CMD: server run
# defaultServer), so Liberty is PID 1 and gets the container's signals.
# Left out: importing mounted TLS certificates (/etc/x509/certs) and Kubernetes CA certificates
# into keystores, Infinispan session-cache discovery, and InstantOn checkpoint/restore: the
# application's image uses none of them.
set -e

SNIPPETS_SOURCE=/opt/ol/helpers/build/configuration_snippets
keystorePathDefault=/config/configDropins/defaults/keystore.xml
keystorePathOverride=/config/configDropins/overrides/keystore.xml

if [ ! -e "$keystorePathDefault" ] && [ ! -e "$keystorePathOverride" ]; then
  password="$(head -c 32 /dev/urandom | base64 | tr -d '\n' | tr '/+' '_-')"
  sed "s|REPLACE|${password}|g" "$SNIPPETS_SOURCE/keystore.xml" > "$keystorePathDefault"
fi

exec "$@"
