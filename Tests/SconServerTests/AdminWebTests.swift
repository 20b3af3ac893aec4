import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct AdminWebTests {
    @Test(arguments: TestDatabase.all)
    func administratorGrantsAndRevokesScopedRoles(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(try await app.admin())
            let person = try await app.makeUser()
            let busan = try await app.organisationID("busan")
            #expect(try await admin.get("/admin/users").status == .ok)
            let granted = try await admin.post("/admin/users/\(person.id)/grants",
                                               form: [("role", "organisation-member"), ("scopeKind", "organisation"), ("scopeID", busan.uuidString)])
            #expect(granted.status == .seeOther)
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$userID == person.id).first())
            #expect(grant.scopeID == busan.uuidString.lowercased())
            // the new member may now edit Busan
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(busan)", headers: Body.jsonHeaders.adding(person.bearer), body: try Body.json(["acronym": "BMC"])) {
                #expect($0.status == .ok)
            }
            // a role in the wrong kind of scope is refused, naming the field
            let wrong = try await admin.post("/admin/users/\(person.id)/grants", form: [("role", "administrator"), ("scopeKind", "country"), ("scopeID", "TH")])
            #expect(wrong.status == .unprocessableEntity)
            let unknown = try await admin.post("/admin/users/\(person.id)/grants", form: [("role", "country-focal-point"), ("scopeKind", "country"), ("scopeID", "FR")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(try await RoleGrant.query(on: app.db).filter(\.$userID == person.id).count() == 1)
            #expect(try await admin.post("/admin/grants/\(grant.id!)/revoke", form: []).status == .seeOther)
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(busan)", headers: Body.jsonHeaders.adding(person.bearer), body: try Body.json(["acronym": "X"])) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func nobodyElseManagesRoles(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = Browser(app)
            let me = try await app.officer()
            try await officer.signIn(me)
            #expect(try await officer.get("/admin/users").status == .forbidden)
            let granted = try await officer.post("/admin/users/\(me.id)/grants", form: [("role", "administrator"), ("scopeKind", "global")])
            #expect(granted.status == .forbidden)
            #expect(try await RoleGrant.query(on: app.db).filter(\.$userID == me.id).count() == 1)
            #expect(try await Browser(app).get("/admin/users").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorCannotLockThemselvesOut(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let me = try await app.admin()
            let browser = Browser(app)
            try await browser.signIn(me)
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$userID == me.id).first())
            #expect(try await browser.post("/admin/grants/\(grant.id!)/revoke", form: []).status == .conflict)
            #expect(try await RoleGrant.find(grant.id, on: app.db) != nil)
        }
    }
}
