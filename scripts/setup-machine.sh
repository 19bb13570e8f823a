#!/usr/bin/env bash
# Installs and starts what Vigil's tests need on a Debian machine: PostgreSQL (installed if
# absent, started if stopped, with the `test` database), libxml2-utils (xmllint, for CAP schema
# checks), Chromium (Debian's, for the console's browser tests in test/e2e; never a downloaded
# browser). Safe to run again. Needs root (or sudo) for apt-get.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then missing+=(postgresql postgresql-contrib); fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

pg_version="$(ls /etc/postgresql | sort -V | tail -n 1)"
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "setup: starting PostgreSQL ${pg_version}"
  conf="/etc/postgresql/${pg_version}/main"
  # Tests connect over TCP as postgres without a password, as on the development machines.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "${conf}/pg_hba.conf"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "${conf}/pg_hba.conf"
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "${pg_version}" main start || $SUDO pg_ctlcluster "${pg_version}" main start
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && break
    sleep 1
  done
fi
pg_isready -h 127.0.0.1 -p 5432 || { echo "setup: PostgreSQL did not start" >&2; exit 1; }

if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'create database test'
fi
echo "setup: PostgreSQL ready on 127.0.0.1:5432 (database test)"
