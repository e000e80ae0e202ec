import Export

/// Reads an `.npz` back for the tests, independently of the writer: the zip's end record,
/// central directory and local headers, each entry's CRC-32 (bit by bit, polynomial
/// 0xEDB88320) and its `.npy` header and doubles.
struct NumpyReader {
    struct Failure: Error, CustomStringConvertible { var description: String }
    var arrays: [NamedArray] = []

    init(bytes: [UInt8]) throws {
        func word(_ at: Int, _ size: Int) throws -> Int {
            guard at >= 0, at + size <= bytes.count else { throw Failure(description: "read past the end at \(at)") }
            return (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        let end = bytes.count - 22
        guard try word(end, 4) == 0x0605_4b50 else { throw Failure(description: "no end of central directory record") }
        let count = try word(end + 10, 2), directorySize = try word(end + 12, 4)
        var entry = try word(end + 16, 4)
        guard entry + directorySize == end else { throw Failure(description: "the directory does not end at the end record") }
        for _ in 0..<count {
            guard try word(entry, 4) == 0x0201_4b50 else { throw Failure(description: "bad directory entry at \(entry)") }
            let nameLength = try word(entry + 28, 2), offset = try word(entry + 42, 4)
            let name = String(decoding: bytes[(entry + 46)..<(entry + 46 + nameLength)], as: UTF8.self)
            guard try word(offset, 4) == 0x0403_4b50, try word(offset + 8, 2) == 0 else { throw Failure(description: "\(name): not a stored local entry") }
            let crc = try word(offset + 14, 4), size = try word(offset + 18, 4)
            guard try word(offset + 22, 4) == size, try word(offset + 26, 2) == nameLength else { throw Failure(description: "\(name): sizes disagree") }
            let start = offset + 30 + nameLength + (try word(offset + 28, 2))
            let data = Array(bytes[start..<(start + size)])
            guard Self.crc32(data) == UInt32(crc) else { throw Failure(description: "\(name): CRC-32 differs") }
            guard name.hasSuffix(".npy") else { throw Failure(description: "\(name): not an .npy entry") }
            arrays.append(try Self.npy(data, name: String(name.dropLast(4))))
            entry += 46 + nameLength
        }
    }

    static func npy(_ data: [UInt8], name: String) throws -> NamedArray {
        guard data.count >= 10, data[0] == 0x93, String(decoding: data[1..<6], as: UTF8.self) == "NUMPY", data[6] == 1, data[7] == 0 else {
            throw Failure(description: "\(name): not .npy version 1.0")
        }
        let length = Int(data[8]) | Int(data[9]) << 8
        guard (10 + length) % 64 == 0, data.count >= 10 + length else { throw Failure(description: "\(name): header not padded to 64 bytes") }
        let header = String(decoding: data[10..<(10 + length)], as: UTF8.self)
        guard header.hasPrefix("{'descr': '<f8', 'fortran_order': False, 'shape': ("), header.hasSuffix("\n"),
              let open = header.firstIndex(of: "("), let close = header.firstIndex(of: ")") else {
            throw Failure(description: "\(name): unexpected header \(header)")
        }
        let shape = header[header.index(after: open)..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let body = Array(data[(10 + length)...])
        guard body.count == 8 * shape.reduce(1, *) else { throw Failure(description: "\(name): \(body.count) bytes for shape \(shape)") }
        let values = stride(from: 0, to: body.count, by: 8).map { at in
            Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(body[at + $1]) << (8 * UInt64($1)) })
        }
        return NamedArray(name: name, shape: shape, values: values)
    }

    /// CRC-32 (ISO 3309, as zip uses), one bit at a time.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
