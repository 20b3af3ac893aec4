import Foundation
import Metrics
import SconDomain

/// A context's strings: key → (English, Korean). Both languages sit side by side, so that no
/// string exists in one language only.
typealias StringTable = [String: (en: String, ko: String)]

/// The user-facing strings of the pages: every context's `StringTable`, merged. A key missing
/// in one language falls back to the other; a key missing in both renders as nothing (and is
/// counted in `scon_missing_strings_total`), never as the key itself. A test keeps every key
/// the code uses present in both languages.
public struct Strings: Sendable {
    public let language: Language
    let table: [String: String]
    let fallback: [String: String]

    public subscript(_ key: String) -> String {
        if let text = table[key] ?? fallback[key] { return text }
        Counter(label: "scon_missing_strings_total").increment()
        return ""
    }

    /// Whether the key has a text.
    public func has(_ key: String) -> Bool { table[key] != nil || fallback[key] != nil }

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

    /// Every context's table merged, with the keys that more than one context defines.
    static let catalogue: (tables: [Language: [String: String]], duplicates: [String]) = {
        var english: [String: String] = [:], korean: [String: String] = [:]
        var owners: [String: Int] = [:]
        for context in SconContexts.all {
            for (key, text) in context.strings {
                owners[key, default: 0] += 1
                english[key] = text.en
                korean[key] = text.ko
            }
        }
        return ([.en: english, .ko: korean], owners.filter { $0.value > 1 }.map(\.key).sorted())
    }()

    static let korean = Strings(language: .ko, table: catalogue.tables[.ko] ?? [:], fallback: catalogue.tables[.en] ?? [:])
    static let english = Strings(language: .en, table: catalogue.tables[.en] ?? [:], fallback: catalogue.tables[.ko] ?? [:])
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
