import Foundation

/// A country's focal point ranks its nominees, best first, as endorsements work in the open
/// call: the list given becomes ranks 1, 2, …; the country's ranked applications left out
/// go back to nominated. Everything is checked before anything changes.
public enum TraineeRanking {
    /// Why a ranking list is refused (409), besides the refusals of a single application.
    public enum Refusal: SconDomain.Refusal, Hashable {
        case application(UUID, TraineeApplication.Refusal)
        case duplicate(UUID)
        case unknown(UUID)

        public var key: String {
            switch self {
            case .application(_, let refusal): refusal.key
            case .duplicate: "training.rankingDuplicate"
            case .unknown: "training.rankingUnknown"
            }
        }

        public var values: [String: RefusalValue] {
            if case .application(_, let refusal) = self { return refusal.values }
            return [:]
        }

        public var description: String {
            switch self {
            case .application(let id, let refusal): "application \(id.uuidString.lowercased()): \(refusal.description)"
            case .duplicate(let id): "application \(id.uuidString.lowercased()) is ranked twice."
            case .unknown(let id): "no application to this cohort has the id \(id.uuidString.lowercased())."
            }
        }
    }

    /// The applications of the cohort with the country's new ranking applied (only those
    /// that changed are returned).
    public static func ranked(_ order: [UUID], byFocalPointOf country: CountryCode, applications: [TraineeApplication],
                              terms: CohortTerms, at now: Date) throws(Refusal) -> [TraineeApplication] {
        let byID = Dictionary(applications.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<UUID>()
        var changed: [UUID: TraineeApplication] = [:]
        for (index, id) in order.enumerated() {
            guard seen.insert(id).inserted else { throw .duplicate(id) }
            guard var application = byID[id] else { throw .unknown(id) }
            do {
                try application.rank(index + 1, byFocalPointOf: country, terms: terms, at: now)
            } catch {
                throw .application(id, error)
            }
            if application != byID[id] { changed[id] = application }
        }
        for var application in applications where application.country == country && application.state == .ranked && !seen.contains(application.id) {
            do {
                try application.unrank(byFocalPointOf: country, terms: terms, at: now)
            } catch {
                throw .application(application.id, error)
            }
            changed[application.id] = application
        }
        return applications.compactMap { changed[$0.id] }
    }
}
