import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A challenge's files: attached by its organisation, read by whoever may see the challenge,
/// removed after a confirmation (the proposals' file rules and size limit).
@Suite struct ChallengeAttachmentTests {
    static func upload(_ app: Application, _ challenge: String, _ bytes: [UInt8], type: String = "application/pdf", filename: String = "site-map.pdf",
                       by user: TestUser?) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        let headers = HTTPHeaders([("Content-Type", type)]).adding(user?.bearer ?? [:])
        try await app.testing().test(.POST, "/api/v1/challenges/\(challenge)/attachments?filename=\(filename)", headers: headers,
                                     body: ByteBuffer(bytes: bytes)) { result = $0 }
        return try #require(result)
    }

    @Test(arguments: TestDatabase.all)
    func theCitysMemberAttachesAndEveryoneWhoSeesTheChallengeDownloads(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            let draft = try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(), by: fixture.cityMember)
            let id = try #require(draft.json["id"] as? String)
            // Wrong users: another organisation's member (404: a draft is not theirs to see), a stranger, nobody.
            #expect(try await Self.upload(app, id, AttachmentTests.pdf, by: fixture.companyMember).status == .notFound)
            #expect(try await Self.upload(app, id, AttachmentTests.pdf, by: nil).status == .unauthorized)
            #expect(try await app.count(ChallengeAttachment.self) == 0)
            // The city's member attaches a PDF and a PNG.
            let created = try await Self.upload(app, id, AttachmentTests.pdf, by: fixture.cityMember)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.json["filename"] as? String == "site-map.pdf")
            let href = try #require(created.json["href"] as? String)
            #expect(try await Self.upload(app, id, AttachmentTests.png, type: "image/png", filename: "photo.png", by: fixture.cityMember).status == .created)
            // A draft's files: its organisation and the office only.
            #expect(try await fixture.send(.GET, href, by: nil).status == .notFound)
            #expect(try await fixture.send(.GET, "/api/v1/challenges/\(id)/attachments", by: fixture.companyMember).status == .notFound)
            #expect(try await fixture.send(.GET, href, by: try await app.officer()).status == .ok)
            // Published: everyone lists and downloads them.
            #expect(try await fixture.send(.POST, "/api/v1/challenges/\(id)/status", ["status": "open"], by: fixture.cityMember).status == .ok)
            let list = try await fixture.send(.GET, "/api/v1/challenges/\(id)/attachments", by: nil)
            #expect((list.json["items"] as? [[String: Any]])?.count == 2)
            try await app.testing().test(.GET, href) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.serialize() == "application/pdf")
                #expect(Array(response.body.readableBytesView) == AttachmentTests.pdf)
            }
            // Another organisation's member may not remove or add (403 once it is public).
            #expect(try await fixture.send(.DELETE, href, by: fixture.companyMember).status == .forbidden)
            #expect(try await Self.upload(app, id, AttachmentTests.pdf, by: fixture.companyMember).status == .forbidden)
            #expect(try await app.count(ChallengeAttachment.self) == 2)
            // The page lists them; removing asks first, then removes.
            let browser = Browser(app)
            try await browser.signIn(fixture.cityMember)
            let page = try await browser.get("/marketplace/challenges/\(id)?lang=ko")
            #expect(page.text.contains("site-map.pdf") && page.text.contains("첨부 파일"))
            let attachment = String(href.split(separator: "/").last!)
            let ask = try await browser.post("/marketplace/challenges/\(id)/attachments/\(attachment)/delete?lang=en", form: [])
            #expect(ask.status == .ok)
            #expect(ask.text.contains("Remove this file?"))
            #expect(try await app.count(ChallengeAttachment.self) == 2)
            let removed = try await browser.post("/marketplace/challenges/\(id)/attachments/\(attachment)/delete", form: [("confirm", "yes")])
            #expect(removed.status == .seeOther)
            #expect(try await app.count(ChallengeAttachment.self) == 1)
            #expect(try await fixture.send(.GET, href, by: nil).status == .notFound)
            let actions = try await AuditRecord.query(on: app.db).filter(\.$subject == "challenge:\(id)").all().map(\.action)
            #expect(actions.contains("challenge.attach") && actions.contains("challenge.detach"))
            // The page's upload form.
            let added = try await browser.post("/marketplace/challenges/\(id)/attachments", fields: [], file: ("file", "plan.pdf", "application/pdf", AttachmentTests.pdf))
            #expect(added.status == .seeOther)
            #expect(try await app.count(ChallengeAttachment.self) == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badAndTooLargeFilesAreRefusedAndNothingIsStored(_ database: TestDatabase) async throws {
        try await withTestApp(database, config: { $0.maxAttachmentKilobytes = 1 }) { app in
            let fixture = try await MarketplaceFixture.make(app)
            let (id, _) = try await fixture.publishedPair()
            let empty = try await Self.upload(app, id, [], by: fixture.cityMember)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.problemFields == ["file"])
            let text = try await Self.upload(app, id, Array("just text".utf8), by: fixture.cityMember)
            #expect(text.status == .unprocessableEntity)
            let mismatch = try await Self.upload(app, id, AttachmentTests.pdf, type: "image/png", by: fixture.cityMember)
            #expect(mismatch.status == .unprocessableEntity)
            let large = try await Self.upload(app, id, AttachmentTests.pdf + Array(repeating: 0x20, count: 2_048), by: fixture.cityMember)
            #expect(large.status == .payloadTooLarge)
            // Through the page: the rule in the page's language, nothing stored.
            let browser = Browser(app)
            try await browser.signIn(fixture.cityMember)
            let refused = try await browser.post("/marketplace/challenges/\(id)/attachments?lang=ko", fields: [],
                                                 file: ("file", "notes.txt", "text/plain", Array("hello".utf8)))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("PDF, PNG, JPEG"))
            #expect(try await app.count(ChallengeAttachment.self) == 0)
        }
    }
}
