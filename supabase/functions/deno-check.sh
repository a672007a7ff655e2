#!/bin/sh
# Type-checks every Edge Function entry in Deno, the runtime that serves them.
# Uses the repo's node_modules (deno.json: "nodeModulesDir": "manual"), so no
# network is needed.
set -e
cd "$(dirname "$0")/../.."
exec npx --no-install deno check --config supabase/functions/deno.json supabase/functions/*/index.ts
