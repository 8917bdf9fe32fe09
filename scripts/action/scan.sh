#!/usr/bin/env bash
# The GitHub Action's scan, in one place: action.yml runs it, and test/unit/ci-integrations.test.ts
# runs it with the local build. Inputs come as environment variables, never spliced into the
# script text (a workflow's inputs can hold anything):
#   LLMC_CLI              the CLI bundle (dist/cli.js) to run with node
#   LLMC_PATH             folder or file to scan (default .)
#   LLMC_POLICY           policy file (default: the one at the scanned folder's root)
#   LLMC_UPLOAD_SARIF     auto | true | false: write SARIF for code scanning, or print annotations
#   LLMC_READ_ONLY_TOKEN  true when the job's token cannot upload (a fork's pull request, Dependabot)
#   LLMC_SARIF_FILE       where the SARIF goes (default $RUNNER_TEMP/llm-compliance.sarif)
#   LLMC_FAIL_ON_FINDINGS true | false: whether findings fail the step (the policy's failOn says which severities count)
#   LLMC_REPORT           sarif | github: skip the choice above (the action's fallback after a failed upload)
#   LLMC_CHANGED_ONLY     auto | true | false: on a pull request, report only on the files it changes
#                         (--changed-since its base); auto does so unless uploading SARIF
#   LLMC_BASE_REF         the pull request's base branch (github.base_ref: empty on other events)
# Outputs (GITHUB_OUTPUT): report (sarif or github), exit-code (the CLI's: 0, 1 or 2), sarif-file.
set -uo pipefail

output() { if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >>"$GITHUB_OUTPUT"; fi; }
fail_usage() { echo "::error title=llm-compliance::$1"; exit 2; }

bool() { # $1 name, $2 value: true or false, else a usage error
  case "$2" in true | false) ;; *) fail_usage "input $1 must be true or false, not \"$2\"" ;; esac
}

[ -n "${LLMC_CLI:-}" ] || fail_usage "LLMC_CLI (the CLI bundle to run) is not set"
bool fail-on-findings "${LLMC_FAIL_ON_FINDINGS:=true}"
bool read-only-token "${LLMC_READ_ONLY_TOKEN:=false}"

report="${LLMC_REPORT:-}"
if [ -z "$report" ]; then
  case "${LLMC_UPLOAD_SARIF:=auto}" in
    true) report=sarif ;;
    false) report=github ;;
    # A read-only token cannot upload: annotations then, rather than a failed upload.
    auto) if [ "$LLMC_READ_ONLY_TOKEN" = true ]; then report=github; else report=sarif; fi ;;
    *) fail_usage "input upload-sarif must be auto, true or false, not \"$LLMC_UPLOAD_SARIF\"" ;;
  esac
fi

# Changed files only on a pull request whose base this clone has. Not for an automatic SARIF upload:
# code scanning compares a pull request with its base itself, and a partial upload would close the
# alerts of the files left out. Where the base is missing, everything is scanned (never less).
changed_since=""
case "${LLMC_CHANGED_ONLY:=auto}" in
  false) ;;
  true | auto)
    base="origin/${LLMC_BASE_REF:-}"
    if [ -z "${LLMC_BASE_REF:-}" ]; then
      [ "$LLMC_CHANGED_ONLY" = true ] && echo "::notice title=llm-compliance::changed-only: not a pull request, so every file is reported on"
    elif [ "$LLMC_CHANGED_ONLY" = auto ] && [ "$report" = sarif ]; then
      :
    elif [ ! -d "${LLMC_PATH:-.}" ]; then
      echo "::notice title=llm-compliance::changed-only: path is a file, not a folder; it is reported on whole"
    elif git rev-parse --verify --quiet "$base^{commit}" >/dev/null && git merge-base "$base" HEAD >/dev/null 2>&1; then
      changed_since="$base"
    else
      echo "::notice title=llm-compliance::changed-only: $base is not in this clone (actions/checkout fetches one commit unless fetch-depth: 0), so every file is reported on"
    fi
    ;;
  *) fail_usage "input changed-only must be auto, true or false, not \"$LLMC_CHANGED_ONLY\"" ;;
esac

args=(scan "${LLMC_PATH:-.}")
[ -n "$changed_since" ] && args=(scan --changed-since "$changed_since" "${LLMC_PATH:-.}")
[ -n "${LLMC_POLICY:-}" ] && args+=(--policy "$LLMC_POLICY")
case "$report" in
  sarif)
    sarif="${LLMC_SARIF_FILE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/llm-compliance.sarif}"
    args+=(--format sarif --output "$sarif")
    ;;
  github) args+=(--format github) ;;
  *) fail_usage "LLMC_REPORT must be sarif or github, not \"$report\"" ;;
esac
output report "$report"

node "$LLMC_CLI" "${args[@]}"
code=$?
output exit-code "$code"

if [ "$report" = sarif ] && [ "$code" -le 1 ] && [ -s "$sarif" ]; then
  output sarif-file "$sarif"
  # The log still says what was found; the findings themselves go to code scanning.
  node -e '
    const runs = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs ?? [];
    const results = runs.flatMap((r) => r.results ?? []).filter((r) => !(r.suppressions ?? []).length);
    const by = {};
    for (const r of results) by[r.level ?? "warning"] = (by[r.level ?? "warning"] ?? 0) + 1;
    const counts = Object.entries(by).map(([level, n]) => `${n} ${level}`).join(", ");
    console.log(`llm-compliance: ${results.length} finding${results.length === 1 ? "" : "s"}${counts ? ` (${counts})` : ""}, written to ${process.argv[1]} for code scanning`);
  ' "$sarif" || true
fi

if [ "$code" -eq 1 ] && [ "$LLMC_FAIL_ON_FINDINGS" = false ]; then
  echo "::warning title=llm-compliance::findings at or above the policy's failOn severity; not failing the step (fail-on-findings: false)"
  exit 0
fi
exit "$code"
