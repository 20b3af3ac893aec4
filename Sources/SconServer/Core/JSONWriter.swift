import NIOCore
import SconDomain
import Vapor

/// Writes JSON (RFC 8259) straight into a byte array: the API's answers are built here rather
/// than by Foundation's `JSONEncoder`, which was a third of the CPU time of a 20-row list
/// (callgrind/perf, see docs/performance.md). Absent optional values are written as `null`,
/// as the OpenAPI document promises.
struct JSONWriter {
    /// Plain array appends: writing byte by byte into a `ByteBuffer` cost twice as much.
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for value in elements { element(&self, value) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object key; the next call writes its value. Keys are ASCII names from the code, never input.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        write(name)
        write("\":")
        needsComma = false
    }

    /// A key that is data (a code from a closed set, such as a support type), escaped.
    mutating func key(escaping name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Self.writeEscaped(value, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func double(_ value: Double) {
        separate()
        if value.isFinite { bytes.append(contentsOf: value.description.utf8) } else { write("null") }
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        write(value ? "true" : "false")
        needsComma = true
    }

    mutating func null() {
        separate()
        write("null")
        needsComma = true
    }

    mutating func uuid(_ value: UUID) { string(UUIDText.string(value)) }

    // MARK: Fields (key and value)

    mutating func field(_ key: StaticString, _ value: String) { self.key(key); string(value) }
    mutating func field(_ key: StaticString, _ value: String?) { self.key(key); if let value { string(value) } else { null() } }
    mutating func field(_ key: StaticString, _ value: Int?) { self.key(key); if let value { int(value) } else { null() } }
    mutating func field(_ key: StaticString, _ value: Double) { self.key(key); double(value) }
    mutating func field(_ key: StaticString, _ value: Bool) { self.key(key); bool(value) }
    mutating func field(_ key: StaticString, _ value: UUID) { self.key(key); uuid(value) }
    mutating func field(_ key: StaticString, _ values: [String]) { self.key(key); array(values) { $0.string($1) } }
    mutating func field(_ key: StaticString, _ value: LocalizedText) {
        self.key(key)
        object { $0.field("en", value.en); $0.field("ko", value.ko) }
    }
    mutating func field(_ key: StaticString, _ value: some JSONWritable) { self.key(key); value.writeJSON(to: &self) }
    mutating func field(_ key: StaticString, _ values: [some JSONWritable]) {
        self.key(key)
        array(values) { $1.writeJSON(to: &$0) }
    }

    // MARK: Escaping

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func write(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Escapes `"`, `\` and the control characters; everything else is written as UTF-8.
    static func writeEscaped(_ value: String, into output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    output.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                               hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
                }
                start = index + 1
            }
            if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }
}

/// A value the API writes as JSON with `JSONWriter`; a handler can return it as it is.
protocol JSONWritable: AsyncResponseEncodable, Sendable {
    func writeJSON(to writer: inout JSONWriter)
}

extension JSONWritable {
    func encodeResponse(for request: Request) async throws -> Response {
        jsonResponse(status: .ok, allocator: request.byteBufferAllocator)
    }

    func jsonResponse(status: HTTPResponseStatus, allocator: ByteBufferAllocator) -> Response {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        var buffer = allocator.buffer(capacity: writer.bytes.count)
        buffer.writeBytes(writer.bytes)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(buffer: buffer))
    }

    /// The JSON text, for tests and commands.
    var jsonText: String {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        return writer.text
    }
}
