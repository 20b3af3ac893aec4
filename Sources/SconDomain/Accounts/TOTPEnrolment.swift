/// Setting up two-factor sign-in: a new random secret, the `otpauth://` URI an authenticator
/// app reads (shown as a QR code and as Base32 text to type), following the Key URI Format
/// that Google Authenticator defined and other apps follow.
public enum TOTPEnrolment {
    /// The issuer named in the URI and shown by the app.
    public static let issuer = "K-SCON"
    /// 160 bits, the size RFC 4226 §4 recommends and SHA-1's block fits.
    public static let secretBytes = 20

    /// A new secret from `random` (the server passes `SystemRandomNumberGenerator`).
    public static func newSecret(using random: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<secretBytes).map { _ in UInt8.random(in: .min ... .max, using: &random) }
    }

    /// A new secret from the system's cryptographic generator.
    public static func newSecret() -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        return newSecret(using: &random)
    }

    /// `otpauth://totp/K-SCON:alice%40example.org?secret=…&issuer=K-SCON&algorithm=SHA1&digits=6&period=30`:
    /// the label is the issuer and the account (the e-mail address) joined by a colon, each
    /// percent-encoded; the secret is Base32 without padding.
    public static func uri(for totp: TOTP, account: EmailAddress) -> String {
        let label = percentEncoded(issuer) + ":" + percentEncoded(account.value)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(totp.secret, padding: false))"
            + "&issuer=\(percentEncoded(issuer))&algorithm=\(totp.algorithm.rawValue)&digits=\(totp.digits)&period=\(totp.period)"
    }

    /// The secret as people type it: Base32 in groups of four.
    public static func typedSecret(_ secret: [UInt8]) -> String {
        let text = Array(Base32.encode(secret, padding: false))
        return stride(from: 0, to: text.count, by: 4).map { String(text[$0..<min($0 + 4, text.count)]) }.joined(separator: " ")
    }

    /// RFC 3986 unreserved characters kept, every other UTF-8 byte as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (byte < 16 ? "0" : "") + hex
            }
        }
        return result
    }
}
