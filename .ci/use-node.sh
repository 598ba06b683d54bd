# Sourced by .ci/run (and usable by hand: `. .ci/use-node.sh`): puts the Node.js
# that finstack runs on (.nvmrc, a Node 24 LTS release) first on PATH when the
# machine's node is older. The npm registry's node-linux-<arch> package ships
# that release's binary and headers; it is unpacked once under
# ~/.cache/finstack/ (FINSTACK_NODE_CACHE) and reused. npm itself stays the
# machine's: its `#!/usr/bin/env node` runs it on the Node found first.
#
# npm_config_nodedir points node-gyp at the package's include/node, so a native
# addon without a prebuilt binary for Node 24 (better-sqlite3 here) compiles
# against these headers instead of downloading them (no network but npm's).
finstack_node_version=$(tr -d ' \n' <"$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")
finstack_node_major=${finstack_node_version%%.*}
finstack_node_have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$finstack_node_have" -lt "$finstack_node_major" ]; then
  case "$(uname -m)" in
    x86_64) finstack_node_arch=x64 ;;
    aarch64 | arm64) finstack_node_arch=arm64 ;;
    *) echo "no node-linux package for $(uname -m); install Node.js $finstack_node_major by hand" >&2; return 1 ;;
  esac
  finstack_node_dir="${FINSTACK_NODE_CACHE:-$HOME/.cache/finstack}/node-v$finstack_node_version-linux-$finstack_node_arch"
  if [ ! -x "$finstack_node_dir/bin/node" ]; then
    echo "fetching Node.js $finstack_node_version (node-linux-$finstack_node_arch) from the npm registry"
    finstack_node_tmp=$(mktemp -d)
    (cd "$finstack_node_tmp" && npm pack --silent "node-linux-$finstack_node_arch@$finstack_node_version" >/dev/null)
    mkdir -p "$finstack_node_tmp/unpacked"
    tar xzf "$finstack_node_tmp"/node-linux-*.tgz -C "$finstack_node_tmp/unpacked" --strip-components=1
    mkdir -p "$(dirname "$finstack_node_dir")"
    rm -rf "$finstack_node_dir" && mv "$finstack_node_tmp/unpacked" "$finstack_node_dir"
    rm -rf "$finstack_node_tmp"
  fi
  export PATH="$finstack_node_dir/bin:$PATH"
  export npm_config_nodedir="$finstack_node_dir"
  hash -r
fi
unset finstack_node_version finstack_node_major finstack_node_have finstack_node_arch finstack_node_dir finstack_node_tmp
