/// One rule a field of an input failed. `field` is the JSON path of the field
/// (`name.en`, `sectors[2]`), `code` a stable machine word, `detail` English prose.
public struct FieldIssue: Sendable, Hashable, Codable {
    public var field: String
    public var code: String
    public var detail: String

    public init(field: String, code: String, detail: String) {
        self.field = field
        self.code = code
        self.detail = detail
    }
}
