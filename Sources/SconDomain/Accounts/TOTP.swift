import Crypto
import Foundation

/// Time-based one-time passwords for two-factor sign-in: TOTP (RFC 6238) over HOTP
/// (RFC 4226), as authenticator apps compute them. The server keeps the secret and the last
/// step a code was accepted for; `verify` accepts the current step and one step either
/// side (clock drift, a code typed as it changed), never a step at or before the last used.
public struct TOTP: Sendable, Hashable, Codable {
    /// The HMAC hash: SHA-1 is what every app supports (and RFC 6238's default).
    public enum Algorithm: String, Sendable, Hashable, Codable, CaseIterable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"
    }

    /// What a code typed at sign-in turned out to be.
    public enum Check: Sendable, Hashable {
        /// Accepted for this step: store it as the last used step.
        case accepted(step: UInt64)
        /// Right for a step already used (a replay, or the same code twice): refuse.
        case reused(step: UInt64)
        /// Not the code of any step in the window.
        case wrong
        /// Not `digits` decimal digits.
        case malformed

        public var isAccepted: Bool { if case .accepted = self { true } else { false } }
    }

    public var secret: [UInt8]
    public var algorithm: Algorithm
    /// 6 or 8.
    public var digits: Int
    /// Seconds per step; 30 unless an app needs otherwise.
    public var period: Int

    /// The secret's bytes (at least 16, RFC 4226 §4 asks 128 bits and recommends 160).
    public init(secret: [UInt8], algorithm: Algorithm = .sha1, digits: Int = 6, period: Int = 30) throws(DomainError) {
        var rules = FieldRules()
        if secret.count < 16 || secret.count > 128 { rules.fail("secret", "out-of-range", "a TOTP secret has 16 to 128 bytes.") }
        if digits != 6 && digits != 8 { rules.fail("digits", "out-of-range", "a TOTP code has 6 or 8 digits.") }
        if !(1...300).contains(period) { rules.fail("period", "out-of-range", "a TOTP period is 1 to 300 seconds.") }
        try rules.check()
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
    }

    /// The step of an instant: whole periods since the Unix epoch (T0 = 0).
    public func step(at date: Date) -> UInt64 {
        let seconds = date.timeIntervalSince1970
        return seconds <= 0 ? 0 : UInt64(seconds) / UInt64(period)
    }

    /// The code of a step, zero-padded to `digits`.
    public func code(step: UInt64) -> String {
        Self.hotp(secret: secret, counter: step, digits: digits, algorithm: algorithm)
    }

    /// The code an app shows at `date`.
    public func code(at date: Date) -> String { code(step: step(at: date)) }

    /// Checks a typed code at `date` against steps current, current − 1 and current + 1 (in
    /// that order). `lastUsedStep` is the step of the last accepted code (nil: none yet); a
    /// match at or before it is `reused`. Spaces in the typed code are ignored. Each candidate
    /// is compared in constant time.
    public func verify(_ typed: String, at date: Date, lastUsedStep: UInt64?, window: Int = 1) -> Check {
        let code = typed.filter { $0 != " " }
        guard code.utf8.count == digits, code.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return .malformed
        }
        let current = step(at: date)
        var offsets = [0]
        for distance in 1...max(1, window) { offsets += [-distance, distance] }
        for offset in offsets {
            guard offset >= 0 || current >= UInt64(-offset) else { continue }
            let candidate = offset >= 0 ? current + UInt64(offset) : current - UInt64(-offset)
            guard Self.constantTimeEqual(Array(code.utf8), Array(self.code(step: candidate).utf8)) else { continue }
            if let lastUsedStep, candidate <= lastUsedStep { return .reused(step: candidate) }
            return .accepted(step: candidate)
        }
        return .wrong
    }

    /// HOTP (RFC 4226 §5.3): HMAC of the 8-byte big-endian counter, dynamic truncation to
    /// 31 bits, the last `digits` decimal digits.
    public static func hotp(secret: [UInt8], counter: UInt64, digits: Int, algorithm: Algorithm = .sha1) -> String {
        let message = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let value = truncated(mac) % power(digits)
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// RFC 4226 §5.4: four bytes at the offset the last nibble names, top bit cleared.
    static func truncated(_ mac: [UInt8]) -> UInt32 {
        let offset = Int(mac[mac.count - 1] & 0x0F)
        return (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
    }

    static func power(_ digits: Int) -> UInt32 {
        (0..<digits).reduce(1) { value, _ in value * 10 }
    }

    /// Equal length and bytes, in time that depends only on the length.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
