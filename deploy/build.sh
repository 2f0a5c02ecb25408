#!/bin/sh
# The image's build steps, in one place: deploy/Dockerfile runs this in its build stage, and
# tests/deploy/recipe.test.ts runs it on a copy of what the Dockerfile copies, so the recipe
# cannot rot unseen. Builds in the current folder: dist/ from src/, then node_modules/ pruned
# to production dependencies (what the runtime stage copies).
#
# NEXTBEAT_BUILD_REUSE_NODE_MODULES=<dir>: hard-link an installed tree of this same lockfile
# instead of running `npm ci` (the test does this: CI has just run `npm ci`, and a second one
# takes minutes on a busy machine). The image always runs `npm ci`.
set -eu

if [ -n "${NEXTBEAT_BUILD_REUSE_NODE_MODULES:-}" ]; then
  cp -al "$NEXTBEAT_BUILD_REUSE_NODE_MODULES" node_modules
  # npm rewrites its record of the tree in place: that file must not be shared with the original.
  cp --remove-destination "$NEXTBEAT_BUILD_REUSE_NODE_MODULES/.package-lock.json" \
    node_modules/.package-lock.json
else
  # Every dependency (TypeScript is a dev one), exactly as locked; install scripts run
  # (better-sqlite3's native module, esbuild's binary).
  npm ci --no-audit --no-fund
fi
npm run build
# Only production dependencies reach the runtime image.
npm prune --omit=dev --no-audit --no-fund
