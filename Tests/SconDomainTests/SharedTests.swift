import Foundation
import Testing
@testable import SconDomain

@Suite struct LanguageNegotiationTests {
    @Test func picksTheHighestQualityOfKoreanAndEnglish() {
        #expect(Language.negotiate(acceptLanguage: "ko-KR,ko;q=0.9,en-US;q=0.8") == .ko)
        #expect(Language.negotiate(acceptLanguage: "en-GB,en;q=0.9,ko;q=0.4") == .en)
        #expect(Language.negotiate(acceptLanguage: "th-TH,ko;q=0.5,en;q=0.7") == .en)
    }

    @Test func fallsBackWhenNeitherLanguageIsAcceptable() {
        #expect(Language.negotiate(acceptLanguage: "th-TH,vi;q=0.8") == .en)
        #expect(Language.negotiate(acceptLanguage: nil, fallback: .ko) == .ko)
        #expect(Language.negotiate(acceptLanguage: "ko;q=0") == .en)
    }
}

@Suite struct CSVTableTests {
    @Test func parsesQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let table = try CSVTable(parsing: "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""]])
        #expect(table.records[0]["b"] == "x, y")
    }

    @Test func refusesRaggedRowsAndOpenQuotes() {
        #expect(throws: CSVTable.ParseError.ragged(line: 2, expected: 2, found: 3)) { try CSVTable(parsing: "a,b\n1,2,3\n") }
        #expect(throws: CSVTable.ParseError.self) { try CSVTable(parsing: "a,b\n\"1,2\n") }
    }
}

@Suite struct PaginationTests {
    @Test func cursorRoundTripsThroughItsText() throws {
        let cursor = PageCursor(key: "ministry of land", id: UUID())
        #expect(try PageCursor.decode(cursor.encoded) == cursor)
        #expect(!cursor.encoded.contains("="))
        let korean = PageCursor(key: "국토교통부 ministry", id: UUID())
        #expect(try PageCursor.decode(korean.encoded) == korean)
        #expect(korean.encoded.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test func uuidTextAgreesWithFoundation() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(UUIDText.string(id) == id.uuidString.lowercased())
            #expect(UUIDText.parse(id.uuidString) == id)
            #expect(UUIDText.parse(id.uuidString.lowercased()) == id)
        }
        for bad in ["", "not-a-uuid", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF",
                    "E621E1F8xC36C-495A-93FC-0C247A3E6E5F", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F"] {
            #expect(UUIDText.parse(bad) == nil)
        }
    }

    @Test func base64URLMatchesTheTestVectorsOfRFC4648() {
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
            #expect(Base64URL.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("a+b/") == nil)
        #expect(Base64URL.decode("abcde") == nil)
    }

    @Test func rejectsForgedCursorsAndBadLimits() {
        #expect(throws: DomainError.self) { try PageCursor.decode("not-a-cursor") }
        #expect(throws: DomainError.self) { try PageQuery.parse(limit: "0", cursor: nil) }
        #expect(throws: DomainError.self) { try PageQuery.parse(limit: "101", cursor: nil) }
        #expect(throws: DomainError.self) { try PageQuery.parse(limit: "ten", cursor: nil) }
        #expect((try? PageQuery.parse(limit: nil, cursor: nil))?.limit == 20)
    }

    @Test func aPageHasANextCursorOnlyWhenMoreRowsExist() {
        let ids = (0..<5).map { _ in UUID() }
        let full = Page.from(rows: ids, limit: 4) { PageCursor(key: "k", id: $0) }
        #expect(full.items.count == 4)
        #expect(full.nextCursor?.id == ids[3])
        let last = Page.from(rows: Array(ids.prefix(3)), limit: 4) { PageCursor(key: "k", id: $0) }
        #expect(last.nextCursor == nil)
    }
}

@Suite struct SearchTextTests {
    @Test func foldsCaseWidthAndSpacesTheSameForKeyAndQuery() {
        #expect(SearchText.normalise("  Ministry   of LAND ") == "ministry of land")
        #expect(SearchText.normalise("ＭＯＬＩＴ") == "molit")
        #expect(SearchText.key("Busan Metropolitan City", "부산광역시", nil).contains("부산광역시"))
    }

    @Test func escapesLikeWildcards() {
        #expect(SearchText.containsPattern("50%_a\\b") == "%50\\%\\_a\\\\b%")
    }
}
