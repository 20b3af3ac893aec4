import Fluent
import Foundation
import SconDomain

extension OpenCallContext {
    /// Calls that are not drafts (proposals are not searched: they are private to their applicants until results).
    func searchDocuments(on db: any Database) async throws -> [SearchDocument] {
        try await Call.query(on: db).filter(\.$state != CallState.draft.rawValue).all().map { call in
            let terms = try call.terms()
            return SearchDocument(kind: .call, objectID: call.storedID, externalRef: nil,
                                  texts: [.init(title: terms.title.en, body: terms.text.en, language: .en),
                                          .init(title: terms.title.ko, body: terms.text.ko, language: .ko)],
                                  country: "", sectors: [])
        }
    }
}
