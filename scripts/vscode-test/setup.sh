#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, once per machine, outside the extension's own
# dependencies: Debian's chromium, and code-server 4.100.3 (VS Code 1.100.3) with
# playwright-core under .vscode-test/. Works with only the npm registry and Debian's mirrors.
set -euo pipefail
cd "$(dirname "$0")/../.."
DEST=${LLMC_VSCODE_TEST_DIR:-$PWD/.vscode-test}
CODE_SERVER=4.100.3   # the last code-server whose engines accept Node 20; embeds VS Code 1.100.3
PLAYWRIGHT=1.65.1

if [ -x "$DEST/node_modules/.bin/code-server" ] && [ -d "$DEST/node_modules/playwright-core" ] && command -v chromium >/dev/null && command -v git >/dev/null; then
  echo "vscode-test: already installed in $DEST"; exit 0
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v git >/dev/null || need_apt+=(git)                     # the CLI's --changed-since tests make repositories
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)   # code-server's kerberos addon builds against it
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "vscode-test: please install with apt-get: ${need_apt[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$DEST/tmp" "$DEST/rg"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache (under os.tmpdir()) has it.
RGC="$DEST/tmp/vscode-ripgrep-cache-1.15.11"; mkdir -p "$RGC"
cp "$(command -v rg)" "$DEST/rg/rg"
tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$DEST/rg" rg
cd "$DEST"
[ -f package.json ] || echo '{"private":true}' > package.json
# As root code-server's postinstall needs unsafe-perm; node-pty's postinstall runs `npx node-gyp`.
TMPDIR="$DEST/tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
  npm install "code-server@$CODE_SERVER" "playwright-core@$PLAYWRIGHT"
XDG_CONFIG_HOME="$DEST/tmp" XDG_DATA_HOME="$DEST/tmp" "$DEST/node_modules/.bin/code-server" --version
