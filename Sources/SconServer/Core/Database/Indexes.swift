import Fluent
import SQLKit

/// An index a migration creates, with its name, table and columns frozen as literals.
struct IndexSpec: Sendable {
    var name: String
    var table: String
    var columns: [String]

    init(_ name: String, on table: String, _ columns: String...) {
        self.name = name
        self.table = table
        self.columns = columns
    }

    static func create(_ specs: [IndexSpec], on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for spec in specs {
            var builder = sql.create(index: spec.name).on(spec.table)
            for column in spec.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    static func drop(_ specs: [IndexSpec], on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for spec in specs.reversed() { try await sql.drop(index: spec.name).run() }
    }
}
