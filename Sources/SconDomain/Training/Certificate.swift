import Foundation

/// A certificate of completion: issued once per completed trainee, valid for life unless
/// revoked (with a reason, on the record). Anyone holding the code can verify it and learns
/// only the name, the programme, the cohort and its dates, and whether it stands.
public struct Certificate: Sendable, Hashable, Codable {
    public struct Revocation: Sendable, Hashable, Codable {
        public var at: Date
        /// Kept on the record for officers; not shown to the public.
        public var reason: String

        public init(at: Date, reason: String) { self.at = at; self.reason = reason }
    }

    public var code: CertificateCode
    public var application: UUID
    /// The name as it is printed.
    public var traineeName: String
    public var programme: LocalizedText
    public var cohort: LocalizedText
    public var dates: DayRange
    public var issuedAt: Date
    public var revocation: Revocation?

    /// A certificate as it was stored (the server reads its rows back through this).
    public init(code: CertificateCode, application: UUID, traineeName: String, programme: LocalizedText, cohort: LocalizedText,
                dates: DayRange, issuedAt: Date, revocation: Revocation?) {
        self.code = code; self.application = application; self.traineeName = traineeName; self.programme = programme
        self.cohort = cohort; self.dates = dates; self.issuedAt = issuedAt; self.revocation = revocation
    }

    /// Why a certificate cannot be issued or revoked (409).
    public enum Refusal: SconDomain.Refusal, Hashable {
        case notCompleted(TraineeApplicationState)
        case alreadyRevoked

        public var key: String {
            switch self {
            case .notCompleted: "certificate.notCompleted"
            case .alreadyRevoked: "certificate.alreadyRevoked"
            }
        }

        public var values: [String: RefusalValue] {
            if case .notCompleted(let state) = self { return ["state": .key("traineestate.\(state.rawValue)")] }
            return [:]
        }

        public var description: String {
            switch self {
            case .notCompleted(let state): "a certificate is issued for a completed trainee; this application is \(state.rawValue)."
            case .alreadyRevoked: "this certificate was revoked already; the revocation stands."
            }
        }
    }

    /// Issues the certificate of a completed application. The name is checked (1–200 characters).
    public static func issue(code: CertificateCode, for application: TraineeApplication, traineeName: String,
                             programme: LocalizedText, terms: CohortTerms, at now: Date) throws(TrainingError) -> Certificate {
        guard application.state == .completed else { throw .refused(Refusal.notCompleted(application.state)) }
        var rules = FieldRules()
        let name = rules.text(traineeName, field: "traineeName", max: 200)
        do { try rules.check() } catch { throw .invalid(error) }
        return Certificate(code: code, application: application.id, traineeName: name, programme: programme,
                           cohort: terms.title, dates: terms.dates, issuedAt: now, revocation: nil)
    }

    /// Revokes the certificate with a reason (10–2,000 characters); once.
    public func revoked(reason: String, at now: Date) throws(TrainingError) -> Certificate {
        guard revocation == nil else { throw .refused(Refusal.alreadyRevoked) }
        var rules = FieldRules()
        let text = rules.text(reason, field: "reason", min: 10, max: 2_000)
        do { try rules.check() } catch { throw .invalid(error) }
        var result = self
        result.revocation = Revocation(at: now, reason: text)
        return result
    }

    /// What the public verification page and API show for the code.
    public var verification: CertificateVerification {
        CertificateVerification(code: code, name: traineeName, programme: programme, cohort: cohort, dates: dates,
                                status: revocation == nil ? .valid : .revoked,
                                revokedOn: revocation.map { CalendarDay($0.at) })
    }
}

/// The public answer for a certificate code: nothing but the name, programme, cohort and
/// dates, and whether it stands (the day of a revocation, not its reason). JSON:
/// `{"code":"K7QF-9MZC-XR50","name":"…","programme":{"en":…,"ko":…},"cohort":{…},"dates":{"start":"2026-05-11","end":"2026-05-22"},"status":"valid"}`.
public struct CertificateVerification: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case valid, revoked }

    public var code: CertificateCode
    public var name: String
    public var programme: LocalizedText
    public var cohort: LocalizedText
    public var dates: DayRange
    public var status: Status
    /// UTC day of the revocation.
    public var revokedOn: CalendarDay?
}

/// What the training rules throw where a call can fail both ways: bad input (422, nothing
/// written) or a refused move (409).
public enum TrainingError: Error, Sendable {
    case invalid(DomainError)
    case refused(any Refusal)
}
