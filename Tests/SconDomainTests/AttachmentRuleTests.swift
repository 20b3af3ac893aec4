import Testing
@testable import SconDomain

@Suite struct AttachmentRuleTests {
    @Test func filesAreRecognisedByTheirFirstBytes() {
        #expect(AttachmentKind.sniff(Array("%PDF-1.7 rest".utf8)) == .pdf)
        #expect(AttachmentKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(AttachmentKind.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(AttachmentKind.sniff(Array("<html>".utf8)) == nil)
        #expect(AttachmentKind.sniff([0x89, 0x50]) == nil)
    }

    @Test func namesLoseTheirPathsQuotesAndControlCharacters() {
        #expect(AttachmentRules.cleanName("../../etc/passwd") == "passwd")
        #expect(AttachmentRules.cleanName("C:\\Users\\me\\제안서 \"최종\".pdf") == "제안서 최종.pdf")
        #expect(AttachmentRules.cleanName("a\u{0}b\r\n.pdf") == "ab.pdf")
        #expect(AttachmentRules.cleanName(String(repeating: "x", count: 300)).count == 200)
    }

    @Test func aCheckedFileHasItsHashAndEveryProblemIsNamed() throws {
        let facts = try AttachmentRules.validated(filename: "form.pdf", declaredType: "application/pdf; charset=binary", bytes: Array("%PDF-1.4".utf8),
                                                  maximumBytes: 100, document: 0, requiredDocuments: 1, attachedAlready: 0)
        // SHA-256("%PDF-1.4")
        #expect(facts.sha256 == "e16fa5d9b51928755db85b917f0297babaf22c7a47e97d9212adab56e61ba04e")
        #expect(facts.kind == .pdf && facts.size == 8)
        do {
            _ = try AttachmentRules.validated(filename: "/", declaredType: "image/png", bytes: Array("%PDF-1.4".utf8) + Array(repeating: 0, count: 200),
                                              maximumBytes: 100, document: 3, requiredDocuments: 2, attachedAlready: 20)
            Issue.record("expected invalid")
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("expected invalid"); return }
            #expect(issues.map(\.code).sorted() == ["required", "too-large", "too-many", "type-mismatch", "unknown"])
        }
    }
}
