import Foundation

/// The two languages every user-facing string exists in.
public enum Language: String, Sendable, CaseIterable, Codable, Hashable {
    case ko
    case en

    /// Picks the language from an HTTP `Accept-Language` value (RFC 9110 §12.5.4),
    /// honouring q-values; falls back to `fallback` when neither ko nor en is acceptable.
    public static func negotiate(acceptLanguage header: String?, fallback: Language = .en) -> Language {
        guard let header, !header.isEmpty else { return fallback }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0, quality > (best?.1 ?? 0) { best = (language, quality) }
        }
        return best?.0 ?? fallback
    }
}
