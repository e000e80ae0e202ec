import CZlib

/// NumPy's `.npz`: a zip archive of `.npy` files, one per array (what `np.load` reads and
/// `np.savez` writes). Entries are stored uncompressed; every CRC-32 is zlib's.
///
/// `.npy` version 1.0 (numpy.lib.format): the magic `\x93NUMPY`, the version bytes 1 0, a
/// little-endian UInt16 header length, an ASCII dict
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (R, C), }` padded with spaces and
/// ended by a newline so the data starts on a multiple of 64 bytes, then the doubles,
/// little-endian, row-major.
public enum NumpyArchive {
    /// The `.npy` file of one array.
    public static func npy(_ array: NamedArray) -> [UInt8] {
        let shape = array.shape.count == 1 ? "(\(array.shape[0]),)" : "(" + array.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        append(UInt16(header.utf8.count), to: &bytes)
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + 8 * array.values.count)
        for value in array.values { append(value.bitPattern, to: &bytes) }
        return bytes
    }

    /// The `.npz` archive of `arrays`, each stored as `NAME.npy`.
    public static func npz(_ arrays: [NamedArray]) throws(ExportError) -> [UInt8] {
        var archive: [UInt8] = [], directory: [UInt8] = []
        for array in arrays {
            let name = Array((array.name + ".npy").utf8), data = npy(array)
            guard data.count < Int(UInt32.max), archive.count < Int(UInt32.max) else {
                throw ExportError("the arrays are too large for a zip archive without its 64-bit extension (4 GiB)")
            }
            let checksum = crc(data)
            // Fields shared by the local header and the central directory entry: version needed
            // 2.0, no flags, stored, 1980-01-01 00:00, CRC-32, both sizes, name length, no extra field.
            var common: [UInt8] = []
            append(UInt16(20), to: &common); append(UInt16(0), to: &common); append(UInt16(0), to: &common)
            append(UInt16(0), to: &common); append(UInt16(0x21), to: &common)
            append(checksum, to: &common); append(UInt32(data.count), to: &common); append(UInt32(data.count), to: &common)
            append(UInt16(name.count), to: &common); append(UInt16(0), to: &common)
            var entry: [UInt8] = []
            append(UInt32(0x0201_4b50), to: &entry); append(UInt16(20), to: &entry)
            entry += common
            append(UInt16(0), to: &entry); append(UInt16(0), to: &entry); append(UInt16(0), to: &entry)  // comment, disk, internal attributes
            append(UInt32(0), to: &entry); append(UInt32(archive.count), to: &entry)  // external attributes, local header offset
            directory += entry + name
            append(UInt32(0x0403_4b50), to: &archive)
            archive += common + name + data
        }
        guard arrays.count < Int(UInt16.max), archive.count + directory.count < Int(UInt32.max) else {
            throw ExportError("the arrays are too large for a zip archive without its 64-bit extension")
        }
        let directoryOffset = archive.count
        archive += directory
        append(UInt32(0x0605_4b50), to: &archive); append(UInt16(0), to: &archive); append(UInt16(0), to: &archive)
        append(UInt16(arrays.count), to: &archive); append(UInt16(arrays.count), to: &archive)
        append(UInt32(directory.count), to: &archive); append(UInt32(directoryOffset), to: &archive)
        append(UInt16(0), to: &archive)  // no comment
        return archive
    }

    /// zlib's CRC-32 of `bytes`.
    public static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
    }

    static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
