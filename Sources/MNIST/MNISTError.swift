/// Why an MNIST-format folder could not be loaded or split. Every case that concerns one
/// file names it (its path), so the message says which file to replace.
public enum MNISTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// neither `NAME` nor `NAME.gz` is in the folder
    case missingFile(folder: String, names: [String])
    /// the file could not be read or decompressed
    case unreadable(GzipError)
    /// the uncompressed file is not a valid IDX file of unsigned bytes
    case invalidIDX(IDXError)
    /// the uncompressed file's SHA-256 is not the published one
    case checksumMismatch(file: String, expected: String, actual: String)
    /// the file's shape disagrees with the other files (image and label counts, image size)
    case inconsistent(file: String, message: String)
    /// a label byte is not below the class count
    case labelOutOfRange(file: String, index: Int, value: UInt8, classCount: Int)
    /// no `data/mnist` folder was found; the folders looked in, in order
    case dataNotFound(searched: [String])
    /// a validation size or subset that the training images cannot provide
    case invalidSplit(String)

    /// The path of the file the error is about, when it is about one.
    public var file: String? {
        switch self {
        case .unreadable(let error): error.file
        case .invalidIDX(let error): error.file
        case .checksumMismatch(let file, _, _), .inconsistent(let file, _), .labelOutOfRange(let file, _, _, _): file
        case .missingFile, .dataNotFound, .invalidSplit: nil
        }
    }

    public var description: String {
        switch self {
        case .missingFile(let folder, let names):
            return "\(folder): no \(names.joined(separator: " or ")) in this folder"
        case .unreadable(let error):
            return error.description
        case .invalidIDX(let error):
            return error.description
        case .checksumMismatch(let file, let expected, let actual):
            return "\(file): SHA-256 of the uncompressed data is \(actual), expected \(expected) "
                + "(the published MNIST file); the file is damaged or is another data set "
                + "(load it without verification if that is intended)"
        case .inconsistent(let file, let message):
            return "\(file): \(message)"
        case .labelOutOfRange(let file, let index, let value, let classCount):
            return "\(file): label \(index) is \(value), expected 0…\(classCount - 1)"
        case .dataNotFound(let searched):
            return "no MNIST data found (data/mnist/\(MNISTFile.trainingImages.fileName).gz); looked in:\n"
                + searched.map { "  \($0)" }.joined(separator: "\n")
                + "\nname the folder with --data DIR or REGSIM_DATA=DIR, or install regsim with scripts/install.sh"
        case .invalidSplit(let message):
            return message
        }
    }
}
