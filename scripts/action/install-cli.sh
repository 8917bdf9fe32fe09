#!/usr/bin/env bash
# Gets the CLI for the GitHub Action and says where it is (GITHUB_OUTPUT cli=PATH to cli.js).
#   LLMC_VERSION  empty: the npm release with this action's own version (a pinned action pins the CLI);
#                 an npm version or dist-tag (0.2.0, latest); or "source": build this action's checkout.
# From npm: one tarball with no dependencies, installed with --ignore-scripts (nothing of it runs
# but the CLI). "source" installs the dev dependencies and builds: slower, but no registry release.
set -euo pipefail

action_dir="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
version="${LLMC_VERSION:-}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

if [ "$version" = source ]; then
  (cd "$action_dir" && npm ci --ignore-scripts && node scripts/build.mjs --production --cli) >&2
  cli="$action_dir/dist/cli.js"
else
  if [ -z "$version" ]; then version=$(node -p 'require(process.argv[1]).version' "$action_dir/package.json"); fi
  # A version or a dist-tag, nothing npm would read as a URL, a path or an option.
  if ! [[ "$version" =~ ^[0-9A-Za-z][0-9A-Za-z.+-]*$ ]]; then
    echo "::error title=llm-compliance::input version must be an npm version, a dist-tag or \"source\""
    exit 2
  fi
  prefix="${RUNNER_TEMP:?RUNNER_TEMP is not set}/llm-compliance-cli"
  npm install --prefix "$prefix" --no-save --no-package-lock --ignore-scripts "llm-compliance@$version" >&2
  cli="$prefix/node_modules/llm-compliance/dist/cli.js"
fi

echo "llm-compliance $(node "$cli" --version)"
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "cli=$cli" >>"$GITHUB_OUTPUT"; fi
