/// An IDX file of unsigned bytes (type 0x08), kept whole as it was read: the header, then
/// the data. Keeping the file's own buffer avoids copying tens of megabytes of pixels.
public struct IDXBytes: Sendable {
    public let header: IDXHeader
    /// the whole uncompressed file; the data starts at `header.byteCount`
    public let contents: [UInt8]

    /// Parses and checks `contents` (see `IDXHeader.parse`); other element types are
    /// rejected with `unsupportedElementType`.
    public init(contents: [UInt8], file: String) throws(IDXError) {
        let header = try IDXHeader.parse(contents, file: file)
        guard header.elementType == .unsignedByte else {
            throw IDXError(file: file, problem: .unsupportedElementType(header.elementType, expected: .unsignedByte))
        }
        self.header = header
        self.contents = contents
    }

    /// The first `items` items of a file (its first dimension cut to `items`), from `contents`
    /// holding at least the header and those items (`Gzip.ExpectedLength.prefix`); all of them
    /// when the file has no more.
    ///
    /// - Throws: `IDXError` for a bad header, or contents shorter than the items need.
    public init(firstItems items: Int, of contents: [UInt8], file: String) throws(IDXError) {
        let header = try IDXHeader.parseHeader(contents, file: file)
        guard let count = header.dimensions.first, items < count else {
            self = try IDXBytes(contents: contents, file: file)
            return
        }
        guard header.elementType == .unsignedByte else {
            throw IDXError(file: file, problem: .unsupportedElementType(header.elementType, expected: .unsignedByte))
        }
        let itemBytes = header.dimensions.dropFirst().reduce(1, *)  // no overflow: parseHeader checked the whole product
        let needed = header.byteCount + items * itemBytes
        guard contents.count >= needed else {
            throw IDXError(file: file, problem: .dataLength(header: header, expected: count * itemBytes,
                                                            actual: contents.count - header.byteCount))
        }
        self.header = IDXHeader(elementType: header.elementType, dimensions: [items] + header.dimensions.dropFirst())
        self.contents = contents.count == needed ? contents : Array(contents[..<needed])
    }

    public var dimensions: [Int] { header.dimensions }

    /// The elements, row-major; a slice of `contents`, so its indices start at `header.byteCount`.
    public var data: ArraySlice<UInt8> { contents[header.byteCount...] }
}
