import Files

extension FileSystem {
    /// A folder that holds text only (lessons, tests) refuses bytes.
    public func writeAtomically(bytes: [UInt8], to path: String) throws(FileError) {
        throw FileError("this folder takes text files only")
    }
}

extension LocalFileSystem {
    /// Replaces the file's bytes atomically, through `AtomicFile` as text writes do.
    public func writeAtomically(bytes: [UInt8], to path: String) throws(FileError) {
        do { try AtomicFile.write(bytes, to: path) } catch { throw FileError(error.reason) }
    }
}
