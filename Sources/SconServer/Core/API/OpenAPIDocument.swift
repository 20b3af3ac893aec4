import Foundation

/// The OpenAPI 3.1 document: `Resources/OpenAPI/base.json` (info, security, what every context
/// shares) merged with each context's own part, `Resources/OpenAPI/<Context>.json` (its paths,
/// tags and schemas), in the order of `SconContexts.all`. A part that defines a path or a
/// component another part defined already is an error (`duplicates`); a test keeps it empty.
enum OpenAPIDocument {
    struct Merged: @unchecked Sendable {
        // Built once and never changed after.
        var document: [String: Any]
        var duplicates: [String]
    }

    static let merged: Merged = {
        var document = load("base") ?? [:]
        var duplicates: [String] = []
        var paths = document["paths"] as? [String: Any] ?? [:]
        var tags = document["tags"] as? [Any] ?? []
        var components = document["components"] as? [String: Any] ?? [:]
        for context in SconContexts.all {
            guard let part = load(context.name) else { continue }
            for (path, item) in part["paths"] as? [String: Any] ?? [:] {
                if paths[path] != nil { duplicates.append("paths.\(path)") }
                paths[path] = item
            }
            tags += part["tags"] as? [Any] ?? []
            for (kind, entries) in part["components"] as? [String: Any] ?? [:] {
                var existing = components[kind] as? [String: Any] ?? [:]
                for (name, value) in entries as? [String: Any] ?? [:] {
                    if existing[name] != nil { duplicates.append("components.\(kind).\(name)") }
                    existing[name] = value
                }
                components[kind] = existing
            }
        }
        document["paths"] = paths
        document["tags"] = tags
        document["components"] = components
        return Merged(document: document, duplicates: duplicates)
    }()

    /// The document as served at `/openapi.json`.
    static let data: Data = (try? JSONSerialization.data(withJSONObject: merged.document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()

    private static func load(_ name: String) -> [String: Any]? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/OpenAPI"),
              let data = try? Data(contentsOf: url) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
