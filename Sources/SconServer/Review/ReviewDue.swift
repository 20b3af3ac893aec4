import Fluent
import Foundation
import SconDomain
import Vapor

/// Reviews assigned to a person and not yet submitted, in calls in review.
enum ReviewDue {
    static func items(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        guard let userID = principal.userID else { return [] }
        var items: [DueItem] = []
        let calls = try await Call.query(on: db).filter(\.$state == CallState.inReview.rawValue).all()
        // Reviews assigned and not yet submitted, in calls in review.
        let inReview = calls.compactMap(\.id)
        let assigned = try await ReviewAssignment.query(on: db).filter(\.$reviewerID == userID).filter(\.$status == ReviewAssignment.assigned)
            .filter(\.$callID ~~ inReview).all()
        let submitted = Set(try await Review.query(on: db).filter(\.$reviewerID == userID).filter(\.$state == "submitted").all().map(\.proposalID))
        let proposals = try await Proposal.query(on: db).filter(\.$id ~~ assigned.map(\.proposalID)).all()
        for assignment in assigned where !submitted.contains(assignment.proposalID) {
            let proposal = proposals.first { $0.id == assignment.proposalID }
            // Due at the end of the due day, UTC.
            let day = calls.first { $0.id == assignment.callID }?.reviewsDue.flatMap { CalendarDay($0) }
            items.append(DueItem(kind: "due.review", title: "\(proposal?.code ?? "") \(proposal?.title ?? "")",
                                 due: day.map { $0.adding(days: 1).start.addingTimeInterval(-1) }, dueText: day.map { "\($0) (UTC)" },
                                 path: ReviewURL.review(.value(assignment.proposalID)).path))
        }
        return items
    }
}
