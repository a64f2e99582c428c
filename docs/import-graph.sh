#!/usr/bin/env bash
# Draws the import graph of the main code as a Mermaid flowchart on stdout, from the compiled classes (jdeps):
#   docs/import-graph.sh modules    the four modules and the arrows between them, with how many package imports each
#   docs/import-graph.sh packages   every package, grouped by module, with an arrow per package it imports
# Run after a build (./mvnw -B -DskipTests package); docs/architecture.md holds the latest drawings.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-packages}
modules=(shared-kernel command-side query-side infra)
dirs=(); for m in "${modules[@]}"; do dirs+=("$m/target/classes"); done
edges=$(jdeps -verbose:package -filter:none -e 'io\.hotline(\..*)?' "${dirs[@]}" 2>/dev/null \
  | awk '$2 == "->" && $1 != $3 && $3 ~ /^io\.hotline/ { print $1, $3 }' | sort -u)
node() { echo "$1" | sed 's/^io\.hotline$/application/; s/^io\.hotline\.//; s/\./_/g'; }
label() { echo "$1" | sed 's/^io\.hotline$/io.hotline (the application)/; s/^io\.hotline\.//'; }
module_of() {
  case "$1" in
    io.hotline.kernel*) echo shared_kernel ;;
    io.hotline.command*) echo command_side ;;
    io.hotline.query*) echo query_side ;;
    *) echo infra ;;
  esac
}
echo 'flowchart LR'
if [ "$what" = modules ]; then
  for m in "${modules[@]}"; do echo "  ${m//-/_}[$m]"; done
  echo "$edges" | while read -r from to; do
    [ -n "$from" ] && echo "$(module_of "$from") $(module_of "$to")"
  done | awk '$1 != $2' | sort | uniq -c | while read -r count from to; do
    echo "  $from -->|$count| $to"
  done
  exit 0
fi
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
