/// Where each term of a stored text is, kept with the text at index time so that a hit's
/// highlight needs no analysis at query time (Lucene keeps term vectors with offsets for the
/// same reason). Highlighting ten hits by analysing their bodies again was more than half of a
/// search's work at 100,000 entries (docs/search.md).
///
/// Stored as bytes, seven a term: the low 32 bits of the term's storage key (`TermSpans.hash`),
/// the UTF-16 start (16 bits) and the length (8 bits) in the stored text. Pairs are left out
/// (never marked); a term past 65,535 UTF-16 units or longer than 255 is left out.
public enum TermSpans {
    /// The hash a span keeps of a token: the low 32 bits of its 64-bit FNV-1a.
    public static func hash(token: String) -> UInt32 {
        UInt32(truncatingIfNeeded: IndexTerm.fnv1a64(token))
    }

    /// The spans of `terms` (one field's terms, as `SearchAnalyzer.terms(of:…)` gives them).
    public static func encode(_ terms: [IndexTerm]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(terms.count * 7)
        for term in terms where term.kind != .pair && term.range.upperBound <= 0xFFFF && term.range.count <= 0xFF {
            let hash = hash(token: term.token)
            bytes += [UInt8(truncatingIfNeeded: hash), UInt8(truncatingIfNeeded: hash >> 8), UInt8(truncatingIfNeeded: hash >> 16),
                      UInt8(truncatingIfNeeded: hash >> 24), UInt8(truncatingIfNeeded: term.range.lowerBound),
                      UInt8(truncatingIfNeeded: term.range.lowerBound >> 8), UInt8(term.range.count)]
        }
        return bytes
    }

    /// The UTF-16 ranges of the terms whose hash is in `wanted`.
    public static func ranges(in bytes: [UInt8], matching wanted: Set<UInt32>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        while offset + 7 <= bytes.count {
            let hash = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            if wanted.contains(hash) {
                let start = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8
                ranges.append(start..<(start + Int(bytes[offset + 6])))
            }
            offset += 7
        }
        return ranges
    }

    /// The hashes a query's terms are found under (pairs never marked).
    public static func wanted(by query: AnalyzedQuery) -> Set<UInt32> {
        Set(query.terms.filter { $0.kind != .pair }.map { hash(token: $0.token) })
    }
}
