import ArgumentParser
import Engine
import Experiments

// The settings' enums as option values: `--help` and shell completion list their values.
extension Optimizer: ExpressibleByArgument {}
extension L2Convention: ExpressibleByArgument {}
extension L1Mode: ExpressibleByArgument {}
extension PenaltyChoice: ExpressibleByArgument {}
extension Sweep.PenaltyKind: ExpressibleByArgument {}
