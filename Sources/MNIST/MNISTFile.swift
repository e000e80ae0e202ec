/// The four files of the MNIST database of handwritten digits (Yann LeCun, Corinna Cortes
/// and Christopher J.C. Burges; CC BY-SA 3.0), by their standard names, with the SHA-256 of
/// each uncompressed file.
///
/// | file                    | IDX shape          | magic |
/// | ----------------------- | ------------------ | ----- |
/// | train-images-idx3-ubyte | 60000 × 28 × 28 u8 | 2051  |
/// | train-labels-idx1-ubyte | 60000 u8 (0–9)     | 2049  |
/// | t10k-images-idx3-ubyte  | 10000 × 28 × 28 u8 | 2051  |
/// | t10k-labels-idx1-ubyte  | 10000 u8 (0–9)     | 2049  |
///
/// A folder may hold each file plain or gzip-compressed (`.gz` added to the name). The sums
/// are those of the uncompressed files, so they hold whatever the compression; the same
/// list is in `data/mnist/SHA256SUMS`.
public enum MNISTFile: String, CaseIterable, Sendable {
    case trainingImages = "train-images-idx3-ubyte"
    case trainingLabels = "train-labels-idx1-ubyte"
    case testImages = "t10k-images-idx3-ubyte"
    case testLabels = "t10k-labels-idx1-ubyte"

    /// The standard name of the uncompressed file.
    public var fileName: String { rawValue }

    /// The SHA-256 of the uncompressed file as published, 64 lowercase hex digits.
    public var knownSHA256: String {
        switch self {
        case .trainingImages: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
        case .trainingLabels: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
        case .testImages: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
        case .testLabels: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
        }
    }

    /// The SHA-256 of the gzip-compressed file as regsim ships it in `data/mnist`
    /// (`sha256sum data/mnist/*.gz`), 64 lowercase hex digits. Each one decompresses to the
    /// file with `knownSHA256` (BundledMNISTTests checks it), so matching this sum verifies the
    /// contents without decompressing them. Other compressions of MNIST are verified whole.
    public var knownCompressedSHA256: String {
        switch self {
        case .trainingImages: "0b367032e93c5d0cea0925647cfdb18614af8ee15f83e6f2fc2ad904a6835971"
        case .trainingLabels: "1787548bbe0bff1ec2ecdc0ef292b02df999e2d1a6002d27500982c652b17203"
        case .testImages: "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be"
        case .testLabels: "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b"
        }
    }

    /// The known sum for a standard file name (with or without `.gz`), or nil for any other name.
    public static func knownSHA256(forFileName name: String) -> String? {
        let base = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        return MNISTFile(rawValue: base)?.knownSHA256
    }

    /// Whether the file holds images (three dimensions) rather than labels (one).
    public var holdsImages: Bool { self == .trainingImages || self == .testImages }
}
