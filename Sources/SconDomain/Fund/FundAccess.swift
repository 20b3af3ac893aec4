import Foundation

/// Who may move money. The fund's position is public; fund managers book money and record
/// exchange rates; the ledger's export is for fund managers and the programme office.
public enum FundAccess {
    public enum Action: Sendable, Hashable, CaseIterable {
        case book
        case recordRate
        case exportLedger
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        switch action {
        case .book, .recordRate: principal.holds(.fundManager)
        case .exportLedger: principal.holds(.fundManager) || principal.isProgrammeOfficer || principal.isAdministrator
        }
    }
}

extension FundAccess {
    public static var table: AccessMatrix.Table {
        AccessMatrix.Table(context: "Fund", columns: [
            ("book money", { allows($0, .book) }),
            ("record exchange rates", { allows($0, .recordRate) }),
            ("export the ledger", { allows($0, .exportLedger) }),
        ])
    }
}
