import Testing
@testable import SconDomain

/// Highlights made from the spans stored at index time (`TermSpans`) are the highlights the
/// analysis makes at query time.
@Suite struct TermSpansTests {
    static let texts: [(title: String, body: String, language: ContentLanguage)] = [
        ("스마트주차시스템 도입", "지자체는 스마트주차시스템을 운영하며 주차 공간 부족과 홍수 때 침수 문제를 해결하려 한다.", .ko),
        ("Urban flood early warning", "The Marikina River overflows and floods low-lying barangays. Parking lots flood too; sensors warn residents.", .en),
        ("ระบบเตือนภัยน้ำท่วม", "ปัญหาน้ำท่วมขังในเขตเมืองกรุงเทพมหานครทุกฤดูฝน ระบบระบายน้ำไม่เพียงพอ", .th),
        ("Chống ngập lụt đô thị", "Ngập lụt ở Hà Nội sau mưa lớn; hệ thống thoát nước quá tải, xe buýt phải dừng.", .vi),
        ("Pengelolaan persampahan", "Kota mengalami kebanjiran dan masalah sampah; warga memantau saluran air.", .id),
        ("Pagbaha sa Marikina", "Binaha ang lungsod; bumabaha tuwing bagyo at nagsasara ang mga paaralan.", .tl),
    ]
    static let queries = ["주차", "홍수", "flood", "floods parking", "น้ำท่วม", "ngap lut", "thoát nước", "sampah", "banjir", "baha", "flooding", "xe buyt"]

    @Test(arguments: queries) func highlightsFromSpansEqualHighlightsByAnalysis(_ text: String) {
        let query = SearchAnalyzer.queryTerms(text)
        for document in Self.texts {
            let title = SearchAnalyzer.terms(of: document.title, field: .title, language: document.language)
            let body = SearchAnalyzer.terms(of: document.body, field: .body, language: document.language)
            let stored = SearchHighlighter.highlight(title: document.title, titleSpans: TermSpans.encode(title),
                                                     body: document.body, bodySpans: TermSpans.encode(body), query: query)
            let analysed = SearchHighlighter.highlight(title: document.title, body: document.body, language: document.language, query: query)
            #expect(stored == analysed, "\(text) in \(document.title)")
        }
    }

    @Test func spansKeepPlacesAndLeavePairsOut() {
        let terms = SearchAnalyzer.terms(of: "ngập lụt", field: .body, language: .vi)
        let bytes = TermSpans.encode(terms)
        #expect(bytes.count == terms.filter { $0.kind != .pair }.count * 7)
        let wanted = TermSpans.wanted(by: SearchAnalyzer.queryTerms("lut"))
        #expect(TermSpans.ranges(in: bytes, matching: wanted) == [5..<8])
        #expect(TermSpans.ranges(in: bytes, matching: []) == [])
        #expect(TermSpans.ranges(in: Array(bytes.prefix(6)), matching: wanted) == [])
    }
}
