import Fluent
import Foundation
import SconDomain

/// The demo data of the real programme (Resources/Seed, sources in SOURCES.md), seeded by
/// each context: the directory, the sample calls, the fund; records marked `sample` are for
/// trying features.
public enum DemoData {
    /// Seeds what is empty, context by context in the order of `SconContexts.all` (so that a
    /// database from before a context gets that context's demo data too). Returns whether it
    /// seeded anything.
    @discardableResult
    public static func seedIfEmpty(_ db: any Database) async throws -> Bool {
        var seeded = false
        for context in SconContexts.all {
            if try await context.seedIfEmpty(db) { seeded = true }
        }
        return seeded
    }

    static func resource(_ name: String, _ ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/Seed") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/Seed/\(name).\(ext)"])
        }
        return try Data(contentsOf: url)
    }
}
