#!/bin/sh
# A folder that can be listed but not searched (mode 644): the uncached scan notes its file
# "not readable: EACCES"; the cached one must give the same bytes. Run as root (drops to nobody).
# Usage: repro/eacces.sh [many]   (many: 450 files, with LLMC_THREADS=2, the worker path)
CLI=$(cd "$(dirname "$0")/.." && pwd)/dist/cli.js
T=$(mktemp -d /tmp/llmc-eacces-XXXX); chmod 755 "$T"
mkdir -p "$T/ws/d" "$T/cache"; chmod 777 "$T/cache"
printf 'import anthropic\nc = anthropic.Anthropic()\n' > "$T/ws/app.py"
printf 'import openai\nc = openai.OpenAI()\n' > "$T/ws/d/x.py"
if [ "$1" = many ]; then i=0; while [ $i -lt 450 ]; do printf 'x = %d\n' $i > "$T/ws/m$i.py"; i=$((i+1)); done; fi
chmod 644 "$T/ws/d"
cd "$T/ws"
as_nobody() { LLMC_THREADS=2 setpriv --reuid=65534 --regid=65534 --clear-groups node "$CLI" scan . --format json --date 2026-12-01 "$@"; }
as_nobody > "$T/plain.json" 2>"$T/plain.err"; echo "uncached: exit $?"
as_nobody --cache-location "$T/cache" > "$T/cached.json" 2>"$T/cached.err"; echo "cached (cold): exit $?"
as_nobody --cache-location "$T/cache" > "$T/cached2.json" 2>"$T/cached2.err"; echo "cached (warm): exit $?"
cmp "$T/plain.json" "$T/cached.json" && cmp "$T/plain.json" "$T/cached2.json" && cmp "$T/plain.err" "$T/cached.err" && echo SAME || { echo DIFFERENT; cat "$T/cached.err"; }
chmod 755 "$T/ws/d"; rm -rf "$T"
