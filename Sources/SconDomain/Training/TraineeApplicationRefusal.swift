extension TraineeApplication {
    /// The moves of an application, for `Refusal.wrongState`.
    public enum Action: String, Sendable, Hashable, Codable {
        case submit, nominate, rank, decide, offer, respond, lapse, withdraw, finish
    }

    /// Why an application cannot make a move now; thrown (409), localized by the pages from
    /// `training.<key>`.
    public enum Refusal: SconDomain.Refusal, Hashable {
        case notYetOpen(opens: String)
        case applicationClosed(deadline: String)
        case rankingClosed(deadline: String)
        case countryNotEligible(CountryCode)
        case levelNotEligible(GovernmentLevel)
        case incomplete([String])
        /// An organisation nominates only its own officials.
        case otherOrganisation
        /// A focal point ranks only its own country's nominees (the application's country given).
        case otherCountry(CountryCode)
        /// Only nominated applications are ranked.
        case notNominated
        case offerExpired(deadline: String)
        case cohortNotEnded(ends: String)
        case wrongState(TraineeApplicationState, action: Action)

        public var key: String {
            switch self {
            case .notYetOpen: "training.notYetOpen"
            case .applicationClosed: "training.applicationClosed"
            case .rankingClosed: "training.rankingClosed"
            case .countryNotEligible: "training.countryNotEligible"
            case .levelNotEligible: "training.levelNotEligible"
            case .incomplete: "training.incomplete"
            case .otherOrganisation: "training.otherOrganisation"
            case .otherCountry: "training.otherCountry"
            case .notNominated: "training.notNominated"
            case .offerExpired: "training.offerExpired"
            case .cohortNotEnded: "training.cohortNotEnded"
            case .wrongState: "training.wrongState"
            }
        }

        public var values: [String: RefusalValue] {
            switch self {
            case .notYetOpen(let opens): ["opens": .text(opens)]
            case .applicationClosed(let deadline), .rankingClosed(let deadline), .offerExpired(let deadline): ["deadline": .text(deadline)]
            case .countryNotEligible(let country), .otherCountry(let country): ["country": .key("country.\(country.value)")]
            case .levelNotEligible(let level): ["level": .key("governmentlevel.\(level.rawValue)")]
            case .incomplete(let fields): ["fields": .keys(fields.map { "traineefield.\($0.split(separator: "[").first ?? "")" })]
            case .cohortNotEnded(let ends): ["ends": .text(ends)]
            case .wrongState(let state, let action): ["state": .key("traineestate.\(state.rawValue)"), "action": .key("traineeaction.\(action.rawValue)")]
            case .otherOrganisation, .notNominated: [:]
            }
        }

        public var description: String {
            switch self {
            case .notYetOpen(let opens): "applications open on \(opens)."
            case .applicationClosed(let deadline): "applications closed at the end of \(deadline); late applications are not accepted."
            case .rankingClosed(let deadline): "nominations and ranking closed at the end of \(deadline)."
            case .countryNotEligible(let country): "officials of \(country.value) are not eligible for this cohort."
            case .levelNotEligible(let level): "officials of \(level.rawValue) government are not eligible for this cohort."
            case .incomplete(let fields): "a submitted application needs: \(fields.joined(separator: ", "))."
            case .otherOrganisation: "an organisation nominates only its own officials."
            case .otherCountry(let country): "this application is from \(country.value); only its country's focal point ranks it."
            case .notNominated: "only applications nominated by their organisation can be ranked."
            case .offerExpired(let deadline): "the offer expired at \(deadline); the seat has moved on."
            case .cohortNotEnded(let ends): "the cohort runs until the end of \(ends); completion is decided after it."
            case .wrongState(let state, let action): "an application that is \(state.rawValue) cannot \(action.rawValue)."
            }
        }
    }
}
