/// The element type of an IDX file: the third byte of its magic number.
public enum IDXElementType: UInt8, CaseIterable, Sendable {
    case unsignedByte = 0x08
    case signedByte = 0x09
    case short = 0x0B
    case int = 0x0C
    case float = 0x0D
    case double = 0x0E

    /// Bytes per element: 1, 1, 2, 4, 4, 8.
    public var byteWidth: Int {
        switch self {
        case .unsignedByte, .signedByte: 1
        case .short: 2
        case .int, .float: 4
        case .double: 8
        }
    }

    /// The name the IDX format description uses ("unsigned byte", "float", …).
    public var name: String {
        switch self {
        case .unsignedByte: "unsigned byte"
        case .signedByte: "signed byte"
        case .short: "short"
        case .int: "int"
        case .float: "float"
        case .double: "double"
        }
    }

    /// The code as the format writes it: "0x08", "0x0D".
    public var code: String { "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 2) }
}

/// The header of an IDX file (the format of the MNIST files, described on LeCun's MNIST page):
///
/// ```text
/// offset  size  content
/// 0       2     0x00 0x00
/// 2       1     element type (0x08 unsigned byte, 0x09 signed byte, 0x0B short (2 bytes),
///               0x0C int (4), 0x0D float (4), 0x0E double (8))
/// 3       1     number of dimensions d
/// 4       4·d   the size of each dimension, 32-bit big-endian, slowest-varying first
/// 4 + 4·d …     the elements, big-endian, row-major (C order)
/// ```
///
/// MNIST's image files are type 0x08 with 3 dimensions (magic 2051 = 0x00000803), the label
/// files type 0x08 with 1 dimension (magic 2049 = 0x00000801).
public struct IDXHeader: Equatable, Sendable {
    public var elementType: IDXElementType
    /// the dimension sizes, slowest-varying first (for MNIST images: count, rows, columns)
    public var dimensions: [Int]

    public init(elementType: IDXElementType, dimensions: [Int]) {
        self.elementType = elementType
        self.dimensions = dimensions
    }

    /// 4 + 4·d: where the data starts.
    public var byteCount: Int { 4 + 4 * dimensions.count }

    /// The header as it is written in a file.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = [0, 0, elementType.rawValue, UInt8(dimensions.count)]
        for size in dimensions {
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) }
        }
        return bytes
    }

    /// The whole file's length (header and data) from its first bytes, for `Gzip`'s bound:
    /// `.undecided` while the header is incomplete, `.stop` when the bytes seen are already
    /// not an IDX header (wrong magic, unknown type, a size product that overflows), so that
    /// `parse` names the problem.
    public static func expectedFileLength(_ prefix: [UInt8]) -> Gzip.ExpectedLength {
        guard prefix.count >= 4 else { return prefix.starts(with: [0, 0].prefix(prefix.count)) ? .undecided : .stop }
        guard prefix[0] == 0, prefix[1] == 0, let type = IDXElementType(rawValue: prefix[2]) else { return .stop }
        let header = 4 + 4 * Int(prefix[3])
        guard prefix.count >= header else { return .undecided }
        var length = type.byteWidth
        for offset in stride(from: 4, to: header, by: 4) {
            let size = prefix[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let (product, overflow) = length.multipliedReportingOverflow(by: size)
            guard !overflow else { return .stop }
            length = product
        }
        let (total, overflow) = length.addingReportingOverflow(header)
        return overflow ? .stop : .exactly(total)
    }

    /// `expectedFileLength`, asking only for the header and the first `items` items (images,
    /// labels) when the file holds more: `.prefix(header + items · item bytes)`.
    public static func expectedPrefixLength(items: Int) -> ([UInt8]) -> Gzip.ExpectedLength {
        { prefix in
            guard case .exactly(let total) = expectedFileLength(prefix), prefix[3] > 0 else { return expectedFileLength(prefix) }
            let header = 4 + 4 * Int(prefix[3])
            let count = prefix[4..<8].reduce(0) { $0 << 8 | Int($1) }
            guard items < count else { return .exactly(total) }
            return .prefix(header + (total - header) / count * items)  // count > items ≥ 0, and divides the data
        }
    }

    /// Reads the header at the start of `contents`, the whole (uncompressed) file, and checks
    /// that the data after it is exactly the product of the dimensions times the element width.
    ///
    /// - Parameter file: the file's name or path, for errors.
    /// - Throws: `IDXError` for a short header, a wrong magic, an unknown element type, or data
    ///   that is shorter or longer than the dimensions say.
    public static func parse(_ contents: [UInt8], file: String) throws(IDXError) -> IDXHeader {
        let parsed = try parseHeader(contents, file: file)
        let expected = parsed.dimensions.reduce(parsed.elementType.byteWidth, *)  // checked for overflow
        let actual = contents.count - parsed.byteCount
        guard actual == expected else {
            throw IDXError(file: file, problem: .dataLength(header: parsed, expected: expected, actual: actual))
        }
        return parsed
    }

    /// The header alone (`parse` without the data length check).
    static func parseHeader(_ contents: [UInt8], file: String) throws(IDXError) -> IDXHeader {
        guard contents.count >= 4 else {
            throw IDXError(file: file, problem: .truncatedHeader(expected: 4, actual: contents.count))
        }
        guard contents[0] == 0, contents[1] == 0 else {
            throw IDXError(file: file, problem: .badMagic(Array(contents.prefix(4))))
        }
        guard let elementType = IDXElementType(rawValue: contents[2]) else {
            throw IDXError(file: file, problem: .unknownElementType(contents[2]))
        }
        let dimensionCount = Int(contents[3])
        let header = 4 + 4 * dimensionCount
        guard contents.count >= header else {
            throw IDXError(file: file, problem: .truncatedHeader(expected: header, actual: contents.count))
        }
        var dimensions: [Int] = []
        var expected = elementType.byteWidth
        for index in 0..<dimensionCount {
            let offset = 4 + 4 * index
            let size = contents[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            dimensions.append(size)
            let (product, overflow) = expected.multipliedReportingOverflow(by: size)
            guard !overflow else { throw IDXError(file: file, problem: .tooLarge(dimensions: dimensions)) }
            expected = product
        }
        return IDXHeader(elementType: elementType, dimensions: dimensions)
    }
}

/// An IDX file that is not what its header says, or not of a type regsim reads.
public struct IDXError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var problem: Problem

    public enum Problem: Equatable, Sendable {
        /// fewer bytes than the header needs
        case truncatedHeader(expected: Int, actual: Int)
        /// the first bytes are not 00 00 (up to four are kept)
        case badMagic([UInt8])
        case unknownElementType(UInt8)
        /// a valid type that the caller cannot use (regsim reads unsigned bytes only)
        case unsupportedElementType(IDXElementType, expected: IDXElementType)
        /// the product of the dimensions does not fit in an Int
        case tooLarge(dimensions: [Int])
        /// the data after the header is not product(dimensions)·width bytes
        case dataLength(header: IDXHeader, expected: Int, actual: Int)
        /// dimensions other than the caller expects (e.g. labels that are not one-dimensional)
        case unexpectedDimensions([Int], expected: String)
    }

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .truncatedHeader(let expected, let actual):
            return "\(file): truncated IDX header: \(actual) bytes, the header needs \(expected)"
        case .badMagic(let bytes):
            let hex = bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined(separator: " ")
            let hint = bytes.starts(with: [0x1f, 0x8b]) ? " (this is gzip data: decompress it first)" : ""
            return "\(file): not an IDX file: it starts \(hex), expected 00 00\(hint)"
        case .unknownElementType(let code):
            return "\(file): unknown IDX element type 0x\(String(code, radix: 16, uppercase: true).leftPadded(to: 2))"
        case .unsupportedElementType(let type, let expected):
            return "\(file): element type \(type.code) (\(type.name)) is not supported; expected \(expected.name)s"
        case .tooLarge(let dimensions):
            return "\(file): dimensions \(dimensions.map(String.init).joined(separator: " × ")) are too large"
        case .dataLength(let header, let expected, let actual):
            let shape = header.dimensions.map(String.init).joined(separator: " × ")
            let verdict = actual < expected ? "the file is truncated" : "\(actual - expected) extra bytes"
            return "\(file): \(actual) data bytes, expected \(expected) (\(shape.isEmpty ? "1" : shape) "
                + "\(header.elementType.name)s): \(verdict)"
        case .unexpectedDimensions(let dimensions, let expected):
            return "\(file): dimensions \(dimensions.map(String.init).joined(separator: " × ")), expected \(expected)"
        }
    }
}
