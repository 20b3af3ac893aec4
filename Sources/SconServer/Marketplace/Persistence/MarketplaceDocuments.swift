import Foundation
import SconDomain

extension Challenge {
    /// The challenge as the search index takes it: the author's text, then its Korean and English versions.
    var searchDocument: SearchDocument {
        get throws {
            var texts = [SearchDocument.Text(title: title, body: body, language: try contentLanguage)]
            if !titleKo.isEmpty || !bodyKo.isEmpty { texts.append(.init(title: titleKo, body: bodyKo, language: .ko)) }
            if !titleEn.isEmpty || !bodyEn.isEmpty { texts.append(.init(title: titleEn, body: bodyEn, language: .en)) }
            return SearchDocument(kind: .challenge, objectID: storedID, externalRef: externalRef, texts: texts, country: countryCode, sectors: try sectorList)
        }
    }

    /// Searchable: published and not archived.
    var isSearchable: Bool { get throws { let status = try challengeStatus; return status.isPublished && status != .archived } }
}

extension Solution {
    var searchDocument: SearchDocument {
        get throws {
            var texts = [SearchDocument.Text(title: title, body: body, language: try contentLanguage)]
            if !titleKo.isEmpty || !bodyKo.isEmpty { texts.append(.init(title: titleKo, body: bodyKo, language: .ko)) }
            if !titleEn.isEmpty || !bodyEn.isEmpty { texts.append(.init(title: titleEn, body: bodyEn, language: .en)) }
            return SearchDocument(kind: .solution, objectID: storedID, externalRef: externalRef, texts: texts, country: countryCode, sectors: try sectorList)
        }
    }

    var isSearchable: Bool { get throws { try solutionStatus.isPublished } }
}
