import Fluent
import Foundation
import SconDomain
import SQLKit

/// The outcome records under a filter and their tally, both from the same SQL predicate: the
/// counting rule's (`OutcomeRule`), written once here for SQL (a test keeps it equal to the rule
/// applied record by record). Outcomes are public records.
struct OutcomeQuery: Sendable {
    let db: any Database

    /// The records under the filter, by day, `limit` at a time.
    func page(_ filter: OutcomeFilter, _ page: PageQuery) async throws -> SconDomain.Page<Outcome> {
        let query = Outcome.query(on: db)
        apply(filter, to: query)
        if let cursor = page.cursor {
            query.group(.or) { or in
                or.filter(\.$day > cursor.key)
                or.group(.and) { $0.filter(\.$day == cursor.key).filter(\.$id > cursor.id) }
            }
        }
        let rows = try await query.sort(\.$day).sort(\.$id).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: $0.day, id: $0.storedID) }
    }

    /// Every record under the filter (for the downloads).
    func all(_ filter: OutcomeFilter) async throws -> [Outcome] {
        let query = Outcome.query(on: db)
        apply(filter, to: query)
        return try await query.sort(\.$day).sort(\.$id).all()
    }

    private func apply(_ filter: OutcomeFilter, to query: QueryBuilder<Outcome>) {
        query.filter(\.$recordedOn <= filter.asOf.description)
        if let from = filter.from { query.filter(\.$day >= from.description) }
        if let country = filter.country { query.filter(\.$countries ~~ ",\(country.value),") }
        if let type = filter.type { query.filter(\.$type == type.rawValue) }
    }

    /// The tally under the filter, counted in SQL: achieved = recorded achieved with its day on
    /// or before `asOf` (rule 2), every other counted record planned.
    func tally(_ filter: OutcomeFilter) async throws -> OutcomeTally {
        let sql = db as! any SQLDatabase
        let asOf = filter.asOf.description
        let achieved = SQLRaw("CASE WHEN \"state\" = 'achieved' AND \"day\" <= '\(asOf)' THEN 1 ELSE 0 END")
        var select = sql.select().column("type").column(achieved, as: "achieved").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("outcomes").where("recorded_on", .lessThanOrEqual, asOf)
        if let from = filter.from { select = select.where("day", .greaterThanOrEqual, from.description) }
        if let country = filter.country { select = select.where("countries", .like, "%,\(country.value),%") }
        if let type = filter.type { select = select.where("type", .equal, type.rawValue) }
        let rows = try await select.groupBy("type").groupBy(achieved).all()
        var tally = OutcomeTally(asOf: filter.asOf)
        for row in rows {
            let typeText = try row.decode(column: "type", as: String.self)
            guard let type = OutcomeType(rawValue: typeText) else { throw UnknownStoredValue(table: "outcomes", column: "type", value: typeText) }
            let count = try row.decode(column: "n", as: Int.self)
            if try row.decode(column: "achieved", as: Int.self) == 1 { tally.achieved += count } else { tally.planned += count }
            tally.byType[type, default: 0] += count
        }
        return tally
    }

    /// Records per year (of their day) and type under the filter, for the chart.
    func perYear(_ filter: OutcomeFilter) async throws -> [(year: String, type: OutcomeType, count: Int)] {
        let sql = db as! any SQLDatabase
        let year = SQLFunction("SUBSTR", args: SQLIdentifier("day"), SQLLiteral.numeric("1"), SQLLiteral.numeric("4"))
        var select = sql.select().column(year, as: "year").column("type").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("outcomes").where("recorded_on", .lessThanOrEqual, filter.asOf.description)
        if let from = filter.from { select = select.where("day", .greaterThanOrEqual, from.description) }
        if let country = filter.country { select = select.where("countries", .like, "%,\(country.value),%") }
        if let type = filter.type { select = select.where("type", .equal, type.rawValue) }
        return try await select.groupBy(year).groupBy("type").orderBy(year).all().map { row in
            let typeText = try row.decode(column: "type", as: String.self)
            guard let type = OutcomeType(rawValue: typeText) else { throw UnknownStoredValue(table: "outcomes", column: "type", value: typeText) }
            return (try row.decode(column: "year", as: String.self), type, try row.decode(column: "n", as: Int.self))
        }
    }
}
