import Fluent
import NIOConcurrencyHelpers
import SconDomain
import Vapor

/// The countries table is reference data that only migrations and the seed change, so its
/// names are read from the database once per process and kept, for labels and filter menus.
final class CountryNames: Sendable {
    private let cache = NIOLockedValueBox<[CountryDTO]>([])

    func all(on db: any Database) async throws -> [CountryDTO] {
        let cached = cache.withLockedValue { $0 }
        if !cached.isEmpty { return cached }
        let loaded = try await CountryQuery(db: db).all()
        if !loaded.isEmpty { cache.withLockedValue { $0 = loaded } }
        return loaded
    }
}

extension Application {
    private struct CountryNamesKey: StorageKey { typealias Value = CountryNames }

    var countryNames: CountryNames {
        if let existing = storage[CountryNamesKey.self] { return existing }
        let created = CountryNames()
        storage[CountryNamesKey.self] = created
        return created
    }
}

extension [CountryDTO] {
    func name(of code: String, in language: Language) -> String {
        first(where: { $0.code == code })?.name.text(in: language) ?? code
    }

    func options(_ language: Language) -> [(value: String, label: String)] {
        map { (value: $0.code, label: $0.name.text(in: language)) }
    }
}
