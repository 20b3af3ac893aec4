import Foundation
import Testing
@testable import SconDomain

@Suite struct SearchRobustnessTests {
    @Test func emptyAndPunctuationOnlyQueriesHaveNoTerms() {
        #expect(SearchAnalyzer.queryTerms("").isEmpty)
        #expect(SearchAnalyzer.queryTerms("  ?!… — ").isEmpty)
        #expect(SearchAnalyzer.queryTerms("").ftsExpression == "")
    }

    @Test func longQueriesAreCutToABoundedNumberOfTermsQuickly() {
        let long = String(repeating: "스마트주차 flooding ngập lụt ปัญหาน้ำท่วม ", count: 400)
        #expect(long.count > 10_000)
        let start = Date()
        let query = SearchAnalyzer.queryTerms(long)
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(!query.isEmpty && query.terms.count <= AnalysisSettings.standard.maxQueryTerms)
        let thai = SearchAnalyzer.queryTerms(String(repeating: "ก", count: 10_000))
        #expect(thai.terms.count <= AnalysisSettings.standard.maxQueryTerms)
    }

    @Test func controlAndZeroWidthCharactersDoNotBreakTheAnalysis() {
        let text = "주\u{200D}차\u{0007}장 flo\u{00AD}od ก\u{200B}ข \u{FEFF}ngập\u{200C}lụt\u{0000}"
        let pieces = TextPieces.split(text)
        #expect(pieces.map(\.text) == ["주차", "장", "flood", "ก", "ข", "ngậplụt"])
        #expect(!SearchAnalyzer.queryTerms(text).isEmpty)
        #expect(!SearchAnalyzer.terms(of: text, field: .body, language: .ko).isEmpty)
        #expect(SearchAnalyzer.queryTerms("\u{200B}\u{200D}\u{0001}").isEmpty)
        #expect(TextPieces.split("par\u{200E}king \u{202B}주차\u{202C}").map(\.text) == ["parking", "주차"])
    }

    @Test func fullWidthFormsAndCaseAreFolded() {
        #expect(TextPieces.split("ＰＭ２．５ Ｆｌｏｏｄ").map(\.text) == ["pm2", "5", "flood"])
        #expect(TextPieces.split("๒๕๖๗").map(\.text) == ["2567"])
        #expect(SearchAnalyzer.queryTerms("FLOOD").tokens == SearchAnalyzer.queryTerms("flood").tokens)
    }

    @Test func rangesPointIntoTheOriginalText() {
        let text = "Đèn đường 🚦 스마트주차시스템을"
        for term in SearchAnalyzer.terms(of: text, field: .title, language: .vi) {
            let utf16 = Array(text.utf16)
            #expect(term.range.lowerBound >= 0 && term.range.upperBound <= utf16.count)
        }
        let parking = SearchAnalyzer.terms(of: text, field: .title, language: .ko).first { $0.kind == .bigram && $0.text == "주차" }
        let range = try! #require(parking).range
        #expect(String(decoding: Array(text.utf16)[range], as: UTF16.self) == "주차")
    }
}

@Suite struct SearchStorageTests {
    @Test func tokensAreSingleASCIIWordsShared()  {
        let terms = SearchAnalyzer.documentTerms(title: "스마트주차시스템", body: "ngập lụt ปัญหาน้ำท่วม floods", language: .vi)
        for term in terms {
            #expect(term.token.allSatisfy { $0.isASCII && ($0.isLetter && $0.isLowercase || $0.isNumber) }, "\(term.token)")
            #expect(term.token.first == Character(term.kind.rawValue))
        }
        let documentTokens = Set(terms.map(\.token))
        #expect(SearchAnalyzer.queryTerms("ngap lut").tokens.contains(where: documentTokens.contains))
        #expect(IndexTerm.token(kind: .word, text: "flood") == IndexTerm.token(kind: .word, text: "flood"))
        #expect(IndexTerm.token(kind: .word, text: "flood") != IndexTerm.token(kind: .stem, text: "flood"))
    }

    @Test func indexedDocumentHasTheTwoColumnsAndTheQueryItsExpression() {
        let document = SearchAnalyzer.indexedDocument(title: "Smart parking", body: "Parking sensors in each bay", language: .en)
        #expect(document.titleTokens.split(separator: " ").count >= 4)
        let parking = IndexTerm.token(kind: .word, text: "parking")
        #expect(document.postings.first { $0.token == parking }.map { [$0.titleCount, $0.bodyCount] } == [1, 1])
        #expect(document.postings.reduce(0) { $0 + $1.titleCount + $1.bodyCount } == document.length)
        let query = SearchAnalyzer.queryTerms("parking sensors")
        #expect(query.ftsExpression.contains(" OR "))
        #expect(query.tsQuery.contains(" | "))
    }
}

@Suite struct CrossLanguageSearchTests {
    @Test func conceptsLinkTheLanguages() {
        let flood = IndexTerm.token(kind: .concept, text: "flood")
        for (text, language) in [("ปัญหาน้ำท่วมขังในเมือง", ContentLanguage.th), ("Ngập lụt đô thị", .vi), ("Permukiman kebanjiran", .id),
                                 ("Madalas na pagbaha", .tl), ("도심 상습 침수", .ko), ("ရေကြီးမှု", .my)] {
            #expect(SearchAnalyzer.terms(of: text, field: .body, language: language).contains { $0.token == flood }, "\(text)")
        }
        for query in ["flood", "홍수", "ngap lut", "banjir", "น้ำท่วม", "ទឹកជំនន់"] {
            #expect(SearchAnalyzer.queryTerms(query).tokens.contains(flood), "\(query)")
        }
        #expect(SmartCityGlossary.concepts.count >= 20)
    }

    @Test func everyConceptIsNamedInEveryLanguageByFormsLongEnoughToBeSafe() {
        for (concept, forms) in SmartCityGlossary.table {
            #expect(Set(forms.keys) == Set(ContentLanguage.allCases), "\(concept)")
            for (language, list) in forms {
                for form in list.split(separator: "|") {
                    let pieces = TextPieces.split(String(form))
                    #expect(!pieces.isEmpty, "\(concept) \(language) \(form)")
                    if pieces.count == 1, let piece = pieces.first, piece.script.isUnspaced {
                        #expect(piece.units.count >= 2, "\(concept) \(language) \(form) is short enough to occur inside other words")
                    }
                }
            }
        }
    }

    @Test func placeNamesAreSharedAcrossScripts() {
        let bangkok = IndexTerm.token(kind: .concept, text: "place:bangkok")
        #expect(SearchAnalyzer.queryTerms("방콕 침수").tokens.contains(bangkok))
        #expect(SearchAnalyzer.terms(of: "ท่อระบายน้ำอุดตันในกรุงเทพมหานคร", field: .title, language: .th).contains { $0.token == bangkok })
        let danang = IndexTerm.token(kind: .concept, text: "place:da-nang")
        #expect(SearchAnalyzer.queryTerms("Da Nang").tokens.contains(danang))
        #expect(SearchAnalyzer.terms(of: "Bãi rác ở Đà Nẵng", field: .title, language: .vi).contains { $0.token == danang })
        for (concept, forms) in SmartCityGlossary.places {
            for (language, list) in forms {
                for form in list.split(separator: "|") {
                    let pieces = TextPieces.split(String(form))
                    #expect(!pieces.isEmpty && (pieces.count > 1 || !pieces[0].script.isUnspaced || pieces[0].units.count >= 2),
                            "\(concept) \(language) \(form)")
                }
            }
        }
    }

    @Test func aKoreanQueryFindsAThaiChallenge() {
        let index = BM25Index(documents: [("th", [SearchAnalyzer.terms(of: "น้ำท่วมขังถนนในเขตเมืองหาดใหญ่", field: .body, language: .th).map(\.token)]),
                                          ("vi", [SearchAnalyzer.terms(of: "Ùn tắc giao thông giờ cao điểm", field: .body, language: .vi).map(\.token)])])
        #expect(index.rank(SearchAnalyzer.queryTerms("홍수 피해").tokens).map(\.id) == ["th"])
    }
}

@Suite struct SearchHighlighterTests {
    @Test func matchesAreMarkedInTheOriginalText() {
        #expect(SearchHighlighter.highlight(text: "지자체는 스마트주차시스템을 운영한다", language: .ko, query: SearchAnalyzer.queryTerms("주차"))
            == "지자체는 스마트«주차»시스템을 운영한다")
        #expect(SearchHighlighter.highlight(text: "Ngập lụt đô thị", language: .vi, query: SearchAnalyzer.queryTerms("ngap lut"))
            == "«Ngập lụt» đô thị")
        #expect(SearchHighlighter.highlight(text: "Say «hello» to floods", language: .en, query: SearchAnalyzer.queryTerms("flood"))
            == "Say ‹hello› to «floods»")
    }

    @Test func aResultShowsItsBodyOrElseItsTitle() {
        let query = SearchAnalyzer.queryTerms("parking")
        #expect(SearchHighlighter.highlight(title: "Smart parking", body: "Sensors in each bay", language: .en, query: query) == "Smart «parking»")
        #expect(SearchHighlighter.highlight(title: "Smart parking", body: "Parking sensors", language: .en, query: query) == "«Parking» sensors")
    }

    @Test func longTextsAreCutAroundTheMatches() {
        let text = String(repeating: "Residents move their belongings upstairs. ", count: 10) + "The river floods the barangay every year." +
            String(repeating: " Schools close for days.", count: 10)
        let snippet = SearchHighlighter.snippet(text: text, language: .en, query: SearchAnalyzer.queryTerms("floods"), length: 80)
        #expect(snippet.cutBefore && snippet.cutAfter)
        #expect(snippet.parts.contains { $0.isMatch && $0.text == "floods" })
        #expect(snippet.parts.map(\.text).joined().count <= 80)
        let none = SearchHighlighter.snippet(text: text, language: .en, query: SearchAnalyzer.queryTerms("parking"), length: 80)
        #expect(!none.cutBefore && none.parts.allSatisfy { !$0.isMatch })
    }
}

@Suite struct SearchRankingTests {
    @Test func bm25ScoresAsFTS5Does() {
        let index = BM25Index(documents: [("a", [["x", "y"], ["x"]]), ("b", [["y"], ["y", "y", "z"]]), ("c", [["z"], []])])
        // N = 3, x in 1 document: idf = ln(2.5 / 1.5); a: f = 2*1 + 1*1 = 3, |a| = 3, avgdl = 8/3
        let idf = log(2.5 / 1.5)
        let expected = idf * 3 * 2.2 / (3 + 1.2 * (0.25 + 0.75 * 3 / (8.0 / 3)))
        let hits = index.rank(["x"], weights: [2, 1])
        #expect(hits.map(\.id) == ["a"])
        #expect(abs(hits[0].score - expected) < 1e-9)
        // y is in 2 of 3 documents: idf = ln(1.5 / 2.5) < 0, so FTS5 uses 1e-6
        #expect(index.rank(["y"]).allSatisfy { $0.score < 1e-5 })
        #expect(index.rank(["nothing"]).isEmpty)
    }

    @Test func ndcgUsesGradedGains() {
        let relevant = ["a": 3, "b": 1]
        #expect(SearchEvaluation.ndcg(ranking: ["a", "b", "c"], relevant: relevant) == 1)
        #expect(SearchEvaluation.ndcg(ranking: ["c", "d"], relevant: relevant) == 0)
        let swapped = SearchEvaluation.ndcg(ranking: ["b", "a"], relevant: relevant)
        #expect(swapped > 0.6 && swapped < 0.8)
        let queries = [JudgedQuery(id: "q1", lang: .th, kind: "word", q: "x", relevant: relevant),
                       JudgedQuery(id: "q2", lang: .ko, kind: "short", q: "y", relevant: ["c": 2])]
        let report = SearchEvaluation.report(queries, rankings: ["q1": ["a", "b"], "q2": []])
        #expect(report.overall == 0.5 && report.byLanguage["th"] == 1 && report.byKind["short"] == 0)
        #expect(SearchEvaluation.crossLanguageHitRate(queries, rankings: ["q1": ["a"], "q2": ["c"]], languages: ["a": .th, "c": .vi]) == 0.5)
    }

    @Test func baselinesTokeniseAsTheIssueSays() {
        #expect(SearchBaselines.whitespaceTokens("Banjir, kebanjiran! (PM2.5)") == ["banjir", "kebanjiran", "pm2.5"])
        #expect(SearchBaselines.trigramExpression("주차 ngập lụt ab sampah") == "\"ngập\" OR \"lụt\" OR \"sampah\"")
        #expect(SearchBaselines.trigramExpression("주차") == nil)
    }
}

@Suite struct MarketplaceEntryTests {
    @Test func linesOfTheImportFormatAreDecodedAndChecked() throws {
        let text = """
        {"ref": "c001", "kind": "challenge", "lang": "th", "title": "น้ำท่วม", "body": "…", "country": "TH", "sectors": ["water"]}

        {"ref": "s001", "kind": "solution", "lang": "xx", "title": "", "body": "", "country": "T", "sectors": ["space"]}
        """
        let entries = try MarketplaceEntry.decodeLines(text)
        #expect(entries.count == 2)
        let first = try entries[0].validated()
        #expect(first.language == .th && first.kind == .challenge && first.sectors == [.water])
        do {
            _ = try entries[1].validated()
            Issue.record("accepted a broken entry")
        } catch let DomainError.invalid(issues) {
            #expect(Set(issues.map(\.field)) == ["lang", "title", "country", "sectors[0]"])
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: DomainError.self) { try MarketplaceEntry.decodeLines("{not json}") }
    }
}
