/// Base32 of RFC 4648 §6 (alphabet `A–Z 2–7`), as two-factor secrets are written in
/// `otpauth://` URIs and typed into authenticator apps.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// The Base32 text of `bytes`, padded with `=` to a multiple of 8 characters unless
    /// `padding` is false (otpauth URIs leave the padding out).
    public static func encode(_ bytes: some Sequence<UInt8>, padding: Bool = true) -> String {
        var result: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                result.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { result.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        if padding { while result.count % 8 != 0 { result.append(UInt8(ascii: "=")) } }
        return String(decoding: result, as: UTF8.self)
    }

    /// The bytes of a Base32 text, or nil when it is not one. Lower case is read as upper
    /// case, and spaces and hyphens (as people group a secret they type) are skipped; the
    /// padding may be left out but, when present, must be complete; leftover bits must be zero
    /// (so that every byte string has exactly one text).
    public static func decode(_ text: String) -> [UInt8]? {
        var symbols: [UInt8] = []
        var padding = 0
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: " "), UInt8(ascii: "-"): continue
            case UInt8(ascii: "="): padding += 1
            default:
                guard padding == 0 else { return nil }
                let upper = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(character) ? character - 32 : character
                guard let value = alphabet.firstIndex(of: upper) else { return nil }
                symbols.append(UInt8(value))
            }
        }
        // A last group of 2, 4, 5 or 7 symbols holds 1, 2, 3 or 4 bytes; 1, 3 or 6 are impossible.
        guard ![1, 3, 6].contains(symbols.count % 8) else { return nil }
        if padding > 0, (symbols.count + padding) % 8 != 0 || padding >= 8 { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(symbols.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for symbol in symbols {
            buffer = buffer << 5 | UInt32(symbol)
            bits += 5
            if bits >= 8 {
                bits -= 8
                result.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        if bits > 0, buffer & ((1 << UInt32(bits)) - 1) != 0 { return nil }
        return result
    }
}
