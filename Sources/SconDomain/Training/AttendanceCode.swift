import Crypto
import Foundation

/// The check-in code shown in the room: six digits that change every minute, so that a
/// code forwarded from elsewhere (or from yesterday) does not work. The code of a minute is
/// HMAC-SHA256, under the cohort's secret, of the session's id (16 bytes) and the minute
/// count since the Unix epoch (8 bytes, big-endian), truncated as HOTP does (RFC 4226 §5.4)
/// to six decimal digits. A code is accepted in its own minute and the next one (grace for
/// a code read just before it changed), never later.
public enum AttendanceCode {
    public static let digits = 6
    /// Seconds a code is shown.
    public static let period: Int64 = 60
    /// How far back `verify` looks to tell an expired code from a wrong one (minutes).
    static let expiredLookback: UInt64 = 15

    public enum Check: Sendable, Hashable {
        /// The code of this minute or the one before.
        case accepted(minute: UInt64)
        /// The code of an earlier minute (up to a quarter of an hour): read the one now shown.
        case expired
        case wrong
        case malformed
    }

    /// A new per-cohort secret of 32 bytes.
    public static func newSecret(using random: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
    }

    public static func newSecret() -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        return newSecret(using: &random)
    }

    /// The minute count of an instant.
    public static func minute(at date: Date) -> UInt64 {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return seconds <= 0 ? 0 : UInt64(seconds / period)
    }

    /// The code shown for `session` during `minute`.
    public static func code(secret: [UInt8], session: UUID, minute: UInt64) -> String {
        var message = withUnsafeBytes(of: session.uuid) { Array($0) }
        message += withUnsafeBytes(of: minute.bigEndian) { Array($0) }
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let text = String(TOTP.truncated(mac) % 1_000_000)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The code shown for `session` at `date`.
    public static func code(secret: [UInt8], session: UUID, at date: Date) -> String {
        code(secret: secret, session: session, minute: minute(at: date))
    }

    /// Checks a typed code at `date` (spaces ignored), in constant time per candidate minute.
    public static func verify(_ typed: String, secret: [UInt8], session: UUID, at date: Date) -> Check {
        let code = Array(typed.filter { $0 != " " }.utf8)
        guard code.count == digits, code.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return .malformed }
        let now = minute(at: date)
        for back in 0...min(expiredLookback, now) {
            guard TOTP.constantTimeEqual(code, Array(self.code(secret: secret, session: session, minute: now - back).utf8)) else { continue }
            return back <= 1 ? .accepted(minute: now - back) : .expired
        }
        return .wrong
    }
}
