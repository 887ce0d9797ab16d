#!/usr/bin/env bash
# The access gate of a pull request: `genesys-access diff` of the base's and the head's synthesized output, in
# JSON (the gate's decision and the counts), Markdown (the job summary and the PR comment) and SARIF (code
# scanning).
#
# Usage: gate.sh <base> <head>
#   <base>, <head>  what `genesys-access diff --base/--head` reads: two cdktf.out directories, two HCL root
#                   module directories, ...
#
# Run it from the base checkout: the tool (`npx --no genesys-access`, the base's own install) and the policy
# (genesys-access.policy.json in the working directory) are then the base's, never the pull request's.
#
# Environment:
#   GITHUB_OUTPUT           required; receives outcome=pass|fail|unknown, changed=true|false, widening=<n> and
#                           the paths markdown=, json=, sarif= of the files written
#   GITHUB_STEP_SUMMARY     the Markdown is appended to it (skipped when unset)
#   OUT_DIR                 where access-diff.md, .json and .sarif go (default: $RUNNER_TEMP/genesys-access)
#   GENESYS_ACCESS_VERSION  run cdktf-genesyscloud-access at this exact version from the registry instead of the
#                           base's install (default: empty, the base's install)
#   POLICY_FILE             the policy file (default: genesys-access.policy.json, used when it exists; a
#                           POLICY_FILE that is set must exist)
#   FAIL_ON                 the change kinds that fail the gate when there is no policy file (default: broadening)
#   GENESYS_ACCESS_SARIF    false skips the SARIF run, for tool versions without --format sarif (default: true)
#
# The step exits 0 whatever the gate decides (the outcome output carries it, and a later step enforces it, so
# the comment and the SARIF upload still happen); it fails with one ::error:: line when the tool cannot decide:
# a usage or input error (exit 2) or anything else unexpected.
set -euo pipefail

# One ::error:: line (the message escaped as workflow commands want it), exit 2.
die() {
  local message="genesys-access gate: $*"
  message=${message//'%'/'%25'}
  echo "::error::${message//$'\r'/'%0D'}"
  exit 2
}

# Shows the tool's warnings with workflow commands off: the text may quote the pull request's input.
show_stderr() {
  [ -s "$1" ] || return 0
  local token
  token=stop-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  echo "::stop-commands::$token"
  cat "$1"
  echo "::$token::"
}

[ "$#" -eq 2 ] || die "usage: gate.sh <base> <head> (what genesys-access diff --base and --head read)"
base=$1
head=$2
[ -n "${GITHUB_OUTPUT:-}" ] || die "GITHUB_OUTPUT is not set: run this script as a GitHub Actions step"

out_dir=${OUT_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/genesys-access}
mkdir -p "$out_dir"

if [ -n "${GENESYS_ACCESS_VERSION:-}" ]; then
  [[ "$GENESYS_ACCESS_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
    die "GENESYS_ACCESS_VERSION must be an exact version such as 1.2.3, not \"$GENESYS_ACCESS_VERSION\""
  tool=(npx --yes "--package=cdktf-genesyscloud-access@$GENESYS_ACCESS_VERSION" -- genesys-access)
else
  tool=(npx --no -- genesys-access)
fi

if [ -n "${POLICY_FILE:-}" ]; then
  [ -f "$POLICY_FILE" ] || die "POLICY_FILE $POLICY_FILE does not exist: set it to the base's policy file or unset it"
  gate=(--policy "$POLICY_FILE")
elif [ -f genesys-access.policy.json ]; then
  gate=(--policy genesys-access.policy.json)
else
  gate=(--fail-on "${FAIL_ON:-broadening}")
fi

# Runs the diff in one format into $2; sets `status` to its exit code without letting `set -e` end the script.
status=0
diff_to() {
  local format=$1 file=$2
  if "${tool[@]}" diff --base "$base" --head "$head" "${gate[@]}" --format "$format" >"$file" 2>"$out_dir/stderr"; then
    status=0
  else
    status=$?
  fi
  local message
  message=$(grep -v '^[[:space:]]*$' "$out_dir/stderr" | tail -n 1 || true)
  case "$status" in
    0 | 1 | 3)
      # An exit 1 with nothing printed is npx failing (no install in the base checkout), not the gate.
      [ -s "$file" ] || die "genesys-access diff --format $format exited $status with no output: ${message:-no message}"
      show_stderr "$out_dir/stderr"
      ;;
    *) die "genesys-access diff --format $format exited $status: ${message:-no message}" ;;
  esac
}

json=$out_dir/access-diff.json
markdown=$out_dir/access-diff.md
sarif=$out_dir/access-diff.sarif

diff_to json "$json"
decided=$status
case "$decided" in
  0) outcome=pass ;;
  1) outcome=fail ;;
  3) outcome=unknown ;;
esac

# changed and widening from the JSON: its `changes` when the tool has them, else the summary's counts.
counts=$(node -e '
  const fs = require("fs");
  const [file, outcome] = process.argv.slice(1);
  let m;
  try {
    m = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`error the JSON output is not JSON: ${e.message}`);
    process.exit(0);
  }
  const s = m.summary || {};
  const changes = Array.isArray(m.changes) ? m.changes : undefined;
  const changed = changes
    ? changes.length > 0
    : ["stacksChanged", "principalsAdded", "principalsRemoved", "principalsChanged", "permissionsAdded", "permissionsRemoved"]
        .some((k) => (s[k] || 0) > 0);
  const widening = typeof s.widening === "number" ? s.widening
    : changes ? changes.filter((c) => c.widening).length
    : typeof s.broadening === "number" ? s.broadening : 0;
  if (m.gate && m.gate.outcome !== outcome) {
    console.log(`error the JSON says the gate outcome is ${m.gate.outcome} but the exit code says ${outcome}`);
  } else {
    console.log(`${changed} ${widening}`);
  }
' "$json" "$outcome")
read -r changed widening <<<"$counts"
[ "$changed" != error ] || die "${counts#error }"

diff_to markdown "$markdown"
[ "$status" -eq "$decided" ] || die "the Markdown run exited $status, the JSON run $decided: the inputs changed mid-run"

if [ "${GENESYS_ACCESS_SARIF:-true}" != false ]; then
  diff_to sarif "$sarif"
  [ "$status" -eq "$decided" ] || die "the SARIF run exited $status, the JSON run $decided: the inputs changed mid-run"
else
  sarif=
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$markdown" >>"$GITHUB_STEP_SUMMARY"
fi
{
  echo "outcome=$outcome"
  echo "changed=$changed"
  echo "widening=$widening"
  echo "markdown=$markdown"
  echo "json=$json"
  echo "sarif=$sarif"
} >>"$GITHUB_OUTPUT"
echo "genesys-access gate: outcome $outcome, access changed: $changed, widening changes: $widening"
