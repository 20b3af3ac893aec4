/// An entry's tokens with their counts, kept with the entry so that a candidate's full score is
/// one read of one row: what each query token counts in its title and body. Reading them from the
/// postings instead (through an index by entry, checking every posting of the entry against the
/// query's tokens) was about a third of a search's work at 100,000 entries (docs/search.md).
///
/// Stored as bytes, twelve a token, sorted by token: the token's 64-bit key (big-endian, sign bit
/// flipped, so that the bytes sort as the signed keys do), its count in the title and in the body
/// (16 bits each, at most 65,535).
public enum ForwardTerms {
    static let width = 12

    /// The bytes of an entry's tokens (`key`: the postings' signed 64-bit token key).
    public static func encode(_ counts: [(key: Int64, title: Int, body: Int)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(counts.count * width)
        for count in counts.sorted(by: { $0.key < $1.key }) {
            let ordered = UInt64(bitPattern: count.key) ^ (1 << 63)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: ordered >> UInt64(shift))) }
            let title = UInt16(clamping: count.title), body = UInt16(clamping: count.body)
            bytes += [UInt8(title >> 8), UInt8(truncatingIfNeeded: title), UInt8(body >> 8), UInt8(truncatingIfNeeded: body)]
        }
        return bytes
    }

    /// The counts of the token `key` in an entry (a binary search), nil when it is not there.
    public static func counts(of key: Int64, in bytes: [UInt8]) -> (title: Int, body: Int)? {
        let wanted = UInt64(bitPattern: key) ^ (1 << 63)
        var low = 0, high = bytes.count / width
        while low < high {
            let middle = (low + high) / 2
            let offset = middle * width
            var value: UInt64 = 0
            for index in offset..<(offset + 8) { value = value << 8 | UInt64(bytes[index]) }
            if value == wanted {
                return (Int(bytes[offset + 8]) << 8 | Int(bytes[offset + 9]), Int(bytes[offset + 10]) << 8 | Int(bytes[offset + 11]))
            }
            if value < wanted { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
