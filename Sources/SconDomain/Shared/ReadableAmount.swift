/// Large amounts of won as people read them: in Korean by 조 (10¹²), 억 (10⁸) and 만 (10⁴)
/// ("1조 2,000억 원"), in English with a word ("KRW 1.2 trillion", "KRW 300 billion",
/// "KRW 4.5 million"). Amounts under 10,000 (Korean) or a million (English) stay in figures.
/// The English form keeps at most three significant digits; the Korean form drops nothing
/// above 만 and shows what is below it only when there is no larger unit.
public enum ReadableAmount {
    public static func korean(_ won: Int) -> String {
        let sign = won < 0 ? "-" : ""
        var rest = Int(won.magnitude)
        guard rest >= 10_000 else { return sign + MoneyFormat.grouped(rest) + "원" }
        let units: [(value: Int, name: String)] = [(1_000_000_000_000, "조"), (100_000_000, "억"), (10_000, "만")]
        var parts: [String] = []
        for unit in units where rest >= unit.value {
            parts.append(MoneyFormat.grouped(rest / unit.value) + unit.name)
            rest %= unit.value
        }
        if rest > 0 && parts.count == 1 && parts[0].hasSuffix("만") { parts.append(MoneyFormat.grouped(rest)) }
        return sign + parts.joined(separator: " ") + " 원"
    }

    public static func english(_ won: Int) -> String {
        let sign = won < 0 ? "-" : ""
        let value = Double(won.magnitude)
        let units: [(value: Double, name: String)] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
        guard let unit = units.first(where: { value >= $0.value }) else { return "KRW " + sign + MoneyFormat.grouped(Int(won.magnitude)) }
        let scaled = value / unit.value
        // Three significant digits at most, no trailing zeros: 1.5, 300, 4.25, 12.3.
        let decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2
        var text = String(format: "%.\(decimals)f", scaled)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return "KRW \(sign)\(text) \(unit.name)"
    }
}
