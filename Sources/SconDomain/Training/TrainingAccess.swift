import Foundation

/// The facts of one trainee application that decide who reads and moves it.
public struct TraineeApplicationFacts: Sendable, Hashable {
    /// The official who applied (nil once their account is erased).
    public var applicant: UUID?
    /// The nominating organisation: the official's own.
    public var organisation: UUID
    public var country: CountryCode

    public init(applicant: UUID?, organisation: UUID, country: CountryCode) {
        self.applicant = applicant; self.organisation = organisation; self.country = country
    }
}

/// Who may do what in invitation training (docs/training.md, "Who may do what").
///
/// Training staff are the programme office: administrators and programme officers for the
/// whole programme run programmes and cohorts, the selection, attendance and certificates.
/// Any signed-in person may apply for themselves (the store checks that they are a member
/// of the government organisation they apply through). An application is read by its
/// applicant, the members of its organisation (who nominate it), the focal point of its
/// country (who ranks it) and the programme office. A focal point ranks only their own
/// country's nominees. An alumnus appears in the directory to others only when they opted in.
public enum TrainingAccess {
    public enum Action: Sendable, Hashable {
        /// Programmes, cohorts (also unpublished ones), the selection, attendance, certificates.
        case manage
        case apply
        case readApplication(TraineeApplicationFacts)
        case nominate(TraineeApplicationFacts)
        case rank(CountryCode)
        /// Change one's own application (respond to an offer, withdraw, hand in the action plan).
        case actAsApplicant(TraineeApplicationFacts)
        /// Read the trainee's action plan: the trainee, their country's focal point, the programme office.
        case readActionPlan(TraineeApplicationFacts)
        /// See an alumnus in the directory: `optedIn`, and whose entry it is.
        case seeAlumnus(optedIn: Bool, user: UUID?)
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        let staff = principal.isAdministrator || principal.isProgrammeOfficer
        switch action {
        case .manage:
            return staff
        case .apply:
            return principal.isSignedIn
        case .readApplication(let facts):
            return staff || isApplicant(principal, facts) || principal.organisations.contains(facts.organisation)
                || principal.holds(.countryFocalPoint, in: .country(facts.country))
        case .nominate(let facts):
            return principal.organisations.contains(facts.organisation)
        case .rank(let country):
            return principal.holds(.countryFocalPoint, in: .country(country))
        case .actAsApplicant(let facts):
            return isApplicant(principal, facts)
        case .readActionPlan(let facts):
            return staff || isApplicant(principal, facts) || principal.holds(.countryFocalPoint, in: .country(facts.country))
        case .seeAlumnus(let optedIn, let user):
            return optedIn || staff || (user != nil && principal.userID == user)
        }
    }

    static func isApplicant(_ principal: Principal, _ facts: TraineeApplicationFacts) -> Bool {
        guard let user = principal.userID, let applicant = facts.applicant else { return false }
        return user == applicant
    }
}

extension TrainingAccess {
    /// The representative application: another person's, of org 1 in Thailand.
    static let sampleApplication = TraineeApplicationFacts(applicant: UUID(uuidString: "00000000-0000-4000-8000-0000000000f1")!,
                                                           organisation: AccessMatrix.Object.organisation1,
                                                           country: AccessMatrix.Object.thailand)

    public static var table: AccessMatrix.Table {
        AccessMatrix.Table(context: "Training", columns: [
            ("run programmes, cohorts, selection, certificates", { allows($0, .manage) }),
            ("apply", { allows($0, .apply) }),
            ("read an application of org 1 (TH)", { allows($0, .readApplication(sampleApplication)) }),
            ("nominate for org 1", { allows($0, .nominate(sampleApplication)) }),
            ("rank TH nominees", { allows($0, .rank(AccessMatrix.Object.thailand)) }),
            ("read the action plan of an org 1 (TH) trainee", { allows($0, .readActionPlan(sampleApplication)) }),
            ("rank VN nominees", { allows($0, .rank(AccessMatrix.Object.vietnam)) }),
            ("see an alumnus who did not opt in", { allows($0, .seeAlumnus(optedIn: false, user: sampleApplication.applicant)) }),
        ])
    }
}

/// Which alumni a person sees, as a predicate a query applies: the same answer as
/// `TrainingAccess.allows(_, .seeAlumnus(_))` for every alumnus (a test checks it).
public struct AlumniVisibility: Sendable, Hashable {
    /// Every alumnus, opted in or not (the programme office).
    public var everything: Bool
    /// The person's own entry, opted in or not.
    public var own: UUID?

    /// Whether an alumnus with these facts is in the list.
    public func includes(optedIn: Bool, user: UUID?) -> Bool {
        everything || optedIn || (own != nil && user == own)
    }
}

extension TrainingAccess {
    public static func alumniVisibility(for principal: Principal) -> AlumniVisibility {
        AlumniVisibility(everything: allows(principal, .manage), own: principal.userID)
    }
}
