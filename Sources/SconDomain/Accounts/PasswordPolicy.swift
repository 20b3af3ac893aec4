/// The password rules (after NIST SP 800-63B): long enough, not longer than Bcrypt can
/// hash, not a well-known password, not the e-mail address. No composition rules.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    /// Bcrypt uses only the first 72 bytes; longer passwords would be silently truncated.
    public static let maximumBytes = 72

    static let common: Set<String> = [
        "password1234", "123456789012", "qwertyuiop12", "passwordpassword", "iloveyou1234",
        "letmein12345", "administrator", "welcome12345", "password123!", "qwerty123456",
        "1q2w3e4r5t6y", "abcdefghijkl", "000000000000", "111111111111", "korea1234567",
        "smartcity123", "smartcity2020", "kscon1234567",
    ]

    public static func check(_ password: String, email: EmailAddress?) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if password.count < minimumLength {
            issues.append(FieldIssue(field: "password", code: "too-short", detail: "password needs at least \(minimumLength) characters."))
        }
        if password.utf8.count > maximumBytes {
            issues.append(FieldIssue(field: "password", code: "too-long", detail: "password may have at most \(maximumBytes) bytes."))
        }
        let lower = password.lowercased()
        if common.contains(lower) || Set(password).count <= 2 {
            issues.append(FieldIssue(field: "password", code: "too-common", detail: "password is too easy to guess."))
        }
        if let email, lower.contains(email.value.split(separator: "@").first.map(String.init) ?? email.value), email.value.count >= 4 {
            issues.append(FieldIssue(field: "password", code: "contains-email", detail: "password must not contain your e-mail address."))
        }
        return issues
    }
}
