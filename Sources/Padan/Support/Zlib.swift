import CPadanZlib

/// zlib, through one door: raw deflate and CRC-32 for the zip parts Padan writes.
///
/// A part is compressed in independent pieces (so they can be compressed on several threads, as
/// pigz does): each piece but the last ends with a sync flush, which closes its deflate blocks on
/// a byte boundary without marking the stream final, so the pieces' bytes concatenated are one
/// valid deflate stream. Back-references never cross a piece boundary; with pieces of a few
/// hundred kilobytes that costs well under 1 % of the compressed size.
enum Zlib {
    /// The CRC-32 (as zip uses it) of `bytes`, continuing `crc`.
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        var value = UInt(crc)
        var start = base.assumingMemoryBound(to: Bytef.self), left = bytes.count
        // zlib's length is a 32-bit uInt: feed it at most 1 GiB at a time.
        while left > 0 {
            let n = min(left, 1 << 30)
            value = CPadanZlib.crc32(value, start, uInt(n))
            start += n
            left -= n
        }
        return UInt32(truncatingIfNeeded: value)
    }

    /// The CRC-32 of `a`'s bytes followed by `b`'s, from their CRCs and `b`'s length.
    static func crc32Combine(_ a: UInt32, _ b: UInt32, lengthOfB: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: CPadanZlib.crc32_combine(UInt(a), UInt(b), off_t(lengthOfB)))
    }

    /// Raw deflate of `input` at `level` (1 fastest … 9 smallest), appended to `output`. The
    /// stream is ended (`final`) or left open at a byte boundary for another piece to follow.
    static func deflate(_ input: UnsafeRawBufferPointer, level: Int32, final: Bool, into output: inout [UInt8]) throws {
        var stream = z_stream()
        guard padan_deflate_init_raw(&stream, level) == Z_OK else {
            throw PadanError(.internalError, "zlib could not start a deflate stream (out of memory?)")
        }
        defer { deflateEnd(&stream) }
        // deflateBound covers a finished stream; a sync flush adds at most a 5-byte empty block.
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 16
        // Into a buffer left uninitialized: deflate writes what it writes, and the bound's pages
        // it never reaches are never touched (zeroing them first cost a page fault each).
        var result = Z_OK
        let piece = [UInt8](unsafeUninitializedCapacity: bound) { out, written in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            result = CPadanZlib.deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
            written = out.count - Int(stream.avail_out)
        }
        if output.isEmpty { output = piece } else { output.append(contentsOf: piece) }
        let done = final ? result == Z_STREAM_END : result == Z_OK && stream.avail_in == 0
        guard done else { throw PadanError(.internalError, "zlib deflate failed (code \(result))") }
    }
}
