#!/bin/sh
# Deletes from a production node_modules what Node never loads, so that an
# image stays small: type declarations and TypeScript sources, source maps,
# documentation, TypeORM's browser build, and better-sqlite3's C sources and
# compiler output (only its compiled addon is loaded).
set -eu
dir=${1:-node_modules}

find "$dir" -type f \( -name '*.ts' -o -name '*.mts' -o -name '*.cts' -o -name '*.map' \
  -o -iname '*.md' -o -iname '*.markdown' \) -delete
find "$dir" -type d -name dist-types -prune -exec rm -rf {} +
rm -rf "$dir/@types" "$dir/typeorm/browser"

sqlite="$dir/better-sqlite3"
if [ -d "$sqlite/build/Release" ]; then
  addon=$(mktemp -d)
  mv "$sqlite"/build/Release/*.node "$addon/"
  rm -rf "$sqlite/build" "$sqlite/deps" "$sqlite/src"
  mkdir -p "$sqlite/build/Release"
  mv "$addon"/*.node "$sqlite/build/Release/"
  rmdir "$addon"
fi
