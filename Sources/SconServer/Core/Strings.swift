import Foundation
import SconDomain

/// The user-facing strings of the web pages, one JSON table per language in
/// `Resources/Strings/{ko,en}.json`. A key missing in one language falls back to the other,
/// then to the key itself; a test keeps the two tables in step.
public struct Strings: Sendable {
    public let language: Language
    let table: [String: String]
    let fallback: [String: String]

    public subscript(_ key: String) -> String {
        table[key] ?? fallback[key] ?? key
    }

    /// Replaces `{name}` placeholders.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    public static func of(_ language: Language) -> Strings {
        switch language {
        case .ko: korean
        case .en: english
        }
    }

    static let tables: [Language: [String: String]] = {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            tables[language] = (try? loadTable(language)) ?? [:]
        }
        return tables
    }()

    static let korean = Strings(language: .ko, table: tables[.ko] ?? [:], fallback: tables[.en] ?? [:])
    static let english = Strings(language: .en, table: tables[.en] ?? [:], fallback: tables[.ko] ?? [:])

    static func loadTable(_ language: Language) throws -> [String: String] {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/Strings") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }
}

extension Strings {
    /// A refusal in this language: `refusal.<key>` with its values, keys translated.
    public func localized(_ refusal: any Refusal) -> String {
        format("refusal.\(refusal.key)", refusal.values.mapValues { value in
            switch value {
            case .text(let text): text
            case .key(let key): self[key]
            case .keys(let keys): keys.map { self[$0] }.joined(separator: ", ")
            }
        })
    }
}
