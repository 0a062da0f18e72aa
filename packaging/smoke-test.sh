#!/usr/bin/env bash
# Smoke check of the Linux app image, run by .ci/run after the tests: builds the image from the shaded jar
# that `mvn verify` left in BUILD_DIR (default target), then uses the image's command-line launcher the way a
# user would: --version must print the pom's version, and importing sample-runs into a fresh database must
# list the same runs as the plain jar does from the same folder. No installers, no GUI.
#
#   packaging/smoke-test.sh            needs BUILD_DIR/reprodiff.jar (mvn package or verify first)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-target}"
case "$build_dir" in /* | [A-Za-z]:*) ;; *) build_dir="$PWD/$build_dir" ;; esac
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$build_dir/reprodiff.jar"
cli="$build_dir/jpackage/image/Reprodiff/bin/reprodiff"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "smoke-test: FAILED: $*" >&2
  exit 1
}

BUILD_DIR="$build_dir" bash packaging/build.sh image --no-maven
[ -x "$cli" ] || fail "no CLI launcher at $cli"
[ -x "$build_dir/jpackage/image/Reprodiff/bin/Reprodiff" ] || fail "no desktop launcher in the image"

expected_version="$("$java_bin" -jar "$jar" --version)"
actual_version="$("$cli" --version)"
[ "$actual_version" = "$expected_version" ] || fail "image says '$actual_version', jar says '$expected_version'"
echo "smoke-test: version: $actual_version"

"$cli" import --db "$work/image.db" sample-runs >"$work/import.txt" || fail "import exited $?: $(cat "$work/import.txt")"
"$cli" runs --db "$work/image.db" >"$work/image-runs.txt" || fail "runs exited $?"
"$java_bin" -jar "$jar" import --db "$work/jar.db" sample-runs >/dev/null
"$java_bin" -jar "$jar" runs --db "$work/jar.db" >"$work/jar-runs.txt"

count_line="$(tail -n 1 "$work/image-runs.txt")"
case "$count_line" in
  [1-9]*" runs") ;;
  *) fail "the image listed no runs: $(cat "$work/image-runs.txt")" ;;
esac
# Store ids follow the order imports finish in, so compare the rows without them.
without_ids() { awk '{ $1 = ""; print }' "$1" | sort; }
diff -u <(without_ids "$work/jar-runs.txt") <(without_ids "$work/image-runs.txt") \
  || fail "the image lists other runs than the jar"
echo "smoke-test: the app image imported sample-runs and lists $count_line, as the jar does"
