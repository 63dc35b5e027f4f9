#!/usr/bin/env bash
# `npm test`: every check the project has, in the order a failure is cheapest to find.
# The PostgreSQL suite fails (it never skips) when the server at 127.0.0.1:5432 is unreachable.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

started=$SECONDS
stage() {
  printf '\n\033[1m== %s\033[0m  (%ds)\n' "$1" "$((SECONDS - started))"
}

stage "1/7 Typecheck"
npx tsc --noEmit

stage "2/7 Layers point one way: app → components → lib (dependency-cruiser)"
npm run --silent check:layers

stage "3/7 Prisma schemas in step (SQLite → PostgreSQL)"
node scripts/prisma-schemas.mjs --check

stage "4/7 Migrations in step with the schema"
node scripts/db-migration-new.mjs --check

stage "5/7 Unit tests"
npx vitest run --project unit

stage "6/7 Integration tests on SQLite and PostgreSQL"
npx vitest run --project sqlite --project postgres

stage "7/7 End-to-end tests in Chromium (builds the app into .next)"
npx playwright test

stage "All tests passed"
