import Foundation

/// Finds the first member name that appears twice in one JSON object. Foundation's decoder
/// keeps one of them silently, so `{"amount": "1", "amount": "1000000"}` would mean what the
/// last (or first) one says; the API refuses such a body instead (RFC 8259 §4: names SHOULD be
/// unique). Returns the path of the repeated name (`a.b`), or nil. Malformed JSON is left to the
/// decoder.
enum DuplicateKeys {
    private struct Frame {
        var isObject: Bool
        var names: Set<String> = []
        var expectingName = false
        var path: String
        var lastName: String?
    }

    static func first(in bytes: some Collection<UInt8>) -> String? {
        let data = Array(bytes)
        var stack: [Frame] = []
        var index = 0
        func childPath() -> String {
            guard let top = stack.last else { return "" }
            let name = top.isObject ? (top.lastName ?? "") : "[]"
            return top.path.isEmpty ? name : top.path + "." + name
        }
        while index < data.count {
            let byte = data[index]
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(Frame(isObject: true, expectingName: true, path: childPath()))
            case UInt8(ascii: "["):
                stack.append(Frame(isObject: false, path: childPath()))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if stack.last?.isObject == true { stack[stack.count - 1].expectingName = true }
            case UInt8(ascii: "\""):
                let start = index + 1
                var end = start
                var escaped = false
                while end < data.count {
                    if escaped { escaped = false } else if data[end] == UInt8(ascii: "\\") { escaped = true } else if data[end] == UInt8(ascii: "\"") { break }
                    end += 1
                }
                guard end < data.count else { return nil }
                if stack.last?.isObject == true, stack[stack.count - 1].expectingName {
                    let raw = Array(data[(index)...end])
                    let name = (try? JSONDecoder().decode(String.self, from: Data(raw))) ?? String(decoding: data[start..<end], as: UTF8.self)
                    if stack[stack.count - 1].names.contains(name) {
                        let path = stack[stack.count - 1].path
                        return path.isEmpty ? name : path + "." + name
                    }
                    stack[stack.count - 1].names.insert(name)
                    stack[stack.count - 1].lastName = name
                    stack[stack.count - 1].expectingName = false
                }
                index = end
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
