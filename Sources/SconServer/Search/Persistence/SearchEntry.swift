import Fluent
import Foundation
import SconDomain

/// One searchable record (a published challenge or solution, an organisation, a city, a call, a
/// public project): what the search box finds. Its analysed terms live in the full-text index
/// (`search_postings`, by token and impact; see `SearchIndex`).
final class SearchEntry: Model, @unchecked Sendable {
    static let schema = "search_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "object_id") var objectID: UUID
    @OptionalField(key: "external_ref") var externalRef: String?
    @Field(key: "language") var language: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "country_code") var countryCode: String
    @Field(key: "sectors") var sectors: String
    @Field(key: "length") var length: Int
    @Field(key: "updated_at") var updatedAt: Date
    /// Where the terms of `title` and `body` are (`TermSpans`); nil for entries indexed before.
    @OptionalField(key: "title_spans") var titleSpans: Data?
    @OptionalField(key: "body_spans") var bodySpans: Data?

    init() {}
}
