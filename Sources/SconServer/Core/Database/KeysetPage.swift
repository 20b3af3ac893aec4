import SconDomain
import SQLKit

/// Keyset pagination on `(sort_key, id)`: the rows after the cursor, one more than the limit
/// so that `Page.from` can tell whether a next page exists.
extension SQLSelectBuilder {
    func after(_ cursor: PageCursor?, page limit: Int) -> Self {
        if let cursor {
            self.where {
                $0.where("sort_key", .greaterThan, cursor.key)
                    .orWhere { $0.where("sort_key", .equal, cursor.key).where("id", .greaterThan, cursor.id) }
            }
        }
        return self.orderBy("sort_key").orderBy("id").limit(limit + 1)
    }

    /// Matches the normalised name search against `search_key`, the same on SQLite and PostgreSQL.
    func matching(_ query: String?) -> Self {
        guard let query else { return self }
        return self.where("\(ident: "search_key") LIKE \(bind: SearchText.containsPattern(query)) ESCAPE '\\'" as SQLQueryString)
    }
}
