import Foundation
import Testing
@testable import SconServer

@Suite struct HTMLTests {
    @Test func escapesTheFiveCharactersAndKeepsEverythingElse() {
        #expect(HTML.escaped(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTML.escaped("서울 스마트시티 🚀") == "서울 스마트시티 🚀")
        #expect(HTML.escaped("끝<") == "끝&lt;")
        #expect(HTML.escaped(">시작") == "&gt;시작")
        #expect(HTML.escaped("") == "")
    }

    @Test func interpolatedTextIsEscapedButHTMLIsNot() {
        let name = "<script>alert(1)</script>"
        let bold: HTML = "<b>\(name)</b>"
        let page: HTML = "<p>\(bold)</p>"
        #expect(page.text == "<p><b>&lt;script&gt;alert(1)&lt;/script&gt;</b></p>")
    }
}

@Suite struct PercentEncodingTests {
    @Test func encodesAllButTheUnreservedCharacters() {
        #expect(PercentEncoding.queryValue("abc-XYZ_0.9~") == "abc-XYZ_0.9~")
        #expect(PercentEncoding.queryValue("/organisations?q=a b&x=1") == "%2Forganisations%3Fq%3Da%20b%26x%3D1")
        #expect(PercentEncoding.queryValue("서울") == "%EC%84%9C%EC%9A%B8")
        #expect(PercentEncoding.queryValue("서울").removingPercentEncoding == "서울")
    }
}
