#!/usr/bin/env bash
# Builds a self-contained archive an instructor can hand out:
#   dist/regsim-VERSION-linux-ARCH.tar.gz  holding  regsim-VERSION/bin/regsim  and
#   regsim-VERSION/share/regsim/{lessons,data/mnist,commit}, plus README and an install note.
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib), so the
# program runs on a Linux machine without a Swift toolchain; it needs only the C libraries
# every Debian/Ubuntu system has, plus GNU readline and zlib (libreadline8, zlib1g).
#
# Usage: scripts/package.sh [--check]
#   --check   then unpack the archive in a temporary folder and play every lesson and run a
#             one-epoch `regsim train` from outside the source tree, with the Swift toolchain
#             removed from PATH and LD_LIBRARY_PATH; then install into a temporary prefix
#             with scripts/install.sh, run the installed regsim, and uninstall it
set -euo pipefail

check=no
case "${1:-}" in
    --check) check=yes ;;
    "") ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
source_tree=$(pwd)
version=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/regsim/BuildInfo.swift)
[ -n "$version" ] || { echo "package.sh: no version in Sources/regsim/BuildInfo.swift" >&2; exit 1; }
arch=$(uname -m)
name="regsim-$version"
archive="dist/$name-linux-$arch.tar.gz"

source scripts/common.sh
echo "building regsim $version (release, Swift runtime linked in; a first build takes a few minutes)…"
binary=$(build_release | tail -n 1)

staging=$(mktemp -d)
trap 'rm -rf -- "$staging"' EXIT
root="$staging/$name"
install -D -m 755 "$binary" "$root/bin/regsim"
strip "$root/bin/regsim" 2>/dev/null || true
mkdir -p "$root/share/regsim/lessons" "$root/share/regsim/data/mnist"
cp lessons/* "$root/share/regsim/lessons/"
cp data/mnist/* "$root/share/regsim/data/mnist/"
commit=$(source_commit)
printf '%s\n' "$commit" > "$root/share/regsim/commit"
cp README.md "$root/README.md"
cat > "$root/INSTALL.txt" <<EOF
regsim $version ($commit), for Linux on $arch.

Run it from here:        ./bin/regsim lesson 1
or put it on your PATH:  export PATH="\$PWD/bin:\$PATH"   (then: regsim lesson 1)

regsim finds its lessons and MNIST data in share/regsim beside bin/, wherever this folder
is moved. It needs GNU readline and zlib, present on most Linux systems
(Debian/Ubuntu: apt-get install libreadline8 zlib1g). regsim --help lists everything.
EOF
mkdir -p dist
tar -C "$staging" -czf "$archive" "$name"
echo "wrote $archive ($(du -h "$archive" | cut -f1); the program alone $(du -h "$root/bin/regsim" | cut -f1))"
echo "shared libraries it needs:"
ldd "$root/bin/regsim" | sed 's/^/  /'

[ "$check" = yes ] || exit 0

echo "checking the archive outside the source tree, without the Swift toolchain…"
trial=$(mktemp -d)
trap 'rm -rf -- "$staging" "$trial"' EXIT
tar -C "$trial" -xzf "$archive"
toolchain=$(dirname "$(dirname "$(command -v swift)")")
clean_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -F "$toolchain" | paste -sd: -)
run() {
    (cd "$trial" && env -i HOME="$trial" PATH="$clean_path" LD_LIBRARY_PATH= "$trial/$name/bin/regsim" "$@")
}
if ldd "$trial/$name/bin/regsim" | grep -q -F "$toolchain"; then
    echo "package.sh: the program still loads libraries from $toolchain" >&2
    exit 1
fi
run --version
for lesson in "$trial/$name/share/regsim/lessons/"*.lesson; do
    base=$(basename "$lesson" .lesson)
    run play "${base%%-*}" > "$trial/play-$base.txt"
    cmp -s "$trial/play-$base.txt" "$source_tree/Tests/LessonTests/Golden/$base.transcript" \
        || { echo "package.sh: 'regsim play ${base%%-*}' differs from Tests/LessonTests/Golden/$base.transcript" >&2; exit 1; }
done
echo "  regsim play N: every lesson's transcript is the same as its golden file in Tests/LessonTests/Golden"
cp "$trial/play-02-the-two-formulas.txt" "$trial/play.txt"
run train --subset 500 --validation 100 --epochs 1 --threads 2 > "$trial/train.txt"
grep -q "test accuracy" "$trial/train.txt" \
    || { echo "package.sh: 'regsim train' printed no test accuracy:" >&2; cat "$trial/train.txt" >&2; exit 1; }
echo "  regsim train --subset 500 --epochs 1: $(grep "test accuracy" "$trial/train.txt")"
echo "the archive runs without the source tree and without Swift"

echo "checking scripts/install.sh and --uninstall with the same build…"
prefix="$trial/prefix"
bash scripts/install.sh --prefix "$prefix" > "$trial/install.txt"
(cd "$trial" && env -i HOME="$trial" PATH="$prefix/bin:$clean_path" regsim play 2) > "$trial/installed-play.txt"
cmp -s "$trial/installed-play.txt" "$trial/play.txt" \
    || { echo "package.sh: the installed 'regsim play 2' differs from the archive's" >&2; exit 1; }
echo "  $(tail -n 2 "$trial/install.txt" | head -n 1)"
bash scripts/install.sh --prefix "$prefix" --uninstall
left=$(find "$prefix" -mindepth 1 | head -n 5)
[ -z "$left" ] || { echo "package.sh: --uninstall left files behind:" >&2; echo "$left" >&2; exit 1; }
echo "  --uninstall left $prefix empty"
