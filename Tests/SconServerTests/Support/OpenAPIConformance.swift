import Foundation
import Testing
import Vapor
@testable import SconServer

/// Checks every answer of the API against the OpenAPI document while the tests run: the
/// operation exists, the status is documented, and a JSON body fits its schema (types,
/// required fields, enums, formats, and no field the schema does not name). A mismatch is
/// recorded as a failure of the test that made the request.
struct OpenAPIConformance: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let path = request.url.path
        guard path.hasPrefix(APIRoot.path) || path == "/healthz" else { return response }
        let body = response.body.buffer.map { Data($0.readableBytesView) } ?? response.body.data ?? Data()
        for problem in OpenAPIContract.shared.check(method: request.method.rawValue, path: path, status: Int(response.status.code),
                                                    contentType: response.headers.first(name: .contentType), body: body) {
            Issue.record("OpenAPI: \(request.method.rawValue) \(path) → \(response.status.code): \(problem)")
        }
        return response
    }
}

/// The document's operations and a JSON Schema (2020-12 subset) validator over its schemas.
final class OpenAPIContract: Sendable {
    static let shared = OpenAPIContract(OpenAPIDocument.merged.document)

    struct Operation: @unchecked Sendable {
        var pattern: NSRegularExpression
        var template: String
        var method: String
        var responses: [String: Any]
    }

    let operations: [Operation]
    nonisolated(unsafe) let document: [String: Any]

    init(_ document: [String: Any]) {
        self.document = document
        var operations: [Operation] = []
        for (template, item) in document["paths"] as? [String: Any] ?? [:] {
            let escaped = NSRegularExpression.escapedPattern(for: template)
            let pattern = "^" + escaped.replacingOccurrences(of: #"\\\{[^}]+\\\}"#, with: "[^/]+", options: .regularExpression) + "$"
            for (method, operation) in item as? [String: Any] ?? [:] {
                guard let operation = operation as? [String: Any], let responses = operation["responses"] as? [String: Any] else { continue }
                operations.append(Operation(pattern: try! NSRegularExpression(pattern: pattern), template: template,
                                            method: method.uppercased(), responses: responses))
            }
        }
        // Literal segments before parameters: /calls/new before /calls/{id}.
        self.operations = operations.sorted { $0.template.filter { $0 == "{" }.count < $1.template.filter { $0 == "{" }.count }
    }

    func operation(method: String, path: String) -> Operation? {
        operations.first { $0.method == method && $0.pattern.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil }
    }

    /// What does not fit; empty when the answer is as documented.
    func check(method: String, path: String, status: Int, contentType: String?, body: Data) -> [String] {
        let matching = operations.filter { $0.pattern.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil }
        guard let operation = matching.first(where: { $0.method == method }) else {
            // An undocumented path is a 404, a known path under another method a 405: both problems.
            if status == 404 || status == 405 || status == 400 { return [] }
            return ["no operation \(method) \(path) in the document"]
        }
        guard let documented = (operation.responses[String(status)] ?? operation.responses["\(status / 100)XX"] ?? operation.responses["default"]) as? [String: Any] else {
            return ["status \(status) is not documented for \(operation.method) \(operation.template)"]
        }
        let response = resolve(documented)
        guard let content = response["content"] as? [String: Any] else { return [] }
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] as? [String: Any] ?? (mediaType.isEmpty ? nil : content.first { key, _ in key.hasSuffix("/*") }?.value as? [String: Any]) else {
            return ["content type \(mediaType) is not documented (\(content.keys.sorted().joined(separator: ", ")))"]
        }
        guard mediaType.hasSuffix("json"), let schema = media["schema"] else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return ["the body is not JSON"] }
        var problems: [String] = []
        validate(value, against: schema, at: "$", &problems)
        return problems
    }

    func resolve(_ object: [String: Any]) -> [String: Any] {
        guard let reference = object["$ref"] as? String else { return object }
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")] as Any
        }
        return resolve(node as? [String: Any] ?? [:])
    }

    func validate(_ value: Any, against rawSchema: Any, at path: String, _ problems: inout [String]) {
        guard let raw = rawSchema as? [String: Any] else { return }
        let schema = resolve(raw)
        if let all = schema["allOf"] as? [Any] { for part in all { validate(value, against: part, at: path, &problems) } }
        if let any = schema["anyOf"] as? [Any] ?? schema["oneOf"] as? [Any] {
            let fitting = any.filter { option in var local: [String] = []; validate(value, against: option, at: path, &local); return local.isEmpty }
            if fitting.isEmpty { problems.append("\(path) fits none of the \(schema["oneOf"] != nil ? "oneOf" : "anyOf") options") }
            else if schema["oneOf"] != nil, fitting.count > 1, !(value is NSNull) { problems.append("\(path) fits \(fitting.count) oneOf options") }
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" { problems.append("\(path) is \(value), not \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" && type(of: $0) == type(of: value) || ($0 is NSNull && value is NSNull) || "\($0)" == "\(value)" }) {
            problems.append("\(path) is \(value), not one of \(options)")
        }
        let types: [String] = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty, !types.contains(where: { Self.isOfType(value, $0) }) {
            problems.append("\(path) is \(Self.typeName(value)), the schema says \(types.joined(separator: " or "))")
            return
        }
        switch value {
        case let object as [String: Any] where types.isEmpty || types.contains("object"):
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { problems.append("\(path).\(name) is required but absent") }
            for (name, child) in object {
                if let property = properties[name] {
                    validate(child, against: property, at: "\(path).\(name)", &problems)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    validate(child, against: additional, at: "\(path).\(name)", &problems)
                } else if (schema["additionalProperties"] as? Bool) != true, schema["allOf"] == nil, schema["anyOf"] == nil, schema["oneOf"] == nil {
                    problems.append("\(path).\(name) is not in the schema")
                }
            }
        case let array as [Any]:
            if let items = schema["items"] { for (index, item) in array.enumerated() { validate(item, against: items, at: "\(path)[\(index)]", &problems) } }
            if let minimum = schema["minItems"] as? Int, array.count < minimum { problems.append("\(path) has fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { problems.append("\(path) has more than \(maximum) items") }
        case let text as String:
            if let minimum = schema["minLength"] as? Int, text.count < minimum { problems.append("\(path) is shorter than \(minimum)") }
            if let maximum = schema["maxLength"] as? Int, text.count > maximum { problems.append("\(path) is longer than \(maximum)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil { problems.append("\(path) \"\(text)\" does not match \(pattern)") }
            switch schema["format"] as? String {
            case "uuid": if UUID(uuidString: text) == nil { problems.append("\(path) \"\(text)\" is not a UUID") }
            case "date": if text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil { problems.append("\(path) \"\(text)\" is not a date") }
            case "date-time":
                if text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) == nil {
                    problems.append("\(path) \"\(text)\" is not a date-time")
                }
            default: break
            }
        case let number as NSNumber where !(value is Bool):
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path) is below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path) is above \(maximum)") }
        default:
            break
        }
    }

    static func isOfType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer": return (value as? NSNumber).map { !isBoolean(value) && $0.doubleValue.rounded() == $0.doubleValue } ?? false
        case "number": return value is NSNumber && !isBoolean(value)
        default: return true
        }
    }

    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func typeName(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBoolean(value) { return "boolean" }
        if value is NSNumber { return "number" }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        return "object"
    }
}
