/// The verification code of a certificate, such as `K7QF-9MZC-XR50`: eleven random symbols
/// of Crockford's Base32 (digits and upper-case letters without I, L, O, U; 55 bits) and a
/// check symbol, the eleven symbols' value modulo 37 (Crockford's check). Codes whose check
/// value would be 32–36 (Crockford's `*~$=U`) are never issued, so every symbol is a letter
/// or digit. Because 37 is prime and 32 ≢ 1 (mod 37), the check catches every single wrong
/// symbol and every swap of two neighbouring symbols. What people type is normalised: case,
/// spaces and dashes do not matter; O is read as 0, I and L as 1.
public struct CertificateCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The 12 symbols, upper case, no dashes.
    public let value: String

    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let payloadLength = 11

    /// Why a typed code is not a code.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case length(Int)
        case symbol(Character)
        case check

        public var description: String {
            switch self {
            case .length(let count): "a certificate code has 12 letters and digits; \(count) were given."
            case .symbol(let character): "\(character) is not used in certificate codes."
            case .check: "this code has a typing error: please check it against the certificate."
            }
        }
    }

    /// A new code from `random` (the server passes `SystemRandomNumberGenerator`; it also
    /// checks that the code is not already taken, a chance of about 1 in 3.6 × 10¹⁶ per code).
    public static func generate(using random: inout some RandomNumberGenerator) -> CertificateCode {
        while true {
            let payload = (0..<payloadLength).map { _ in Int.random(in: 0..<32, using: &random) }
            let check = checkValue(payload)
            if check < 32 { return CertificateCode(symbols: payload + [check]) }
        }
    }

    public static func generate() -> CertificateCode {
        var random = SystemRandomNumberGenerator()
        return generate(using: &random)
    }

    /// Parses what someone typed.
    public static func parse(_ typed: String) throws(Problem) -> CertificateCode {
        var symbols: [Int] = []
        for character in typed.uppercased() where character != "-" && character != " " && character != "\u{2010}" {
            let mapped: Character = switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
            guard let value = alphabet.firstIndex(of: mapped) else { throw .symbol(character) }
            symbols.append(value)
        }
        guard symbols.count == payloadLength + 1 else { throw .length(symbols.count) }
        guard checkValue(Array(symbols.prefix(payloadLength))) == symbols[payloadLength] else { throw .check }
        return CertificateCode(symbols: symbols)
    }

    /// Nil when `typed` is not a valid code.
    public init?(_ typed: String) {
        guard let code = try? Self.parse(typed) else { return nil }
        self = code
    }

    private init(symbols: [Int]) {
        value = String(symbols.map { Self.alphabet[$0] })
    }

    /// The payload's value (base 32, first symbol most significant) modulo 37.
    static func checkValue(_ payload: [Int]) -> Int {
        payload.reduce(0) { ($0 * 32 + $1) % 37 }
    }

    /// `K7QF-9MZC-XR50`.
    public var description: String {
        let symbols = Array(value)
        return String(symbols[0..<4]) + "-" + String(symbols[4..<8]) + "-" + String(symbols[8..<12])
    }

    public static func < (lhs: CertificateCode, rhs: CertificateCode) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Self.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
