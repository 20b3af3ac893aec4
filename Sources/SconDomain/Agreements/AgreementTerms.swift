import Foundation

/// The kind of an agreement.
public enum AgreementKind: String, Sendable, CaseIterable, Hashable {
    case mou, moc, loi, contract
    case loanAgreement = "loan-agreement"
    case other
}

/// Who signs: ministries, public institutions, companies or cities.
public enum AgreementLevel: String, Sendable, CaseIterable, Hashable {
    case ministerial, institutional, company, city
}

/// A date as precise as the source gives it: a day (`2019-11-25`), a month (`2019-09`) or a
/// year (`2019`). The demo data never makes a day up where the record gives only a month.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable { case year, month, day }
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard parts[0].count == 4, let year = Int(parts[0]), year >= 1900 else { return nil }
            self.year = year; month = nil; day = nil
        case 2:
            guard parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), year >= 1900,
                  let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.year = year; self.month = month; day = nil
        case 3:
            guard let calendarDay = CalendarDay(text), calendarDay.year >= 1900 else { return nil }
            year = calendarDay.year; month = calendarDay.month; day = calendarDay.day
        default: return nil
        }
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// The first day the date may stand for.
    public var firstDay: CalendarDay {
        CalendarDay(String(format: "%04d-%02d-%02d", year, month ?? 1, day ?? 1))!
    }

    /// The last day the date may stand for.
    public var lastDay: CalendarDay {
        switch precision {
        case .day: firstDay
        case .month: CalendarDay(String(format: "%04d-%02d-01", month == 12 ? year + 1 : year, month == 12 ? 1 : month! + 1))!.adding(days: -1)
        case .year: CalendarDay(String(format: "%04d-12-31", year))!
        }
    }

    public var description: String {
        switch precision {
        case .year: String(format: "%04d", year)
        case .month: String(format: "%04d-%02d", year, month!)
        case .day: firstDay.description
        }
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.firstDay, lhs.precision.rank) < (rhs.firstDay, rhs.precision.rank)
    }
}

extension PartialDate.Precision {
    var rank: Int { switch self { case .year: 0; case .month: 1; case .day: 2 } }
}
