#!/usr/bin/env bash
# Draws the import graph of the main code (packages grouped by module) as a Mermaid flowchart on stdout.
# Run after a build (./mvnw -B -DskipTests package); docs/architecture.md holds its latest drawing.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=(shared-kernel command-side query-side infra)
dirs=(); for m in "${modules[@]}"; do dirs+=("$m/target/classes"); done
edges=$(jdeps -verbose:package -filter:none -e 'io\.hotline\..*' "${dirs[@]}" 2>/dev/null \
  | awk '$2 == "->" && $1 != $3 && $3 ~ /^io\.hotline/ { print $1, $3 }' | sort -u)
node() { echo "$1" | sed 's/^io\.hotline\.//; s/\./_/g'; }
label() { echo "$1" | sed 's/^io\.hotline\.//'; }
echo 'flowchart LR'
for m in "${modules[@]}"; do
  echo "  subgraph ${m//-/_}[$m]"
  (cd "$m/target/classes" && find io -name '*.class' -printf '%h\n' | tr / . | sort -u) | while read -r p; do
    echo "    $(node "$p")[\"$(label "$p")\"]"
  done
  echo '  end'
done
echo "$edges" | while read -r from to; do
  [ -n "$from" ] && echo "  $(node "$from") --> $(node "$to")"
done
