import Testing
@testable import MNIST

/// The vectors of FIPS 180-4's examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
@Suite struct SHA256Tests {
    @Test func emptyMessage() {
        #expect(SHA256.hash([]).hexadecimal == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(SHA256.hash(Array("abc".utf8)).hexadecimal
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessage448Bits() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(message.count * 8 == 448)
        #expect(SHA256.hash(message).hexadecimal
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionA() {
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexadecimal
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Feeding the million 'a's in uneven pieces (1, 63, 64, 65, … bytes) gives the same digest.
    @Test func streamingInPiecesMatchesOneCall() {
        let message = [UInt8](repeating: 0x61, count: 1_000_000)
        var hasher = SHA256()
        var offset = 0
        let pieces = [1, 63, 64, 65, 127, 0, 1000, 7]
        var next = 0
        while offset < message.count {
            let length = min(pieces[next % pieces.count], message.count - offset)
            hasher.update(Array(message[offset..<offset + length]))
            offset += length
            next += 1
        }
        #expect(hasher.finalize().hexadecimal == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Messages of 55, 56 and 64 bytes cross the padding boundary (one or two final blocks);
    /// sums from `printf 'a%.0s' $(seq N) | sha256sum`.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: length)).hexadecimal == expected)
    }
}
