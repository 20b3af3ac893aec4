import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SconDomain
import Vapor

extension TrainingStore {
    /// Lapses every offer whose deadline has passed (by the audit clock) and moves each
    /// cohort's waitlist up, under the cohort's lock, audited (`waitlist.lapse`,
    /// `waitlist.offer`, `waitlist.skip`, `waitlist.seatLeftEmpty`; no actor: the clock did it).
    /// Returns the number of offers that lapsed. Safe to run at any time and as often as wanted:
    /// a cohort whose offers all stand is left as it is.
    @discardableResult
    func sweepLapsedOffers() async throws -> Int {
        let now = self.now
        let cohorts = Set(try await TraineeApplicationRecord.query(on: db)
            .filter(\.$state == TraineeApplicationState.selected.rawValue)
            .filter(\.$offerDeadline <= now).all(\.$cohortID))
        var lapsed = 0
        for cohortID in cohorts.sorted(by: { UUIDText.string($0) < UUIDText.string($1) }) {
            lapsed += try await audit.record(.cohort(cohortID)) { tx in
                guard let cohort = try await TrainingCohort.find(cohortID, on: tx) else { return (0, []) }
                let terms = try cohort.terms
                var rows = try await TraineeApplicationRecord.query(on: tx).filter(\.$cohortID == cohortID).all()
                let expired = try Self.waitlist(terms, rows).expiring(now: now)
                var events: [AuditEvent] = []
                try await Self.apply(expired.events, rows: &rows, terms: terms, now: now, on: tx, events: &events, actor: nil)
                let count = expired.events.filter { if case .lapsed = $0 { return true } else { return false } }.count
                return (count, events)
            }
        }
        return lapsed
    }
}

/// While `scon serve` runs: lapsed offers are swept every minute (by the app's clock), so a
/// seat moves on at its deadline without anyone else acting. Registered through
/// `TrainingContext.tools.whileServing`.
final class TrainingSweep: LifecycleHandler, @unchecked Sendable {
    let interval: TimeAmount
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    init(interval: TimeAmount = .minutes(1)) { self.interval = interval }

    func didBootAsync(_ application: Application) async throws {
        let started = application.eventLoopGroup.any().scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            application.eventLoopGroup.any().makeFutureWithTask {
                do {
                    let lapsed = try await TrainingStore(db: application.db, audit: application.auditLog).sweepLapsedOffers()
                    if lapsed > 0 { application.logger.info("training: \(lapsed) lapsed offer(s) swept") }
                } catch {
                    application.logger.warning("training: sweeping lapsed offers failed: \(error)")
                }
            }
        }
        task.withLockedValue { $0 = started }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel(); $0 = nil }
    }
}

/// `scon training sweep`: lapses the offers past their deadline and moves the waitlists up
/// (for cron, when the server's own timer is not running).
struct TrainingCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "sweep")
        var action: String
    }

    var help: String { "Invitation training: scon training sweep (lapses offers past their deadline, moves the waitlists up)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "sweep" else { CommandFailure("unknown action \(signature.action); use: scon training sweep").exit() }
        let app = context.application
        let lapsed = try await TrainingStore(db: app.db, audit: app.auditLog).sweepLapsedOffers()
        context.console.print("training: \(lapsed) lapsed offer(s) swept")
    }
}
