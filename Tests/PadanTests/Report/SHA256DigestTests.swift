import Testing
@testable import Padan

/// The system libcrypto's SHA-256 and HMAC-SHA256 against the published test vectors.
struct SHA256DigestTests {
    @Test func sha256OfTheFIPSExamples() {
        var abc = SHA256Digest()
        abc.update(Array("abc".utf8))
        #expect(SHA256Digest.hex(abc.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Fed in pieces, including an empty one and a non-contiguous collection.
        var pieces = SHA256Digest()
        pieces.update(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8.prefix(20)))
        pieces.update([UInt8]())
        pieces.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8.dropFirst(20))
        #expect(SHA256Digest.hex(pieces.finalize()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256Digest.hex(SHA256Digest().finalize()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func hmacOfTheRFC4231Examples() {
        // Test case 1: a 20-byte key of 0x0b, "Hi There".
        #expect(SHA256Digest.hex(SHA256Digest.hmac(key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        // Test case 2: a key shorter than the block ("Jefe").
        #expect(SHA256Digest.hex(SHA256Digest.hmac(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a 131-byte key, longer than the block.
        #expect(SHA256Digest.hex(SHA256Digest.hmac(key: [UInt8](repeating: 0xaa, count: 131),
                                                   data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}
