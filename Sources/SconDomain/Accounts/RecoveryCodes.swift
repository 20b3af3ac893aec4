import Crypto

/// One-time recovery codes for two-factor sign-in, for when the phone is lost: ten codes
/// `xxxx-xxxx` of Crockford's Base32 alphabet in lower case (no i, l, o, u), shown once;
/// only their SHA-256 digests are stored. What people type is normalised (case, spaces,
/// dashes; `o` read as 0, `i` and `l` as 1), and checked against every unused digest in
/// constant time.
public enum RecoveryCodes {
    public static let count = 10
    /// Symbols per code: 8 × 5 = 40 random bits.
    public static let length = 8
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// A new set: the codes to show once (grouped `xxxx-xxxx`) and the digests to store, in the same order.
    public static func generate(using random: inout some RandomNumberGenerator) -> (codes: [String], digests: [String]) {
        var codes: [String] = []
        while codes.count < count {
            let symbols = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
            let code = String(symbols[0..<4]) + "-" + String(symbols[4...])
            if !codes.contains(code) { codes.append(code) }
        }
        return (codes, codes.map { digest(of: normalised($0)!) })
    }

    /// A new set from the system's cryptographic generator.
    public static func generate() -> (codes: [String], digests: [String]) {
        var random = SystemRandomNumberGenerator()
        return generate(using: &random)
    }

    /// The code as stored: lower case, without spaces and dashes, ambiguous letters read as
    /// digits; nil when it is not 8 symbols of the alphabet.
    public static func normalised(_ typed: String) -> String? {
        var result: [Character] = []
        for character in typed.lowercased() where character != " " && character != "-" && character != "\u{2010}" {
            let mapped: Character = switch character {
            case "o": "0"
            case "i", "l": "1"
            default: character
            }
            guard alphabet.contains(mapped) else { return nil }
            result.append(mapped)
        }
        return result.count == length ? String(result) : nil
    }

    /// SHA-256 of the normalised code, lower-case hex.
    public static func digest(of normalisedCode: String) -> String {
        SHA256.hash(data: Array(normalisedCode.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The index in `unusedDigests` of the code typed, or nil. Every digest is compared, each
    /// in constant time, so the time taken says nothing about which (or whether one) matched.
    /// The caller marks the matched code used (it is never accepted again).
    public static func redeem(_ typed: String, unusedDigests: [String]) -> Int? {
        let candidate = Array(digest(of: normalised(typed) ?? "not a code").utf8)
        var match: Int?
        for (index, stored) in unusedDigests.enumerated() {
            if TOTP.constantTimeEqual(candidate, Array(stored.utf8)), match == nil { match = index }
        }
        return match
    }
}
