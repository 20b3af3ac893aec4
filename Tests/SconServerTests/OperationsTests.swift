import SQLKit
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import SconServer

@Suite struct OperationsTests {
    @Test(arguments: TestDatabase.all)
    func healthAndMetrics(_ database: TestDatabase) async throws {
        try await withTestApp(database, config: { $0.metricsToken = "test-metrics-token-0123456789" }) { app in
            try await app.testing().test(.GET, "/healthz") { response in
                #expect(response.status == .ok)
                #expect(response.json["database"] as? String == "ok")
            }
            try await app.testing().test(.GET, "/organisations") { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "/metrics", headers: ["X-Metrics-Token": "test-metrics-token-0123456789"]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("# TYPE http_requests_total counter"))
                #expect(response.text.contains("http_request_duration_seconds"))
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aKnownPathWithAnotherMethodIs405WithAllow(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await app.testing().test(.TRACE, "/api/v1/countries") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: .allow) == "GET, HEAD")
                #expect(response.headers.contentType?.subType == "problem+json")
            }
            try await app.testing().test(.DELETE, "/api/v1/calls/\(UUID().uuidString)") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: .allow) == "GET, HEAD, PATCH")
            }
            try await app.testing().test(.DELETE, "/api/v1/nothing-here") { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/calls/\(UUID().uuidString)") { #expect($0.status == .notFound) }
        }
    }

    @Test func openAPIDocumentDescribesEveryAPIRoute() async throws {
        try await withTestApp(.sqlite, seed: false) { app in
            var document: [String: Any] = [:]
            try await app.testing().test(.GET, "/openapi.json") { response in
                #expect(response.status == .ok)
                document = response.json
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            #expect(OpenAPIDocument.merged.duplicates.isEmpty, "defined twice: \(OpenAPIDocument.merged.duplicates)")
            var registered = Set<String>()
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/v1") || ["/healthz", "/metrics", "/openapi.json"].contains(path) else { continue }
                let operations = paths[path]
                #expect(operations?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in the OpenAPI document")
                registered.insert("\(route.method.rawValue.lowercased()) \(path)")
            }
            // And the other way round: every documented operation is served.
            for (path, operations) in paths {
                for method in operations.keys where ["get", "put", "post", "patch", "delete"].contains(method) {
                    #expect(registered.contains("\(method) \(path)"), "\(method.uppercased()) \(path) is documented but not served")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoAppServersShareOneSignIn(_ database: TestDatabase) async throws {
        guard database == .postgres || database == .sqlite else { return }
        // One database file (or PostgreSQL), two applications: a session made by one is honoured by the other.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scon-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let url = database == .sqlite ? "sqlite:\(path)" : ProcessInfo.processInfo.environment["POSTGRES_URL"]!
        try await withTestApp(database, config: { $0.databaseURL = url }) { first in
            let user = try await first.makeUser()
            let browser = Browser(first)
            try await browser.signIn(user)
            let second = try await Application.make(.testing)
            var config = first.sconConfig
            config.databaseURL = url
            let schema = database == .postgres ? try await (first.db as! any SQLDatabase).raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self) : nil
            try await SconServer.configure(second, config: config, postgresSearchPath: schema.map { [$0] })
            let other = Browser(second)
            other.cookies = browser.cookies
            let page = try await other.get("/account")
            #expect(page.status == .ok)
            #expect(page.text.contains(user.email))
            try await second.asyncShutdown()
        }
    }
}
