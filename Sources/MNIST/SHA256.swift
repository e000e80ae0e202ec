/// SHA-256 (FIPS 180-4, §6.2): the 256-bit digest used to check that a data file is the
/// one published.
///
/// Streaming: `update` any number of times, then `finalize`. The message is processed in
/// 64-byte blocks: each block expands into a 64-word schedule W (§6.2.2 step 1) and runs
/// 64 rounds over the eight working variables a…h (step 3), all in UInt32 with wrapping
/// `&+`; nothing is allocated per block.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(bytes)
/// let hex = hasher.finalize().hexadecimal   // "ba7816bf…" for "abc"
/// ```
public struct SHA256: Sendable {
    /// H0…H7, the running hash value (§5.3.3 gives the initial one)
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// the bytes of a block not yet complete (at most 63 are waiting)
    private var pending: [UInt8] = []
    /// the message length so far, in bytes
    private var byteCount: UInt64 = 0

    public init() {
        pending.reserveCapacity(64)
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: [UInt8]) -> Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Appends the bytes in `buffer` to the message.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        byteCount &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let taken = Swift.min(64 - pending.count, buffer.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: taken))
            offset = taken
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { compress(blocks: $0.baseAddress!, count: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let wholeBlocks = (buffer.count - offset) / 64
        if wholeBlocks > 0 {
            compress(blocks: base + offset, count: wholeBlocks)
            offset += wholeBlocks * 64
        }
        pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: buffer.count - offset))
    }

    /// Pads the message (§5.1.1: a 1 bit, zeros, the 64-bit big-endian bit length) and
    /// returns the digest H0‖H1‖…‖H7, big-endian.
    public consuming func finalize() -> Digest {
        let bitLength = byteCount &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { compress(blocks: $0.baseAddress!, count: $0.count / 64) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            for shift: UInt32 in [24, 16, 8, 0] { bytes.append(UInt8(truncatingIfNeeded: word &>> shift)) }
        }
        return Digest(bytes: bytes)
    }

    /// Runs the compression function over `count` consecutive 64-byte blocks at `blocks`.
    private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            sha256RoundConstants.withUnsafeBufferPointer { constants in
                compress(blocks: blocks, count: count, w: schedule.baseAddress!, k: constants.baseAddress!)
            }
        }
    }

    // w: the message schedule W0…W63 (64 words of scratch); k: the round constants K0…K63.
    private mutating func compress(blocks: UnsafeRawPointer, count: Int,
                                   w: UnsafeMutablePointer<UInt32>, k: UnsafePointer<UInt32>) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        var block = blocks
        // Written with `while` and the rotations spelled out (ROTRⁿ(x) = x >> n | x << (32 − n)):
        // no iterator or function call per round, so that debug builds hash at a usable speed.
        var remaining = count
        while remaining > 0 {
            // W_t = M_t, the block's t-th big-endian word, for t < 16
            var t = 0
            while t < 16 {
                w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                t &+= 1
            }
            // W_t = σ1(W_{t−2}) + W_{t−7} + σ0(W_{t−15}) + W_{t−16}
            while t < 64 {
                let x = w[t &- 15], y = w[t &- 2]
                let sigma0 = (x &>> 7 | x &<< 25) ^ (x &>> 18 | x &<< 14) ^ (x &>> 3)   // ROTR⁷ ⊕ ROTR¹⁸ ⊕ SHR³
                let sigma1 = (y &>> 17 | y &<< 15) ^ (y &>> 19 | y &<< 13) ^ (y &>> 10) // ROTR¹⁷ ⊕ ROTR¹⁹ ⊕ SHR¹⁰
                w[t] = sigma1 &+ w[t &- 7] &+ sigma0 &+ w[t &- 16]
                t &+= 1
            }
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
            t = 0
            while t < 64 {
                // T1 = h + Σ1(e) + Ch(e, f, g) + K_t + W_t, Σ1 = ROTR⁶ ⊕ ROTR¹¹ ⊕ ROTR²⁵
                let sum1 = (e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7)
                let choice = (e & f) ^ (~e & g)
                let t1 = h &+ sum1 &+ choice &+ k[t] &+ w[t]
                // T2 = Σ0(a) + Maj(a, b, c), Σ0 = ROTR² ⊕ ROTR¹³ ⊕ ROTR²²
                let sum0 = (a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                let t2 = sum0 &+ majority
                h = g; g = f; f = e; e = d &+ t1
                d = c; c = b; b = a; a = t1 &+ t2
                t &+= 1
            }
            // H_i = H_i + the working variable i
            h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d
            h4 = h4 &+ e; h5 = h5 &+ f; h6 = h6 &+ g; h7 = h7 &+ h
            block += 64
            remaining &-= 1
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// A SHA-256 digest: 32 bytes.
    public struct Digest: Hashable, Sendable, CustomStringConvertible {
        public let bytes: [UInt8]

        /// 64 lowercase hexadecimal digits, as `sha256sum` prints them.
        public var hexadecimal: String {
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(64)
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0f)])
            }
            return String(decoding: text, as: UTF8.self)
        }

        public var description: String { hexadecimal }
    }
}

/// K0…K63 (FIPS 180-4 §4.2.2): the first 32 bits of the fractional parts of the cube roots
/// of the first 64 primes.
private let sha256RoundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]
