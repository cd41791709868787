# The project's Node runtime: source this file to put the Node pinned in .nvmrc first on PATH.
#
#   source scripts/node-runtime.sh        # then: npm install && npm test
#
# A machine whose Node is already at the pinned major (or newer) keeps its own. Otherwise the pinned
# version is installed once, from the npm registry's `node-<os>-<arch>` package (the official binary
# and its C++ headers; npm checks the tarball's sha512 against the registry), into
# ${FIBROGRAPH_TOOLS_DIR:-~/.cache/fibrograph}. Nothing is downloaded from outside the npm registry:
# native modules (better-sqlite3) compile against those headers through npm_config_nodedir instead of
# node-gyp fetching them from nodejs.org.
#
# Written to be sourced by bash (CI's .ci/run, a developer's shell), so it never calls `exit`, and it
# leaves the caller's shell options as they were.

fibrograph_node_runtime() {
  local root pinned major current current_major os arch tools dir partial tarball
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  pinned=$(tr -d ' \r\nv' <"$root/.nvmrc")
  major=${pinned%%.*}

  current=$(node --version 2>/dev/null || true)
  current_major=${current#v}
  current_major=${current_major%%.*}
  if [[ "$current_major" =~ ^[0-9]+$ ]] && ((current_major >= major)); then
    echo "node-runtime: using this machine's Node $current ($(command -v node))"
    return 0
  fi

  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "node-runtime: no npm package of Node for $(uname -s); install Node $pinned yourself" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "node-runtime: no npm package of Node for $(uname -m); install Node $pinned yourself" >&2; return 1 ;;
  esac

  tools=${FIBROGRAPH_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fibrograph}
  dir="$tools/node-v$pinned-$os-$arch"
  if [[ ! -x "$dir/bin/node" ]]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "node-runtime: npm is needed to fetch Node $pinned from the npm registry" >&2
      return 1
    fi
    echo "node-runtime: installing Node $pinned from the npm registry (node-$os-$arch) into $dir"
    # Unpack beside the target and rename at the end, so an interrupted install is never taken for a
    # finished one.
    mkdir -p "$tools"
    partial=$(mktemp -d "$tools/.partial.XXXXXX")
    # `|| true`: under the caller's `set -e` a failed pack must reach the message below, not end the shell.
    tarball=$(cd "$partial" && npm pack --silent "node-$os-$arch@$pinned" | tail -n 1) || true
    if [[ -z "$tarball" || ! -f "$partial/$tarball" ]]; then
      echo "node-runtime: npm pack node-$os-$arch@$pinned failed" >&2
      rm -rf "$partial"
      return 1
    fi
    mkdir -p "$partial/node"
    tar -xzf "$partial/$tarball" -C "$partial/node" --strip-components=1
    # The package must hold what CI relies on: the binary at the pinned version and the addon headers.
    if [[ "$("$partial/node/bin/node" --version 2>/dev/null)" != "v$pinned" || ! -f "$partial/node/include/node/node_api.h" || ! -f "$partial/node/include/node/common.gypi" ]]; then
      echo "node-runtime: node-$os-$arch@$pinned lacks bin/node v$pinned or its headers" >&2
      rm -rf "$partial"
      return 1
    fi
    rm -rf "$dir"
    mv "$partial/node" "$dir"
    rm -rf "$partial"
  fi

  export PATH="$dir/bin:$PATH"
  # node-gyp builds addons against these headers instead of downloading them.
  export npm_config_nodedir="$dir"
  hash -r 2>/dev/null || true
  echo "node-runtime: using Node $(node --version) ($dir/bin/node), headers for native modules in $dir/include/node"
}

fibrograph_node_runtime
