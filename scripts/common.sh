# Shared by install.sh and package.sh (sourced from the source tree's root).

# Builds regsim in release mode with the Swift runtime linked statically, in its own
# scratch folder (.build-static) so that it neither reuses nor invalidates `swift build`'s
# .build; prints the program's path on the last line.
build_release() {
    local scratch=.build-static
    swift build -c release --product regsim --static-swift-stdlib --scratch-path "$scratch" >&2
    echo "$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/regsim"
}

# The commit of the source tree, with "-modified" when tracked files have changes.
source_commit() {
    local commit
    commit=$(git rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
    if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
        commit="$commit-modified"
    fi
    echo "$commit"
}
