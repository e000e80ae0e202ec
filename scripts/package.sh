#!/usr/bin/env bash
# Builds a self-contained archive an instructor can hand out:
#   dist/regsim-VERSION-linux-ARCH.tar.gz  holding  regsim-VERSION/bin/regsim  and
#   regsim-VERSION/share/regsim/{lessons,data/mnist,commit}, plus README and an install note.
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib), so the
# program runs on a Linux machine without a Swift toolchain; it needs only the C libraries
# every Debian/Ubuntu system has, plus GNU readline and zlib (libreadline8, zlib1g).
#
# Usage: scripts/package.sh [--check]
#   --check   then unpack the archive in a temporary folder and run `regsim play 2` and a
#             one-epoch `regsim train` from outside the source tree, with the Swift toolchain
#             removed from PATH and LD_LIBRARY_PATH, and list the shared libraries it loads
set -euo pipefail

check=no
case "${1:-}" in
    --check) check=yes ;;
    "") ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
source_tree=$(pwd)
version=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/regsim/BuildInfo.swift)
[ -n "$version" ] || { echo "package.sh: no version in Sources/regsim/BuildInfo.swift" >&2; exit 1; }
arch=$(uname -m)
name="regsim-$version"
archive="dist/$name-linux-$arch.tar.gz"

echo "building regsim $version (release, static Swift runtime; a first build takes a few minutes)…"
scratch=.build-static
swift build -c release --product regsim --static-swift-stdlib --scratch-path "$scratch"
binary="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/regsim"

staging=$(mktemp -d)
trap 'rm -rf -- "$staging"' EXIT
root="$staging/$name"
install -D -m 755 "$binary" "$root/bin/regsim"
strip "$root/bin/regsim" 2>/dev/null || true
mkdir -p "$root/share/regsim/lessons" "$root/share/regsim/data/mnist"
cp lessons/* "$root/share/regsim/lessons/"
cp data/mnist/* "$root/share/regsim/data/mnist/"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit-modified"
fi
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
run play 2 > "$trial/play.txt"
cmp -s "$trial/play.txt" "$source_tree/Tests/LessonTests/Golden/02-the-two-formulas.transcript" \
    || { echo "package.sh: 'regsim play 2' differs from Tests/LessonTests/Golden/02-the-two-formulas.transcript" >&2; exit 1; }
echo "  regsim play 2: the same transcript as Tests/LessonTests/Golden/02-the-two-formulas.transcript"
run train --subset 500 --validation 100 --epochs 1 --threads 2 > "$trial/train.txt"
grep -q "test accuracy" "$trial/train.txt" \
    || { echo "package.sh: 'regsim train' printed no test accuracy:" >&2; cat "$trial/train.txt" >&2; exit 1; }
echo "  regsim train --subset 500 --epochs 1: $(grep "test accuracy" "$trial/train.txt")"
echo "the archive runs without the source tree and without Swift"
