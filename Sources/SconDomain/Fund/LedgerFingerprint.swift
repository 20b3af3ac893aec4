import Crypto
import Foundation

/// A SHA-256 of a ledger transaction's stored values and its lines, kept in the audit entry that
/// booked it, so that `scon audit verify` finds any later change to the money rows.
///
/// The values are joined with the unit separator (U+001F) after each, the lines sorted by
/// account and written as `account=amount`; a set of transactions (an import) is the SHA-256
/// of their fingerprints in number order.
public enum LedgerFingerprint {
    public struct Line: Sendable, Hashable {
        public var account: String
        public var amount: Int
        public init(account: String, amount: Int) { self.account = account; self.amount = amount }
    }

    public static func of(fields: [String], lines: [Line]) -> String {
        var text = ""
        for field in fields { text += field; text += "\u{1F}" }
        text += "\u{1E}"
        for line in lines.sorted(by: { ($0.account, $0.amount) < ($1.account, $1.amount) }) {
            text += "\(line.account)=\(line.amount)\u{1F}"
        }
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    public static func combined(_ fingerprints: [String]) -> String {
        hex(SHA256.hash(data: Data(fingerprints.joined(separator: "\n").utf8)))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
