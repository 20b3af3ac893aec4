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
