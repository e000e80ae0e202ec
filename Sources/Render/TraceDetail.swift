/// How much of each phase `step` and `update` print (`trace full|compact|off`).
public enum TraceDetail: String, CaseIterable, Equatable, Sendable {
    /// Every number of every phase, with its formula.
    case full
    /// One line per phase: the batch's ŷ, J_data, Ω and J, the gradients' norms, the update's losses.
    case compact
    /// Only the update's summary line, as `run` prints it.
    case off
}
