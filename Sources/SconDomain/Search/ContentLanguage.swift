/// The language a piece of marketplace content is written in (the import format's `lang`).
/// Distinct from `Language`, the two languages of the user interface.
public enum ContentLanguage: String, Sendable, CaseIterable, Codable, Hashable {
    case ko, en, th, vi, id, ms, km, lo, my, tl

    /// The languages written in Latin letters, whose words are separated by spaces.
    public var usesLatinScript: Bool {
        switch self {
        case .en, .vi, .id, .ms, .tl: true
        case .ko, .th, .km, .lo, .my: false
        }
    }

    /// Parses a language tag such as `th`, `TH` or `vi-VN` (the primary subtag decides).
    public init?(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self.init(rawValue: primary)
    }
}
