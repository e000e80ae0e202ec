import Testing
@testable import MNIST

@Suite struct IDXTests {
    /// A 2 × 3 array of every element type: the header reads back, the data length checks.
    @Test(arguments: IDXElementType.allCases)
    func headerOfEveryElementType(type: IDXElementType) throws {
        let header: [UInt8] = [0, 0, type.rawValue, 2, 0, 0, 0, 2, 0, 0, 0, 3]
        let file = header + [UInt8](repeating: 0xAB, count: 6 * type.byteWidth)
        let parsed = try IDXHeader.parse(file, file: "array.idx")
        #expect(parsed == IDXHeader(elementType: type, dimensions: [2, 3]))
        #expect(parsed.byteCount == 12)
        #expect(parsed.bytes == header)
    }

    @Test func elementWidthsAndCodes() {
        #expect(IDXElementType.allCases.map(\.rawValue) == [0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E])
        #expect(IDXElementType.allCases.map(\.byteWidth) == [1, 1, 2, 4, 4, 8])
        #expect(IDXElementType.float.code == "0x0D")
    }

    /// MNIST's label header: magic 2049 = 0x00000801, then the count 60000 = 0x0000EA60.
    @Test func mnistLabelHeader() throws {
        let file: [UInt8] = [0, 0, 8, 1, 0, 0, 0xEA, 0x60] + [UInt8](repeating: 1, count: 60000)
        let bytes = try IDXBytes(contents: file, file: "train-labels-idx1-ubyte")
        #expect(bytes.dimensions == [60000])
        #expect(bytes.data.count == 60000)
    }

    @Test func otherElementTypesAreRejectedForBytes() {
        let file: [UInt8] = [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0x80, 0x3F]
        let error = #expect(throws: IDXError.self) { try IDXBytes(contents: file, file: "weights.idx") }
        #expect(error?.description == "weights.idx: element type 0x0D (float) is not supported; expected unsigned bytes")
    }

    @Test func truncatedData() {
        let file: [UInt8] = [0, 0, 0x0B, 1, 0, 0, 0, 4] + [UInt8](repeating: 0, count: 7)  // 4 shorts need 8
        let error = #expect(throws: IDXError.self) { try IDXHeader.parse(file, file: "short.idx") }
        #expect(error?.problem == .dataLength(header: IDXHeader(elementType: .short, dimensions: [4]), expected: 8, actual: 7))
        #expect(error?.description == "short.idx: 7 data bytes, expected 8 (4 shorts): the file is truncated")
    }

    @Test func extraBytes() {
        let file: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2] + [UInt8](repeating: 0, count: 10)
        let error = #expect(throws: IDXError.self) { try IDXHeader.parse(file, file: "cube.idx") }
        #expect(error?.description == "cube.idx: 10 data bytes, expected 8 (2 × 2 × 2 unsigned bytes): 2 extra bytes")
    }

    @Test func wrongMagic() {
        let error = #expect(throws: IDXError.self) { try IDXHeader.parse([0x1f, 0x8b, 8, 0, 1, 2], file: "x.gz") }
        #expect(error?.problem == .badMagic([0x1f, 0x8b, 8, 0]))
        #expect(error?.description == "x.gz: not an IDX file: it starts 1f 8b 08 00, expected 00 00 (this is gzip data: decompress it first)")
    }

    @Test func unknownElementType() {
        let error = #expect(throws: IDXError.self) { try IDXHeader.parse([0, 0, 0x0A, 0], file: "odd.idx") }
        #expect(error?.description == "odd.idx: unknown IDX element type 0x0A")
    }

    @Test func truncatedHeader() {
        let short = #expect(throws: IDXError.self) { try IDXHeader.parse([0, 0], file: "a") }
        #expect(short?.problem == .truncatedHeader(expected: 4, actual: 2))
        let dimensions = #expect(throws: IDXError.self) { try IDXHeader.parse([0, 0, 8, 2, 0, 0, 0, 1], file: "b") }
        #expect(dimensions?.problem == .truncatedHeader(expected: 12, actual: 8))
    }

    /// No dimensions: a single element (the empty product is 1).
    @Test func scalar() throws {
        #expect(try IDXHeader.parse([0, 0, 8, 0, 42], file: "s").dimensions == [])
    }
}
