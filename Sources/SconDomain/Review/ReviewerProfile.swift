import Foundation

/// What a reviewer knows and how much it can take: sectors, countries, languages, the most
/// reviews it accepts per call, whether it is available at all, and the periods it is away.
public struct ReviewerProfile: Sendable, Hashable, Codable {
    public var sectors: [Sector]
    public var countries: [CountryCode]
    public var languages: [Language]
    public var capacity: Int
    public var available: Bool
    /// Periods (days included) in which the reviewer cannot review, sorted.
    public var unavailable: [DayRange]

    public init(sectors: [Sector], countries: [CountryCode], languages: [Language], capacity: Int, available: Bool,
                unavailable: [DayRange] = []) {
        self.sectors = sectors; self.countries = countries; self.languages = languages
        self.capacity = capacity; self.available = available; self.unavailable = unavailable
    }

    /// Whether the reviewer can take reviews during the review period: available, and not
    /// away on any of its days.
    public func isAvailable(during period: DayRange) -> Bool {
        available && !unavailable.contains { $0.overlaps(period) }
    }

    /// The most periods of absence a profile keeps.
    public static let unavailablePeriodLimit = 20

    /// A new reviewer: English, 10 reviews, available.
    public static let starting = ReviewerProfile(sectors: [], countries: [], languages: [.en], capacity: 10, available: true)

    /// Checks a profile as submitted.
    public static func validated(sectors: [String], countries: [String], languages: [String], capacity: Int?, available: Bool?,
                                 unavailable: [String] = [], knownCountries: Set<CountryCode>) throws(DomainError) -> ReviewerProfile {
        var rules = FieldRules()
        var cleanSectors: [Sector] = []
        for (index, code) in sectors.enumerated() {
            guard let sector = Sector(rawValue: code) else { rules.fail("sectors[\(index)]", "unknown", "\(code.prefix(40)) is not a sector."); continue }
            if !cleanSectors.contains(sector) { cleanSectors.append(sector) }
        }
        var cleanCountries: [CountryCode] = []
        for (index, code) in countries.enumerated() {
            guard let country = CountryCode(code), knownCountries.contains(country) else {
                rules.fail("countries[\(index)]", "unknown", "\(code.prefix(10)) is not a country in the directory."); continue
            }
            if !cleanCountries.contains(country) { cleanCountries.append(country) }
        }
        var cleanLanguages: [Language] = []
        for (index, code) in languages.enumerated() {
            guard let language = Language(rawValue: code) else { rules.fail("languages[\(index)]", "unknown", "a language is en or ko."); continue }
            if !cleanLanguages.contains(language) { cleanLanguages.append(language) }
        }
        if cleanLanguages.isEmpty && languages.isEmpty { rules.fail("languages", "required", "a reviewer reads at least one language.") }
        let capacity = capacity ?? 10
        if !(0...200).contains(capacity) { rules.fail("capacity", "out-of-range", "capacity is 0 to 200 reviews per call.") }
        var periods: [DayRange] = []
        for (index, text) in unavailable.enumerated() {
            guard let period = DayRange(text) else {
                rules.fail("unavailable[\(index)]", "not-period", "a period is two days YYYY-MM-DD/YYYY-MM-DD, the first not after the second.")
                continue
            }
            if !periods.contains(period) { periods.append(period) }
        }
        if unavailable.count > unavailablePeriodLimit {
            rules.fail("unavailable", "too-many", "at most \(unavailablePeriodLimit) periods of absence.")
        }
        try rules.check()
        return ReviewerProfile(sectors: cleanSectors, countries: cleanCountries, languages: cleanLanguages, capacity: capacity, available: available ?? true,
                               unavailable: periods.sorted { ($0.start, $0.end) < ($1.start, $1.end) })
    }
}

/// What the assignment needs to know of a proposal to score and screen reviewers.
public struct ReviewTarget: Sendable, Hashable {
    public var id: String
    public var organisationID: String
    public var country: CountryCode
    public var language: Language
    public var sectors: [Sector]
    /// E-mail addresses of the applicant organisation's contact people (lower case).
    public var contactEmails: Set<String>

    public init(id: String, organisationID: String, country: CountryCode, language: Language, sectors: [Sector], contactEmails: Set<String>) {
        self.id = id; self.organisationID = organisationID; self.country = country; self.language = language
        self.sectors = sectors; self.contactEmails = contactEmails
    }
}

/// A reviewer of the pool as the assignment sees it.
public struct PoolReviewer: Sendable, Hashable {
    public var id: String
    public var email: String
    public var profile: ReviewerProfile
    /// The organisations the reviewer is a member of.
    public var organisationIDs: Set<String>
    /// The countries of those organisations (for the call's same-country conflict).
    public var homeCountries: Set<CountryCode>

    public init(id: String, email: String, profile: ReviewerProfile, organisationIDs: Set<String>, homeCountries: Set<CountryCode> = []) {
        self.id = id; self.email = email.lowercased(); self.profile = profile; self.organisationIDs = organisationIDs
        self.homeCountries = homeCountries
    }
}

/// Why a reviewer may not review a proposal.
public enum ConflictReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The reviewer said so.
    case declared
    /// The reviewer is a member of the applicant organisation.
    case sameOrganisation = "same-organisation"
    /// The reviewer is recorded as a contact person of the applicant organisation.
    case contactOfApplicant = "contact-of-applicant"
    /// The reviewer works for an organisation of the proposal's country, and the call
    /// counts that as a conflict.
    case sameCountry = "same-country"
}

/// Expertise affinity and derived conflicts: the inputs of the exact assignment.
public enum ReviewMatching {
    /// 0–1,000: sectors shared with the applicant organisation (up to 500), the country (300),
    /// the proposal's language (200). A reviewer who does not read the language still may
    /// review, at a low score.
    public static func affinity(_ reviewer: ReviewerProfile, _ target: ReviewTarget) -> Int {
        let shared = Set(reviewer.sectors).intersection(target.sectors).count
        let sectorScore = target.sectors.isEmpty ? 0 : 500 * shared / target.sectors.count
        let countryScore = reviewer.countries.contains(target.country) ? 300 : 0
        let languageScore = reviewer.languages.contains(target.language) ? 200 : 0
        return sectorScore + countryScore + languageScore
    }

    /// The conflicts the platform derives from what it knows.
    public static func derivedConflict(_ reviewer: PoolReviewer, _ target: ReviewTarget, sameCountry: Bool = false) -> ConflictReason? {
        if reviewer.organisationIDs.contains(target.organisationID) { return .sameOrganisation }
        if target.contactEmails.contains(reviewer.email) { return .contactOfApplicant }
        if sameCountry && reviewer.homeCountries.contains(target.country) { return .sameCountry }
        return nil
    }

    /// The assignment instance of a call: available reviewers with their capacity, every
    /// affinity, declared and derived conflicts, the officer's pins and removals (a removed
    /// pair is treated as a conflict).
    public static func instance(reviewsPerProposal: Int, targets: [ReviewTarget], pool: [PoolReviewer],
                                declared: Set<AssignmentInstance.Pair>, pinned: [AssignmentInstance.Pair],
                                removed: Set<AssignmentInstance.Pair>, loadBalancing: Int, fairness: Bool = false,
                                reviewPeriod: DayRange? = nil, sameCountryConflict: Bool = false) -> AssignmentInstance {
        let reviewers = pool.filter { member in
            member.profile.capacity > 0 && (reviewPeriod.map { member.profile.isAvailable(during: $0) } ?? member.profile.available)
        }
        var affinities: [AssignmentInstance.Affinity] = []
        var conflicts = Set(declared).union(removed)
        for target in targets {
            for reviewer in reviewers {
                let pair = AssignmentInstance.Pair(proposal: target.id, reviewer: reviewer.id)
                if derivedConflict(reviewer, target, sameCountry: sameCountryConflict) != nil { conflicts.insert(pair); continue }
                let score = affinity(reviewer.profile, target)
                if score > 0 { affinities.append(.init(proposal: target.id, reviewer: reviewer.id, score: score)) }
            }
        }
        return AssignmentInstance(reviewsPerProposal: reviewsPerProposal, proposals: targets.map(\.id),
                                  reviewers: reviewers.map { .init(id: $0.id, capacity: $0.profile.capacity) },
                                  affinity: affinities, conflicts: conflicts.sorted(), pinned: pinned.filter { !conflicts.contains($0) },
                                  loadBalancing: loadBalancing, fairness: fairness)
    }
}
