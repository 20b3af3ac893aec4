import SconDomain

/// The text of a challenge or solution to show on a page: the version in the page's language
/// when the author gave one, else the original (with its language, for screen readers and fonts).
struct MarketplaceText {
    var title: String
    var body: String
    var language: String

    init(language page: Language, original: (title: String, body: String, language: String), ko: (String, String), en: (String, String)) {
        let own = page == .ko ? ko : en
        if !own.0.isEmpty {
            title = own.0
            body = own.1.isEmpty ? original.body : own.1
            language = own.1.isEmpty ? original.language : page.rawValue
            if !own.1.isEmpty { return }
            language = original.language
        } else {
            title = original.title
            body = original.body
            language = original.language
        }
    }

    init(_ challenge: Challenge, in page: Language) {
        self.init(language: page, original: (challenge.title, challenge.body, challenge.language),
                  ko: (challenge.titleKo, challenge.bodyKo), en: (challenge.titleEn, challenge.bodyEn))
    }

    init(_ solution: Solution, in page: Language) {
        self.init(language: page, original: (solution.title, solution.body, solution.language),
                  ko: (solution.titleKo, solution.bodyKo), en: (solution.titleEn, solution.bodyEn))
    }
}
