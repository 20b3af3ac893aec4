import Fluent
import Foundation
import SconDomain

/// The review's cards on a person's home: a reviewer's reviews to do and done, the conflict
/// sheets of the calls in review and the profile; an officer's assignment pages.
extension ReviewContext {
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard] {
        var cards: [HomeCard] = []
        let inReview = try await Call.query(on: db).filter(\.$state == CallState.inReview.rawValue).sort(\.$closesAt).all()
        func title(_ call: Call) -> String { (try? call.terms().title.text(in: strings.language)) ?? "" }
        if let user = principal.userID, ReviewAccess.allows(principal, .keepReviewerProfile) {
            let assigned = try await ReviewAssignment.query(on: db).filter(\.$reviewerID == user).filter(\.$status == ReviewAssignment.assigned).count()
            let done = try await Review.query(on: db).filter(\.$reviewerID == user).filter(\.$state == "submitted").count()
            var lines: [HomeCard.Link] = [
                .init(text: strings.format("work.reviewsToDo", ["n": String(max(0, assigned - done))]), path: ReviewURL.reviews.path + "?state=pending"),
                .init(text: strings.format("work.reviewsDone", ["n": String(done)]), path: ReviewURL.reviews.path + "?state=done"),
            ]
            lines += inReview.filter { ReviewAccess.allows(principal, .reviewFor(call: $0.storedID)) }.map {
                .init(text: strings.format("work.conflicts", ["call": title($0)]), path: ReviewURL.callConflicts(.value($0.storedID)).path)
            }
            cards.append(HomeCard(order: 20, title: strings["work.reviews"], lines: lines,
                                  actions: [.init(text: strings["reviewer.title"], path: ReviewURL.reviewerProfile.path)]))
        }
        let managed = inReview.filter { CallAccess.allows(principal, .manageCall($0.storedID)) }
        if !managed.isEmpty {
            cards.append(HomeCard(order: 21, title: strings["work.assignment"], lines: managed.map {
                .init(text: strings.format("work.assignmentLine", ["call": title($0)]), path: ReviewURL.callAssignment(.value($0.storedID)).path)
            }))
        }
        return cards
    }
}
