import ArgumentParser

/// Options for running commands without a terminal.
struct EchoOptions: ParsableArguments {
    @Flag(help: "Print only the output: no '> LINE' echo of commands, no comment lines. (Input from a pipe or a file only.)")
    var noEcho = false
}
