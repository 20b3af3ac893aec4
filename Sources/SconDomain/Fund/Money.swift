import Foundation

/// The currencies the fund books: the Korean won, the US dollar and the ASEAN currencies, with
/// their ISO 4217 minor-unit exponents (KRW and VND have none; IDR, KHR, LAK, MMK have 2 by
/// ISO 4217 though rarely used). Amounts are always integers in minor units.
public enum Currency: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case KRW, USD, BND, KHR, IDR, LAK, MYR, MMK, PHP, SGD, THB, VND

    /// Digits after the decimal point (ISO 4217).
    public var exponent: Int {
        switch self {
        case .KRW, .VND: 0
        default: 2
        }
    }

    /// 10^exponent: minor units per major unit.
    public var minorPerMajor: Int {
        var value = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An amount in integer minor units of a currency.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    public var minor: Int
    public var currency: Currency

    public init(minor: Int, _ currency: Currency) {
        self.minor = minor
        self.currency = currency
    }

    /// The amount as a plain decimal in major units, never in exponent form: `1234.50`,
    /// `-0.05`, `1500000000000` (the form of `xsd:decimal` and of the CSV export).
    public var decimalText: String {
        let exponent = currency.exponent
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        guard exponent > 0 else { return sign + String(magnitude) }
        let scale = UInt(currency.minorPerMajor)
        let fraction = String(magnitude % scale)
        return sign + String(magnitude / scale) + "." + String(repeating: "0", count: exponent - fraction.count) + fraction
    }

    /// Parses a plain decimal in major units (`1234.5`, `-3`, `0.05`) into minor units,
    /// refusing more decimals than the currency has, exponents, separators and overflow.
    public static func parse(_ text: String, _ currency: Currency) -> Money? {
        scaledInteger(text, decimals: currency.exponent).map { Money(minor: $0, currency) }
    }

    /// `text` (a plain decimal with at most `decimals` decimals) × 10^decimals, or nil.
    static func scaledInteger(_ text: String, decimals: Int) -> Int? {
        // Exactly the digits: no spaces or separators (a page's form strips those it accepts).
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 18, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigit), fraction.count <= decimals, parts.count == 1 || !fraction.isEmpty else { return nil }
        let padded = String(fraction) + String(repeating: "0", count: decimals - fraction.count)
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        guard let major = Int(whole), let minorPart = Int(padded.isEmpty ? "0" : padded) else { return nil }
        let (scaled, overflow) = major.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let (sum, overflow2) = scaled.addingReportingOverflow(minorPart)
        guard !overflow2 else { return nil }
        return negative ? -sum : sum
    }

    public var description: String { "\(decimalText) \(currency.rawValue)" }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
