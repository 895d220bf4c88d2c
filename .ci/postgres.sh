#!/usr/bin/env bash
# Makes sure PostgreSQL 15 runs locally with the pgvector extension, and creates a fresh database
# for this test run (the caller drops it; .ci/run does). Prints "export ..." lines for the tests (eval them). Idempotent: every step
# checks first and only acts when needed, so it is correct on a fresh machine and quick on a
# prepared one. Needs root (or sudo) only for the steps that install something.
#   PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres) choose the server.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
PG_MAJOR=15
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
log() { echo "[postgres] $*" >&2; }

# 1. PostgreSQL itself: installed and running.
if ! command -v pg_ctlcluster >/dev/null || [ ! -d "/usr/lib/postgresql/$PG_MAJOR" ]; then
  log "installing PostgreSQL $PG_MAJOR"
  $SUDO apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_MAJOR" >&2
fi
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  log "starting cluster $PG_MAJOR/main"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start >&2 || true
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
  pg_isready -h "$PGHOST" -p "$PGPORT" >&2
fi

# 2. pgvector: Debian 12 packages none for PostgreSQL 15, so build it from Debian's own source
#    package (trixie) when the server does not offer the extension.
has_vector() {
  [ "$(psql -At -d postgres -c "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")" = 1 ]
}
if ! has_vector; then
  log "pgvector missing: building it from Debian's source package"
  mirror=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    m=$(awk '/^URIs:/ {print $2; exit}' "$f" | grep -E '/debian/?$' || true)
    if [ -n "$m" ]; then mirror="$m"; break; fi
  done
  if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
    mirror=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list)
  fi
  mirror="${mirror:-http://deb.debian.org/debian}"
  srclist=/etc/apt/sources.list.d/groundwork-pgvector-src.list
  if [ ! -f "$srclist" ]; then
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" \
      | $SUDO tee "$srclist" >/dev/null
  fi
  $SUDO apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev >&2
  build=$(mktemp -d /tmp/groundwork-pgvector.XXXXXX)
  (
    cd "$build"
    apt-get source --download-only pgvector >&2
    dpkg-source -x pgvector_*.dsc src >&2
    cd src
    make -s PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >&2
    $SUDO make -s install PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >&2
  )
  rm -rf "$build"
  has_vector || { log "pgvector is still not available after building it"; exit 1; }
fi

# 3. A fresh database for this run, with the extension (created only once pgvector is there, so
#    that a failure above leaves nothing behind).
DB="groundwork_ci_$(date -u +%Y%m%d%H%M%S)_$$"
psql -v ON_ERROR_STOP=1 -q -d postgres -c "CREATE DATABASE $DB" >&2
if ! psql -v ON_ERROR_STOP=1 -q -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS vector" >&2; then
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >&2 || true
  exit 1
fi
log "database $DB with pgvector $(psql -At -d "$DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")"

echo "export GROUNDWORK_TEST_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB"
echo "export GROUNDWORK_TEST_DB_USER=$PGUSER"
echo "export GROUNDWORK_TEST_DB_NAME=$DB"
