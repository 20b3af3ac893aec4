import Foundation

/// An address with an optional display name (`K-SCON <noreply@example.org>`).
public struct MailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// Reads `Name <addr>` or a bare `addr`; nil when there is no `@` or a line break.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains("\r"), !trimmed.contains("\n") else { return nil }
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard address.contains("@"), !address.contains(" ") else { return nil }
            self.init(name: name.isEmpty ? nil : name, address: address)
        } else {
            guard trimmed.contains("@"), !trimmed.contains(" ") else { return nil }
            self.init(address: trimmed)
        }
    }

    /// As a header value: the name encoded per RFC 2047 when it is not plain ASCII.
    public var header: String {
        guard let name, !name.isEmpty else { return address }
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || " -.".unicodeScalars.contains($0)) }
        let shown = plain ? name : MailHeader.encodedWords(name).joined(separator: " ")
        return "\(shown) <\(address)>"
    }
}

/// Header values per RFC 5322 and RFC 2047.
public enum MailHeader {
    /// The most UTF-8 bytes in one encoded-word: 42 bytes make 56 base64 characters, and with
    /// `=?UTF-8?B?` and `?=` the word is 68 characters (RFC 2047 allows 75).
    public static let bytesPerWord = 42

    /// `text` as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), each at most 75 characters, never
    /// splitting a character between two words.
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > bytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// A header line, folded: plain when the value is printable ASCII and the line fits 78
    /// characters, else encoded-words, one per line after the first. Line breaks in the value
    /// are dropped (no header can be injected).
    public static func line(_ name: String, _ value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let printable = clean.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable && name.count + 2 + clean.count <= 78 && !clean.contains("=?") { return "\(name): \(clean)" }
        return "\(name): " + encodedWords(clean).joined(separator: "\r\n ")
    }

    /// Reads encoded-words back (for tests and tools): the decoded text of a header value.
    public static func decode(_ value: String) -> String? {
        let unfolded = value.replacingOccurrences(of: "\r\n ", with: " ")
        var bytes: [UInt8] = []
        var plain = ""
        for part in unfolded.split(separator: " ", omittingEmptySubsequences: true) {
            if part.hasPrefix("=?UTF-8?B?") && part.hasSuffix("?=") {
                guard let data = Data(base64Encoded: String(part.dropFirst(10).dropLast(2))) else { return nil }
                bytes += data
            } else {
                if !bytes.isEmpty { plain += String(decoding: bytes, as: UTF8.self); bytes = [] }
                plain += (plain.isEmpty ? "" : " ") + part
            }
        }
        if !bytes.isEmpty { plain += String(decoding: bytes, as: UTF8.self) }
        return plain
    }

    /// `Tue, 01 Dec 2026 10:41:24 +0000` (RFC 5322 §3.3, in UTC).
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// A plain-text e-mail (RFC 5322, MIME): UTF-8 body in base64 (lines of 76 characters), CRLF
/// line ends, every header line within 998 octets.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var date: Date
    public var messageID: String
    /// The unsubscribe address (`List-Unsubscribe: <…>`), when there is one.
    public var listUnsubscribe: String?
    public var body: String

    public init(from: MailAddress, to: MailAddress, subject: String, date: Date, messageID: String, listUnsubscribe: String?, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.listUnsubscribe = listUnsubscribe
        self.body = body
    }

    /// `<digest-ACCOUNT-20261201@domain>`: the same account on the same day (UTC) has the same id,
    /// so a digest sent twice by mistake is one message to a mail program.
    public static func digestID(account: UUID, on date: Date, domain: String) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        let day = String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return "<digest-\(account.uuidString.lowercased())-\(day)@\(domain)>"
    }

    /// The message as it goes to `sendmail -i -t`.
    public var text: String {
        var lines = [
            "From: " + from.header,
            "To: " + to.header,
            MailHeader.line("Subject", subject),
            "Date: " + MailHeader.date(date),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        if let listUnsubscribe { lines.append("List-Unsubscribe: <\(listUnsubscribe)>") }
        lines.append("")
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Array(Data(normalised.utf8).base64EncodedString())
        lines += stride(from: 0, to: encoded.count, by: 76).map { String(encoded[$0..<min($0 + 76, encoded.count)]) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
