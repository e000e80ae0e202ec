/// A count and its noun, singular for exactly 1: counted(1, "update") = "1 update",
/// counted(2, "update") = "2 updates".
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
}
