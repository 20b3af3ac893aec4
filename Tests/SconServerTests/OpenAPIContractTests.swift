import Foundation
import Testing
@testable import SconServer

/// The checker that every API test's answers go through finds what it should.
@Suite struct OpenAPIContractTests {
    static let contract = OpenAPIContract([
        "paths": ["/api/v1/things/{id}": ["get": ["responses": [
            "200": ["description": "x", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Thing"]]]],
            "404": ["description": "x"],
        ]]]],
        "components": ["schemas": ["Thing": [
            "type": "object", "required": ["id", "kind"],
            "properties": ["id": ["type": "string", "format": "uuid"], "kind": ["type": "string", "enum": ["a", "b"]],
                           "count": ["type": "integer"], "note": ["type": ["string", "null"]]],
        ]]],
    ])

    func problems(_ json: String, status: Int = 200, path: String = "/api/v1/things/1") -> [String] {
        Self.contract.check(method: "GET", path: path, status: status, contentType: "application/json", body: Data(json.utf8))
    }

    @Test func aDocumentedAnswerPasses() {
        #expect(problems(#"{"id":"5B1D8B4E-0F3C-4C55-9C43-33A0B2D8E1AA","kind":"a","count":3,"note":null}"#).isEmpty)
    }

    @Test func eachKindOfDriftIsNamed() {
        let id = "5B1D8B4E-0F3C-4C55-9C43-33A0B2D8E1AA"
        #expect(problems(#"{"kind":"a"}"#).contains("$.id is required but absent"))
        #expect(problems(#"{"id":"\#(id)","kind":"c"}"#).contains { $0.hasPrefix("$.kind is c, not one of") })
        #expect(problems(#"{"id":"\#(id)","kind":"a","extra":1}"#).contains("$.extra is not in the schema"))
        #expect(problems(#"{"id":"\#(id)","kind":"a","count":"3"}"#).contains("$.count is string, the schema says integer"))
        #expect(problems(#"{"id":"\#(id)","kind":"a","count":true}"#).contains("$.count is boolean, the schema says integer"))
        #expect(problems(#"{"id":"nope","kind":"a"}"#).contains { $0.contains("is not a UUID") })
        #expect(problems("{}", status: 409) == ["status 409 is not documented for GET /api/v1/things/{id}"])
        #expect(Self.contract.check(method: "POST", path: "/api/v1/things/1", status: 201, contentType: nil, body: Data()).first?.hasPrefix("no operation") == true)
    }
}
