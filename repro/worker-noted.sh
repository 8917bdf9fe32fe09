#!/bin/sh
# 450 files and one too large for the policy's limit, on worker threads (LLMC_THREADS=2):
# the second cached run should replay the first's results (a .results.json is kept).
CLI=$(cd "$(dirname "$0")/.." && pwd)/dist/cli.js
T=$(mktemp -d /tmp/llmc-noted-XXXX); mkdir -p "$T/ws" "$T/cache"; cd "$T/ws"
printf 'require: [eu-residency]\nmaxFileSizeKb: 1\n' > .llm-compliance.yaml
i=0; while [ $i -lt 450 ]; do printf 'x = %d\n' $i > "m$i.py"; i=$((i+1)); done
head -c 3000 /dev/zero | tr '\0' a | sed 's/^/x = "/;s/$/"/' > big.py
touch -d '1 hour ago' * .llm-compliance.yaml
for threads in 1 2; do
  rm -rf "$T/cache"/*
  LLMC_THREADS=$threads node "$CLI" scan . --format json --cache-location "$T/cache" > /dev/null
  echo "LLMC_THREADS=$threads: $(ls "$T/cache" | sed 's/scan-[^.]*//' | tr '\n' ' ')"
done
rm -rf "$T"
