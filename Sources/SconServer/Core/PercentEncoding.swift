/// Percent-encoding of a query value (RFC 3986 §2): every byte but the unreserved characters
/// `A–Z a–z 0–9 - . _ ~` becomes `%XX`. Foundation's `addingPercentEncoding` cost 3% of a page.
enum PercentEncoding {
    private static let hex = Array("0123456789ABCDEF".utf8)

    static func queryValue(_ value: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.append(byte)
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
