import Fluent
import Foundation
import SQLKit
import Testing
@testable import SconServer

/// The PostgreSQL read path: kept prepared statements answer what SQLKit answers, survive a
/// schema change under them, and a connection that keeps its maximum still runs new texts.
@Suite struct PostgresStatementsTests {
    private struct Probe: Equatable, Sendable {
        var id: UUID
        var name: String
        var count: Int?
        var open: Bool
        var score: Double
    }

    @Test func keptStatementsReadEveryTypeAndSurviveASchemaChange() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withTestApp(.postgres, seed: false) { app in
            // Setup: a table of the column types the readers read.
            let statements = try #require(app.storage[PostgresStatementsKey.self])
            let sql = app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE probe (id uuid PRIMARY KEY, name text NOT NULL, n bigint, open boolean NOT NULL, score double precision NOT NULL)").run()
            let id = UUID()
            try await sql.raw("INSERT INTO probe VALUES (\(bind: id), \(bind: "Hà Nội 하노이"), NULL, true, 1.5)").run()
            let rows = RowQuery(db: app.db, statements: statements)
            let read: @Sendable (any RowReader) throws -> Probe = {
                Probe(id: try $0.uuid("id"), name: try $0.string("name"), count: try $0.optionalInt("n"),
                      open: try $0.bool("open"), score: try $0.double("score"))
            }
            let expected = [Probe(id: id, name: "Hà Nội 하노이", count: nil, open: true, score: 1.5)]

            // Action and check: the same text several times (prepared once, then kept), with a bind.
            for _ in 0..<3 {
                #expect(try await rows.all(sql.select().column("*").from("probe").where("id", .equal, id), read) == expected)
            }
            #expect(try await rows.all(sql.select().column("*").from("probe").where("id", .equal, UUID()), read).isEmpty)

            // `SELECT *` changes its result type when a column is added: the kept statement is prepared again.
            try await sql.raw("ALTER TABLE probe ADD COLUMN extra text").run()
            #expect(try await rows.all(sql.select().column("*").from("probe").where("id", .equal, id), read) == expected)

            // More texts than a connection keeps: the others still run (and are closed after use).
            for number in 0..<(PostgresStatements.maximumPerConnection + 8) {
                let found = try await rows.all(sql.select().column(SQLRaw("\(number)::bigint AS n"))) { try $0.int("n") }
                #expect(found == [number])
            }
        }
    }
}
