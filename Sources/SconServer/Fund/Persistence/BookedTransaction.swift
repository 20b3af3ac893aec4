import Foundation
import SconDomain

/// A ledger transaction as read, with its stored codes checked once: the pages and the API
/// render this, so that an unknown currency is an error when it is read, never a default.
@dynamicMemberLookup
struct BookedTransaction: Sendable {
    let row: LedgerTransaction
    /// The amount in the currency it was booked in.
    let original: Money

    init(_ row: LedgerTransaction) throws {
        self.row = row
        original = try row.original
    }

    subscript<T>(dynamicMember keyPath: KeyPath<LedgerTransaction, T>) -> T { row[keyPath: keyPath] }
}
