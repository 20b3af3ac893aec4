import Crypto
import Foundation

/// The kinds of file a proposal may attach, recognised by their first bytes, not by their
/// name or the type the sender declares.
public enum AttachmentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case pdf = "application/pdf"
    case png = "image/png"
    case jpeg = "image/jpeg"

    /// The kind whose signature the bytes start with.
    public static func sniff(_ bytes: some Collection<UInt8>) -> AttachmentKind? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}

/// A checked attachment: its clean name, kind, size and SHA-256.
public struct AttachmentFacts: Sendable, Hashable, Codable {
    public var filename: String
    public var kind: AttachmentKind
    public var size: Int
    public var sha256: String
    /// Which of the call's required documents it is (0-based), or nil for a supporting file.
    public var document: Int?
}

public enum AttachmentRules {
    /// At most this many files per proposal.
    public static let maximumPerProposal = 20

    /// Checks a file: not empty, not over `maximumBytes`, a PDF, PNG or JPEG by its content
    /// (and, when the sender declared a type, the same one), a usable name, and a document
    /// index the call has.
    public static func validated(filename: String?, declaredType: String?, bytes: [UInt8], maximumBytes: Int,
                                 document: Int?, requiredDocuments: Int, attachedAlready: Int) throws(DomainError) -> AttachmentFacts {
        var rules = FieldRules()
        if bytes.isEmpty {
            rules.fail("file", "required", "the file is empty.")
        } else if bytes.count > maximumBytes {
            rules.fail("file", "too-large", "the file has \(bytes.count) bytes; at most \(maximumBytes) are accepted.")
        }
        let kind = AttachmentKind.sniff(bytes)
        if !bytes.isEmpty, kind == nil {
            rules.fail("file", "unsupported-type", "the file is not a PDF, PNG or JPEG.")
        } else if let kind, let declared = declaredType?.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
                  !declared.isEmpty, declared != "application/octet-stream", declared != kind.rawValue {
            rules.fail("file", "type-mismatch", "the file was sent as \(declared) but is a \(kind.rawValue).")
        }
        let name = cleanName(filename)
        if name.isEmpty { rules.fail("filename", "required", "the file needs a name.") }
        if let document, !(0..<requiredDocuments).contains(document) {
            rules.fail("document", "unknown", "the call requires \(requiredDocuments) documents; document is 0 to \(max(requiredDocuments - 1, 0)) or left out.")
        }
        if attachedAlready >= maximumPerProposal {
            rules.fail("file", "too-many", "a proposal has at most \(maximumPerProposal) files.")
        }
        try rules.check()
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return AttachmentFacts(filename: name, kind: kind!, size: bytes.count, sha256: digest, document: document)
    }

    /// The last path component, without control characters or quotes, at most 200 characters.
    public static func cleanName(_ name: String?) -> String {
        let last = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { $0.properties.generalCategory != .control && $0 != "\"" }
        return String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces).prefix(200).description
    }
}
