import SconDomain

/// Amounts as people read them: KRW (no minor unit) with digit grouping, in the page's language.
enum MoneyText {
    static func krw(_ amount: Int, _ language: Language) -> String {
        let digits = grouped(amount)
        return language == .ko ? "\(digits)원" : "KRW \(digits)"
    }

    static func grouped(_ amount: Int) -> String {
        let text = String(amount.magnitude)
        var out = ""
        for (index, character) in text.enumerated() {
            if index > 0, (text.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return amount < 0 ? "-" + out : out
    }
}
