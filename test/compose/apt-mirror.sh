#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt uses: the URI of the first source
# for the main archive (not -security, not a third-party repository) in
# /etc/apt/sources.list.d/*.sources (deb822) or /etc/apt/sources.list and
# sources.list.d/*.list (one-line form). APT_SOURCES_DIR moves the folder (tests).
# Fails, saying so, when there is none: the repository names no package host itself.
set -euo pipefail
dir=${APT_SOURCES_DIR:-/etc/apt}

main_archive() { grep -Ev -- '-security|security\.|/debian-security' | grep -E '/debian/?$' | head -n 1; }

from_deb822() {
  # Stanzas of `Types: deb` with a URIs line; disabled files (other suffixes) are not read.
  local file
  for file in "$dir"/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk 'BEGIN { RS = ""; FS = "\n" }
      /(^|\n)Types:([^\n]* )?deb( |\n|$)/ && !/(^|\n)Enabled: *no/ {
        for (i = 1; i <= NF; i++) if ($i ~ /^URIs:/) { sub(/^URIs: */, "", $i); split($i, uris, " "); for (u in uris) print uris[u] }
      }' "$file"
  done
}

from_one_line() {
  local file
  for file in "$dir"/sources.list "$dir"/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    # deb [options] URI suite components
    sed -nE 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' "$file"
  done
}

mirror=$({ from_deb822; from_one_line; } | main_archive || true)
if [ -z "$mirror" ]; then
  echo "no Debian mirror in $dir/sources.list or $dir/sources.list.d: set DEBIAN_MIRROR" >&2
  exit 1
fi
echo "${mirror%/}"
