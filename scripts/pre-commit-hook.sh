#!/usr/bin/env bash
# The pre-commit hook's entry: checks the card files pre-commit passes, with the repository's .modelcard.yaml.
# Uses the jar in MODELCARD_LS_JAR, else the one built in this checkout (built once, on first use: pre-commit
# keeps its clone of the hook's repository between runs). Needs Java 17 or newer.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${MODELCARD_LS_JAR:-$here/server/target/modelcard-ls.jar}
if [ ! -f "$jar" ]; then
  echo "modelcard-ls: building the checker once (about a minute)" >&2
  (cd "$here" && ./mvnw -q -B -ntp -DskipTests package >&2)
fi
# One JVM for every file of the commit, started by the launcher: the flags of bin/jvm.options and the class-data
# archive it records on first use make a short run start quickly.
MODELCARD_LS_JAR=$jar exec "$here/bin/modelcard-ls" check "$@"
