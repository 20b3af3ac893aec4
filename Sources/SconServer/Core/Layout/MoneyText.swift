import SconDomain

/// Amounts as people read them: KRW (no minor unit) with digit grouping, in the page's language.
enum MoneyText {
    static func krw(_ amount: Int, _ language: Language) -> String {
        let digits = grouped(amount)
        return language == .ko ? "\(digits)원" : "KRW \(digits)"
    }

    static func grouped(_ amount: Int) -> String { MoneyFormat.grouped(amount) }

    /// A large amount of won in words (1조 5,000억 원, KRW 1.5 trillion), the full figure on hover.
    static func readableKRW(_ amount: Int, _ language: Language) -> HTML {
        let words = language == .ko ? ReadableAmount.korean(amount) : ReadableAmount.english(amount)
        return "<abbr title=\"\(krw(amount, language))\">\(words)</abbr>"
    }

    /// An amount of any currency in major units with separators (`USD 1,234.50`, `1,234.50 USD`).
    static func money(_ money: Money, _ language: Language) -> String {
        if money.currency == .KRW { return krw(money.minor, language) }
        let text = money.decimalText
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Int(parts[0]) ?? 0
        let grouped = (text.hasPrefix("-") && whole == 0 ? "-" : "") + MoneyFormat.grouped(whole) + (parts.count > 1 ? "." + parts[1] : "")
        return language == .ko ? "\(grouped) \(money.currency.rawValue)" : "\(money.currency.rawValue) \(grouped)"
    }
}
