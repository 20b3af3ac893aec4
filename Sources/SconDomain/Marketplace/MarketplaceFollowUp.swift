import Foundation

/// Why a mutual pair cannot be followed up that way now (409): a pair becomes one lead on a
/// centre's board and one draft proposal, each once.
public enum MarketplaceFollowUpRefusal: Refusal, Hashable {
    /// The pair is on a centre's board already.
    case leadExists
    /// The pair became a draft proposal already.
    case proposalExists
    /// The challenge names no city (an imported entry): a lead and a proposal are for a city.
    case noCity

    public var key: String {
        switch self {
        case .leadExists: "marketplace.lead-exists"
        case .proposalExists: "marketplace.proposal-exists"
        case .noCity: "marketplace.no-city"
        }
    }

    public var values: [String: RefusalValue] { [:] }

    public var description: String {
        switch self {
        case .leadExists: "this pair is on a centre's lead board already."
        case .proposalExists: "this pair became a draft proposal already."
        case .noCity: "the challenge names no city; a lead or a proposal is for a city."
        }
    }
}

/// What a follow-up starts from: the challenge's texts, in the open call's languages.
public enum MarketplaceFollowUp {
    /// The starting text of a draft proposal: the challenge's English version when it has one,
    /// else its Korean one, else its original (labelled English unless written in Korean);
    /// cut to the open call's lengths (title 200, problem 8,000 characters).
    public static func proposalText(language: ContentLanguage, title: String, body: String, titleKo: String, bodyKo: String,
                                    titleEn: String, bodyEn: String) -> (language: Language, title: String, problem: String) {
        func cut(_ text: String, _ limit: Int) -> String {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.count <= limit ? trimmed : String(trimmed.prefix(limit))
        }
        if !titleEn.isEmpty || !bodyEn.isEmpty {
            return (.en, cut(titleEn.isEmpty ? title : titleEn, 200), cut(bodyEn.isEmpty ? body : bodyEn, 8_000))
        }
        if !titleKo.isEmpty || !bodyKo.isEmpty {
            return (.ko, cut(titleKo.isEmpty ? title : titleKo, 200), cut(bodyKo.isEmpty ? body : bodyKo, 8_000))
        }
        return (language == .ko ? .ko : .en, cut(title, 200), cut(body, 8_000))
    }
}
