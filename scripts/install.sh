#!/usr/bin/env bash
# Installs regsim for one user (or system-wide with a root prefix):
#   PREFIX/bin/regsim                 (the Swift runtime linked in: it runs without a toolchain)
#   PREFIX/share/regsim/lessons/      the lessons
#   PREFIX/share/regsim/data/mnist/   the bundled MNIST copy
#   PREFIX/share/regsim/commit        the commit it was built from (regsim --version)
#   shell completion for bash, zsh and fish where those shells look under PREFIX
#   PREFIX/share/regsim/installed-files, the list --uninstall removes
#
# Usage: scripts/install.sh [--prefix DIR] [--uninstall]
#   --prefix DIR   where to install (default: ~/.local; then PREFIX/bin must be on PATH)
#   --uninstall    remove exactly the files a previous install listed, then empty folders
set -euo pipefail

prefix="${HOME}/.local"
uninstall=no
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
manifest="$prefix/share/regsim/installed-files"

remove_installed() {
    [ -f "$manifest" ] || return 0
    while IFS= read -r file; do
        [ -n "$file" ] && rm -f -- "$file"
    done < "$manifest"
    rm -f -- "$manifest"
    # folders the install made, deepest first, only when now empty
    for folder in share/regsim/data/mnist share/regsim/data share/regsim/lessons share/regsim \
                  share/bash-completion/completions share/bash-completion share/zsh/site-functions share/zsh \
                  share/fish/vendor_completions.d share/fish bin share; do
        rmdir -- "$prefix/$folder" 2>/dev/null || true
    done
}

if [ "$uninstall" = yes ]; then
    [ -f "$manifest" ] || { echo "install.sh: no regsim installed under $prefix ($manifest is missing)" >&2; exit 1; }
    count=$(grep -c . "$manifest" || true)
    remove_installed
    echo "removed regsim from $prefix ($count files)"
    exit 0
fi

cd "$(dirname "$0")/.."
source scripts/common.sh
echo "building regsim (release, Swift runtime linked in; a first build takes a few minutes)…"
binary=$(build_release | tail -n 1)
[ -x "$binary" ] || { echo "install.sh: the build left no $binary" >&2; exit 1; }

# A reinstall replaces the previous one: remove what it listed first.
remove_installed

installed=()
put() {  # put MODE SOURCE DESTINATION
    install -D -m "$1" -- "$2" "$3"
    installed+=("$3")
}
put 755 "$binary" "$prefix/bin/regsim"
strip "$prefix/bin/regsim" 2>/dev/null || true   # the symbols are most of its size
for lesson in lessons/*; do
    [ -f "$lesson" ] && put 644 "$lesson" "$prefix/share/regsim/lessons/$(basename "$lesson")"
done
for file in data/mnist/*; do
    [ -f "$file" ] && put 644 "$file" "$prefix/share/regsim/data/mnist/$(basename "$file")"
done
mkdir -p "$prefix/share/regsim"
source_commit > "$prefix/share/regsim/commit"
installed+=("$prefix/share/regsim/commit")

completion() {  # completion SHELL DESTINATION
    local file
    file=$(mktemp)
    if "$prefix/bin/regsim" --generate-completion-script "$1" > "$file" 2>/dev/null && [ -s "$file" ]; then
        put 644 "$file" "$2"
    fi
    rm -f -- "$file"
}
completion bash "$prefix/share/bash-completion/completions/regsim"
completion zsh "$prefix/share/zsh/site-functions/_regsim"
completion fish "$prefix/share/fish/vendor_completions.d/regsim.fish"

printf '%s\n' "${installed[@]}" "$manifest" > "$manifest"
echo "installed $("$prefix/bin/regsim" --version) into $prefix (${#installed[@]} files; listed in $manifest)"
case ":$PATH:" in
    *":$prefix/bin:"*) echo "try: regsim lesson 1" ;;
    *) echo "add $prefix/bin to PATH (e.g. in ~/.profile: export PATH=\"$prefix/bin:\$PATH\"), then: regsim lesson 1" ;;
esac
