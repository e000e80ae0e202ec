import Foundation

extension MNISTDataset {
    /// One file of `folder`, read and, with `.knownMNIST`, verified; only its first `items`
    /// items (images or labels) when `items` is given and the file's integrity is settled.
    ///
    /// Verification, cheapest first:
    /// 1. `cache` remembers this path, with the same size, modification time,
    ///    device and inode, as verified against `knownSHA256`;
    /// 2. the file is gzip data whose SHA-256 is `knownCompressedSHA256` (11 MB hashed for
    ///    all four files instead of 55 MB);
    /// 3. otherwise the whole file is decompressed (gzip's CRC-32 and length checked) and the
    ///    SHA-256 of its contents compared with `knownSHA256`: a mismatch is `checksumMismatch`,
    ///    naming the file.
    /// After 1 or 2, or with `.none`, only the bytes of the first `items` items are inflated
    /// (`IDXHeader.expectedPrefixLength`). A success of 2 or 3 is remembered in the cache.
    static func read(_ file: MNISTFile, in folder: URL, verify: Verification, items: Int?,
                     cache: VerificationCache?) throws(MNISTError) -> (path: String, idx: IDXBytes) {
        let path = try locate(file, in: folder)
        let raw: [UInt8], stamp: FileStamp
        do { (raw, stamp) = try Gzip.readStampedFile(atPath: path) } catch { throw .unreadable(error) }
        let isGzip = Gzip.hasGzipMagic(raw)
        if !isGzip && path.hasSuffix(".gz") {
            throw .unreadable(GzipError(file: path, problem: .notCompressed(leadingBytes: Array(raw.prefix(4)))))
        }
        var settled = verify == .none
        if verify == .knownMNIST {
            if cache?.contains(file: path, stamp: stamp, sum: file.knownSHA256) == true {
                settled = true
            } else if isGzip && SHA256.hash(raw).hexadecimal == file.knownCompressedSHA256 {
                settled = true
                cache?.record(file: path, stamp: stamp, sum: file.knownSHA256)
            }
        }
        let partial = settled ? items : nil
        let contents: [UInt8]
        do {
            contents = isGzip
                ? try Gzip.decompress(raw, file: path, expectedLength: partial.map(IDXHeader.expectedPrefixLength(items:))
                    ?? IDXHeader.expectedFileLength)
                : raw
        } catch { throw .unreadable(error) }
        let idx: IDXBytes
        do {
            if let partial {
                idx = try IDXBytes(firstItems: partial, of: contents, file: path)
            } else {
                idx = try IDXBytes(contents: contents, file: path)
            }
        } catch { throw .invalidIDX(error) }
        if !settled {
            let actual = SHA256.hash(idx.contents).hexadecimal
            guard actual == file.knownSHA256 else {
                throw .checksumMismatch(file: path, expected: file.knownSHA256, actual: actual)
            }
            cache?.record(file: path, stamp: stamp, sum: file.knownSHA256)
            if let items { return (path, try firstItems(items, of: idx, file: path)) }
        }
        return (path, idx)
    }

    /// `idx` cut to its first `items` items (a whole file verified in step 3 of `read`).
    private static func firstItems(_ items: Int, of idx: IDXBytes, file: String) throws(MNISTError) -> IDXBytes {
        do { return try IDXBytes(firstItems: items, of: idx.contents, file: file) } catch { throw .invalidIDX(error) }
    }

    /// The path of `NAME` in `folder`, else of `NAME.gz`.
    static func locate(_ file: MNISTFile, in folder: URL) throws(MNISTError) -> String {
        let names = [file.fileName, file.fileName + ".gz"]
        for name in names {
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw .missingFile(folder: folder.path, names: names)
    }
}
