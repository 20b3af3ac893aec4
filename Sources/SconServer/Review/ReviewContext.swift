import Fluent
import Foundation
import SconDomain
import Vapor

/// The review: reviewer profiles and absences, conflicts, the reviewer assignment, reviews,
/// normalised standings.
struct ReviewContext: SconContext {
    let name = "Review"

    var migrations: [any Migration] { [CreateReviewTables(), AddReviewPeriods(), UpdateReviewAddIndexes()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: ReviewPagesController())
        try routes.app.register(collection: ReviewAPIController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .account, order: 20, label: "reviews.title", route: ReviewURL.reviews,
                         isShown: { ReviewAccess.allows($0, .keepReviewerProfile) })]
    }

    var strings: StringTable { Self.table }

    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        try await ReviewDue.items(for: principal, on: db, now: now)
    }

    var tools: ContextTools {
        ContextTools(solvers: ["assignment": { try AssignmentCommandLine.solve($0) }],
                     benchmarks: ["assignment": { options, context in try AssignmentBench.run(runs: options.runs, context: context) }])
    }
}
