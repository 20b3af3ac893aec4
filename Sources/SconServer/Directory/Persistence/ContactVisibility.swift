import Fluent
import Foundation
import SconDomain
import SQLKit

/// Whether the caller may read an organisation's contact details (`DirectoryAccess`): it asks
/// the database only whether one of the caller's organisations takes part in a project with it.
enum ContactVisibility {
    static func allows(_ principal: Principal, organisation id: UUID, on db: any Database) async throws -> Bool {
        if DirectoryAccess.allows(principal, .readContactDetails(organisation: id, worksWithCaller: false)) { return true }
        let mine = principal.organisations.subtracting([id])
        guard !mine.isEmpty, let sql = db as? any SQLDatabase else { return false }
        let row = try await sql.select().column(SQLLiteral.numeric("1"), as: "one")
            .from(SQLAlias(SQLIdentifier("project_participants"), as: SQLIdentifier("theirs")))
            .join(SQLAlias(SQLIdentifier("project_participants"), as: SQLIdentifier("ours")), method: SQLJoinMethod.inner,
                  on: SQLColumn("project_id", table: "theirs"), .equal, SQLColumn("project_id", table: "ours"))
            .where(SQLColumn("organisation_id", table: "theirs"), .equal, SQLBind(id))
            .where(SQLColumn("organisation_id", table: "ours"), .in, SQLBind.group(Array(mine)))
            .limit(1).first()
        return DirectoryAccess.allows(principal, .readContactDetails(organisation: id, worksWithCaller: row != nil))
    }
}
