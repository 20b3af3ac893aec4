/// A text that exists in Korean and English (user content keeps both).
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String
    public var ko: String

    public init(en: String, ko: String) {
        self.en = en
        self.ko = ko
    }

    /// The text in `language`, falling back to the other one when it is empty.
    public func text(in language: Language) -> String {
        switch language {
        case .ko: ko.isEmpty ? en : ko
        case .en: en.isEmpty ? ko : en
        }
    }
}
