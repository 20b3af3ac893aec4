import Fluent
import Foundation
import SconDomain
import SQLKit
import Testing
import VaporTesting
@testable import SconServer

/// A stored value the code does not know is an error that names its table and column, never a
/// silent default (an unknown stage once read as "lead" and changed who may see a project).
@Suite struct StoredValueTests {
    @Test(arguments: TestDatabase.all)
    func anUnknownStageOrCurrencyIsAnErrorNamingTheColumn(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: a project whose stage and a transaction whose currency this version does not know
            let project = try #require(try await Project.query(on: app.db).first())
            let sql = app.db as! any SQLDatabase
            try await sql.update("projects").set("stage", to: SQLBind("moonshot")).where("id", .equal, SQLBind(project.storedID)).run()
            let transaction = try #require(try await LedgerTransaction.query(on: app.db).first())
            try await sql.update("ledger_transactions").set("currency", to: SQLBind("XAU")).where("id", .equal, SQLBind(transaction.storedID)).run()
            // act
            let reread = try #require(try await Project.find(project.storedID, on: app.db))
            let rereadTransaction = try #require(try await LedgerTransaction.find(transaction.storedID, on: app.db))
            // check
            #expect(throws: UnknownStoredValue.self) { _ = try reread.projectStage }
            do { _ = try reread.projectStage } catch { #expect("\(error)".contains("projects.stage holds \"moonshot\"")) }
            do { _ = try rereadTransaction.original } catch { #expect("\(error)".contains("ledger_transactions.currency holds \"XAU\"")) }
            // The page says the server failed, and shows no stage made up for it.
            let browser = Browser(app)
            try await browser.signIn(try await app.officer())
            let page = try await browser.get("/projects/\(project.storedID)?lang=en")
            #expect(page.status == .internalServerError)
            #expect(!page.text.contains("Lead"))
        }
    }
}
