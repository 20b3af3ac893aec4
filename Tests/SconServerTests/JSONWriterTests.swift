import Foundation
import SconDomain
import Testing
@testable import SconServer

@Suite struct JSONWriterTests {
    struct Sample: JSONWritable {
        var text: String
        var missing: String?
        var number: Int?
        var ratio: Double
        var flags: [String]
        var name: LocalizedText

        func writeJSON(to writer: inout JSONWriter) {
            writer.object {
                $0.field("text", text)
                $0.field("missing", missing)
                $0.field("number", number)
                $0.field("ratio", ratio)
                $0.field("flags", flags)
                $0.field("name", name)
            }
        }
    }

    @Test func escapesWhatJSONRequiresAndReadsBackTheSame() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{07} 한국어 </script> 🚀"
        let sample = Sample(text: tricky, missing: nil, number: 42, ratio: 1.5, flags: ["a", "b,c"],
                            name: LocalizedText(en: "Seoul", ko: "서울"))
        let text = sample.jsonText
        #expect(text.contains(#""missing":null"#))
        #expect(text.contains(#"\u0007"#))
        #expect(!text.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["text"] as? String == tricky)
        #expect(object["missing"] is NSNull)
        #expect(object["number"] as? Int == 42)
        #expect(object["ratio"] as? Double == 1.5)
        #expect(object["flags"] as? [String] == ["a", "b,c"])
        #expect((object["name"] as? [String: String])?["ko"] == "서울")
    }

    @Test func listsSeparateTheirItemsAndANonFiniteNumberIsNull() throws {
        let list = ListResponse(items: [Sample(text: "x", ratio: .nan, flags: [], name: .init(en: "", ko: "")),
                                        Sample(text: "y", ratio: 2, flags: [], name: .init(en: "", ko: ""))],
                                nextCursor: "abc")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.jsonText.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["ratio"] is NSNull)
        #expect(items[1]["text"] as? String == "y")
        #expect(object["nextCursor"] as? String == "abc")
    }
}
