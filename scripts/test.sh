#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a fresh Debian machine (as root):
#   typecheck → lint → unit + API tests on SQLite AND a real PostgreSQL → web build → e2e in Chromium.
# Installs what is missing (Debian's postgresql, chromium and poppler-utils), starts a throwaway PostgreSQL on a
# free loopback port in a temporary folder, and stops it on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: $* — install them (as root: apt-get install -y $*) and re-run" >&2
    exit 1
  fi
  say "installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || {
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
  }
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || apt_install postgresql
[ -x /usr/bin/chromium ] || apt_install chromium
# The event report's PDF test renders its pages to PNG and reads its text and fonts (poppler).
command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null || apt_install poppler-utils
PG_BIN="$(pg_bin)"

say "starting a throwaway PostgreSQL"
PG_DIR="$(mktemp -d /tmp/mosaic-pg.XXXXXX)"
PG_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
cleanup() {
  as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
as_pg "'$PG_BIN/initdb' -D '$PG_DIR/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -o \"-p $PG_PORT -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null \
  || { cat "$PG_DIR/server.log" >&2; exit 1; }
export MOSAIC_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export MOSAIC_TEST_REQUIRE_POSTGRES=1
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

# Tests never rewrite tracked files (screenshots for the docs go to test-results/ unless
# MOSAIC_UPDATE_DOCS_SCREENSHOTS=1): what git sees is compared before and after the run.
tree_state() { git status --porcelain 2>/dev/null; git diff 2>/dev/null | sha256sum; }
TREE_BEFORE="$(tree_state)"

say "typecheck"
npm run -s typecheck
say "lint"
npm run -s lint
say "unit and API tests (SQLite and PostgreSQL)"
npx vitest run
say "build the web app"
npm run -s build:web
say "end-to-end in Chromium (SQLite)"
npx vitest run --config test/e2e/vitest.config.ts
# The scenarios that write most (the live room, the café sheets, the atlas) again on PostgreSQL,
# each on a fresh database of the server started above.
say "end-to-end in Chromium (PostgreSQL): live, café sheets, atlas"
MOSAIC_E2E_BACKEND=postgres npx vitest run --config test/e2e/vitest.config.ts \
  test/e2e/live.e2e.ts test/e2e/sheets.e2e.ts test/e2e/atlas.e2e.ts

if [ "$(tree_state)" != "$TREE_BEFORE" ]; then
  echo "the tests changed files git tracks (tests never rewrite tracked files):" >&2
  git status --porcelain >&2
  exit 1
fi

say "all passed — backends: SQLite (better-sqlite3), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'); browser: $(/usr/bin/chromium --version 2>/dev/null)"
