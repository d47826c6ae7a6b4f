#!/usr/bin/env bash
# bin/modelcard-ls as users start it: what it keeps between starts (the JDK a java on PATH links to, the
# class-data archive's key) is written once, used while it holds and worked out again when it does not; the
# archive it records is named by that key. Needs the built jar (server/target/modelcard-ls.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/cache
# The java on PATH is the launcher's last choice, and the one this test follows: the JDK of JAVA_HOME first.
if [ -n "${JAVA_HOME:-}" ]; then PATH=$JAVA_HOME/bin:$PATH; fi
unset MODELCARD_LS_JAR MODELCARD_JAVA_HOME JAVA_HOME MODELCARD_CDS
cache=$tmp/cache/modelcard-ls
card=$repo/examples/czi-draft/README.md
failures=0

ok() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failures=$((failures + 1)); }
expect() { # expect NAME ACTUAL WANTED
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: got '$2', want '$3'"; fi
}
field() { sed -n "s/^$1=//p" "$cache/launch"; }
check() { "$@" check --fail-on never "$card" | tail -1; }

java=$(command -v java)
home=$(cd "$(dirname "$(readlink -f "$java")")/.." && pwd -P)
version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
jar=$repo/server/target/modelcard-ls.jar
id="$home|$version|$jar"
key=$(printf '%s' "$id" | cksum | cut -d' ' -f1)
summary=$(java -jar "$jar" check --fail-on never "$card" | tail -1)

expect "a first start checks as java -jar does" "$(check bin/modelcard-ls)" "$summary"
expect "it keeps the java it found on PATH" "$(field java)" "$java"
expect "and the JDK that java links to" "$(field home)" "$home"
expect "and the archive's key, for this JDK, version and jar" "$(field id)|$(field key)" "$id|$key"
expect "in a file that says it is whole" "$(tail -1 "$cache/launch")" "end"
for _ in $(seq 120); do ls "$cache"/*.lock >/dev/null 2>&1 || break; sleep 1; done
kind=jsa
[ "${version%%.*}" -lt 25 ] || kind=aot
expect "the archive recorded in the background is named by that key" \
  "$(ls "$cache" | grep -E '\.(jsa|aot)$')" "modelcard-ls-check-$version-$key.$kind"

before=$(stat -c %Y.%s "$cache/launch")
sleep 1
expect "a later start checks the same" "$(check bin/modelcard-ls)" "$summary"
expect "and leaves what it keeps as it was" "$(stat -c %Y.%s "$cache/launch")" "$before"
expect "a start from another folder, by another path, finds the same jar" \
  "$(cd "$tmp" && check "$repo/bin/../bin/modelcard-ls")" "$summary"
expect "and the same key" "$(field key)" "$key"

# A folder checked by plain java -jar goes on in a JVM with the launcher's flags and its archive (cli/Relaunch).
flag=-XX:SharedArchiveFile=
[ "$kind" = jsa ] || flag=-XX:AOTCache=
java -jar "$jar" check --fail-on never "$repo/examples" >"$tmp/folder.txt" &
first=$!
seen=no
while kill -0 "$first" 2>/dev/null; do
  if ps -o args= --ppid "$first" | grep -qF -- "$flag$cache/modelcard-ls-check-$version-$key.$kind"; then seen=yes; fi
  sleep 0.02
done
wait "$first" || true
expect "java -jar on a folder goes on in a JVM with the launcher's archive" "$seen|$(tail -1 "$tmp/folder.txt")" \
  "yes|$(bin/modelcard-ls check --fail-on never "$repo/examples" | tail -1)"

printf 'java=%s\nhome=%s\nid=%s\nkey=1\n' "$java" "$home" "$id" >"$cache/launch"
expect "a file written only in part (no end) is not used" "$(check bin/modelcard-ls)" "$summary"
expect "and is written again whole" "$(field key)|$(tail -1 "$cache/launch")" "$key|end"

printf 'java=%s\nhome=%s\nid=%s\nkey=%s\nend\n' "$java" "$tmp" "$tmp|0|x" "1" >"$cache/launch"
expect "a JDK that the java on PATH no longer links to is not used" "$(check bin/modelcard-ls)" "$summary"
expect "and the JDK and key are worked out again" "$(field home)|$(field key)" "$home|$key"

other=
for d in /usr/lib/jvm/*; do # another JDK 17+, if the machine has one
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null || true)
  if [ -x "$d/bin/java" ] && ! [ "$d/bin/java" -ef "$java" ] && [ "${v:-0}" -ge 17 ]; then other=$d; break; fi
done
if [ -n "$other" ]; then
  expect "JAVA_HOME chooses the JDK" "$(JAVA_HOME=$other check bin/modelcard-ls)" "$summary"
  other_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$other/release")
  other_key=$(printf '%s' "$other|$other_version|$jar" | cksum | cut -d' ' -f1)
  expect "and its key is kept" "$(field home)|$(field key)" "$other|$other_key"
  for _ in $(seq 120); do ls "$cache"/*.lock >/dev/null 2>&1 || break; sleep 1; done
else
  ok "JAVA_HOME chooses the JDK # skip: one JDK 17+ on this machine"
fi

if [ "$failures" -gt 0 ]; then
  echo "launcher-test: $failures failed"
  exit 1
fi
echo "launcher-test: all passed"
