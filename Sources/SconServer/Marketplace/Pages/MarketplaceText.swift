import SconDomain

/// The text of a challenge or solution to show on a page: the version in the page's language
/// when the author gave one, else the original (with its language, for screen readers and fonts).
struct MarketplaceText {
    var title: String
    var body: String
    var language: String

    init(language page: Language, original: (title: String, body: String, language: String), ko: (String, String), en: (String, String)) {
        let (ownTitle, ownBody) = page == .ko ? ko : en
        title = ownTitle.isEmpty ? original.title : ownTitle
        // The page's own version when the author wrote its text; the title alone does not make the body translated.
        let translated = !ownTitle.isEmpty && !ownBody.isEmpty
        body = translated ? ownBody : original.body
        language = translated ? page.rawValue : original.language
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
