import Crypto
import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct AttachmentTests {
    static let pdf: [UInt8] = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 24)

    static func upload(_ fixture: ProposalFixture, _ id: String, _ bytes: [UInt8], type: String = "application/pdf",
                       query: String = "filename=form.pdf&document=0", by user: TestUser? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        let headers = HTTPHeaders([("Content-Type", type)]).adding((user ?? fixture.member).bearer)
        try await fixture.app.testing().test(.POST, "/api/v1/proposals/\(id)/attachments?\(query)", headers: headers, body: ByteBuffer(bytes: bytes)) { result = $0 }
        return try #require(result)
    }

    @Test(arguments: TestDatabase.all)
    func theApplicantAttachesTheRequiredDocumentAndOthersReadItOnceSubmitted(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app, requiredDocuments: nil)
            let id = try await fixture.draft()
            let created = try await Self.upload(fixture, id, Self.pdf, query: "filename=%EC%A0%9C%EC%95%88%EC%84%9C.pdf&document=0")
            #expect(created.status == .created)
            let sha = SHA256.hash(data: Self.pdf).map { String(format: "%02x", $0) }.joined()
            #expect(created.json["sha256"] as? String == sha)
            #expect(created.json["filename"] as? String == "제안서.pdf")
            #expect(created.json["size"] as? Int == Self.pdf.count)
            let href = try #require(created.json["href"] as? String)
            let eligibility = try await fixture.get("/api/v1/proposals/\(id)/eligibility", by: fixture.member)
            let documents = (eligibility.json["items"] as? [[String: Any]])?.first { $0["rule"] as? String == "required-documents" }
            #expect(documents?["passed"] as? Bool == true)

            #expect(try await fixture.get(href, by: fixture.officer).status == .notFound)
            _ = try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member)
            try await app.testing().test(.GET, href, headers: fixture.officer.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.serialize() == "application/pdf")
                #expect(Array(response.body.readableBytesView) == Self.pdf)
                #expect(response.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''%EC%A0%9C%EC%95%88%EC%84%9C.pdf") == true)
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
            try await app.testing().test(.GET, href, headers: fixture.officer.bearer.adding(["If-None-Match": "\"\(sha)\""])) { #expect($0.status == .notModified) }
            // Once submitted, the files are fixed.
            #expect(try await Self.upload(fixture, id, Self.png, type: "image/png", query: "filename=map.png").status == .conflict)
            try await app.testing().test(.DELETE, href, headers: fixture.member.bearer) { #expect($0.status == .conflict) }
            try await app.testing().test(.DELETE, href, headers: fixture.officer.bearer) { #expect($0.status == .forbidden) }
            #expect(try await app.count(Attachment.self) == 1)
            let actions = try await AuditRecord.query(on: app.db).filter(\.$subject == "proposal:\(id)").all().map(\.action)
            #expect(actions.contains("proposal.attach"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badFilesAreRefusedNamingWhyAndNothingIsStored(_ database: TestDatabase) async throws {
        try await withTestApp(database, config: { $0.maxAttachmentKilobytes = 1 }) { app in
            let fixture = try await ProposalFixture.make(app, requiredDocuments: nil)
            let id = try await fixture.draft()
            let empty = try await Self.upload(fixture, id, [])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.problemFields == ["file"])
            let text = try await Self.upload(fixture, id, Array("just text".utf8), type: "application/pdf")
            #expect(text.status == .unprocessableEntity)
            #expect((text.json["detail"] as? String)?.contains("not a PDF, PNG or JPEG") == true)
            let mismatch = try await Self.upload(fixture, id, Self.pdf, type: "image/png")
            #expect((mismatch.json["detail"] as? String)?.contains("sent as image/png but is a application/pdf") == true)
            #expect(try await Self.upload(fixture, id, Self.pdf, query: "filename=a.pdf&document=5").problemFields == ["document"])
            #expect(try await Self.upload(fixture, id, Self.pdf, query: "filename=a.pdf&document=first").status == .badRequest)
            let large = try await Self.upload(fixture, id, Self.pdf + Array(repeating: 0x20, count: 2_048))
            #expect(large.status == .payloadTooLarge)
            let other = try await app.member(of: try await app.organisationID("sample-th-sukjai-municipality"))
            #expect(try await Self.upload(fixture, id, Self.pdf, by: other).status == .notFound)
            #expect(try await app.count(Attachment.self) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theApplicantAttachesAndRemovesThroughThePage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app, requiredDocuments: nil)
            let id = try await fixture.draft()
            let browser = Browser(app)
            try await browser.signIn(fixture.member)
            let added = try await browser.post("/proposals/\(id)/attachments?lang=en", fields: [("document", "0")],
                                               file: ("file", "form.pdf", "application/pdf", Self.pdf))
            #expect(added.status == .ok)
            #expect(added.text.contains("The file is attached."))
            #expect(added.text.contains("Passed:</strong> Every required document is attached"))
            let refused = try await browser.post("/proposals/\(id)/attachments?lang=ko", fields: [("document", "")],
                                                 file: ("file", "notes.txt", "text/plain", Array("hello".utf8)))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("파일: PDF, PNG, JPEG 파일만 첨부할 수 있습니다."))
            let attachment = try #require(try await Attachment.query(on: app.db).first()?.id)
            let removed = try await browser.post("/attachments/\(attachment.uuidString.lowercased())/delete?lang=en", form: [])
            #expect(removed.text.contains("The file is removed."))
            #expect(try await app.count(Attachment.self) == 0)
        }
    }
}
