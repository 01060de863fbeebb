#!/usr/bin/env bash
# helm test: asks HOST:PORT for /health/ready until it answers 200 with status UP (MicroProfile
# Health). Plain bash (/dev/tcp), so it runs in the Liberty image without curl.
# Usage: ready-check.sh HOST PORT [ATTEMPTS]
set -u
host=$1
port=$2
attempts=${3:-30}
for ((attempt = 1; attempt <= attempts; attempt++)); do
  response=""
  if exec 3<>"/dev/tcp/${host}/${port}"; then
    printf 'GET /health/ready HTTP/1.1\r\nHost: %s\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$host" >&3
    while IFS= read -r -t 10 -u 3 line || [ -n "$line" ]; do
      response+="${line}"$'\n'
    done
    exec 3>&-
  fi
  status_line=${response%%$'\n'*}
  echo "attempt ${attempt}: ${status_line:-no answer}"
  if [[ $status_line =~ ^HTTP/1\.[01]\ 200 && $response =~ \"status\"[[:space:]]*:[[:space:]]*\"UP\" ]]; then
    echo "ready: ${response##*$'\r\n\r\n'}"
    exit 0
  fi
  sleep 2
done
echo "not ready after ${attempts} attempts" >&2
exit 1
