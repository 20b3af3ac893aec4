import Fluent
import Foundation
import SconDomain
import Vapor

/// What a person has to do in the open call, and by when: drafts before the deadline,
/// endorsements, pending reviews, unanswered appeals. Shown in the app; sent by e-mail only
/// when a `ReminderSender` is configured (none by default).
struct DueItem: Sendable {
    enum Kind: String, Sendable { case draft, endorsement, review, appeal }
    var kind: Kind
    var title: String
    /// The deadline, when there is one.
    var due: Date?
    /// The deadline as the call states it, `2027-02-26T18:00 (Asia/Seoul)`.
    var dueText: String?
    var path: String
}

struct DueStore: Sendable {
    let db: any Database

    func due(for principal: Principal, now: Date = Date()) async throws -> [DueItem] {
        guard let userID = principal.userID else { return [] }
        var items: [DueItem] = []
        let calls = try await Call.query(on: db).filter(\.$state ~~ [CallState.open.rawValue, CallState.closed.rawValue, CallState.inReview.rawValue, CallState.published.rawValue]).all()
        func deadline(_ call: Call) -> (Date, String)? {
            guard let schedule = try? call.terms().schedule else { return nil }
            return (schedule.closesAt, "\(schedule.closesLocal) (\(schedule.timeZone))")
        }
        // Drafts of the person's organisations in open calls, before the deadline.
        let organisations = principal.organisationIDs.compactMap(UUID.init(uuidString:))
        if !organisations.isEmpty {
            let open = calls.filter { $0.callState == .open }
            let drafts = try await Proposal.query(on: db).filter(\.$organisationID ~~ organisations).filter(\.$state == ProposalState.draft.rawValue)
                .filter(\.$callID ~~ open.compactMap(\.id)).all()
            for draft in drafts {
                guard let call = open.first(where: { $0.id == draft.callID }), let (date, text) = deadline(call), date > now else { continue }
                items.append(DueItem(kind: .draft, title: draft.title, due: date, dueText: text, path: SiteURL.proposal(.value(try draft.requireID())).path))
            }
        }
        // Endorsements: a focal point's country has submitted proposals and no ranking yet.
        let endorsing = calls.filter { [.open, .closed].contains($0.callState) }
        let focalCountries = Set(endorsing.flatMap { (try? $0.terms().eligibleCountries) ?? [] }.filter { principal.mayEndorse(for: $0) }.map(\.value))
        if !focalCountries.isEmpty {
            let callIDs = endorsing.compactMap(\.id)
            let submitted = try await Proposal.query(on: db).filter(\.$callID ~~ callIDs).filter(\.$countryCode ~~ Array(focalCountries))
                .filter(\.$state == ProposalState.submitted.rawValue).field(\.$id).field(\.$callID).field(\.$countryCode).all()
            let ranked = Set(try await Endorsement.query(on: db).filter(\.$callID ~~ callIDs).filter(\.$countryCode ~~ Array(focalCountries))
                .all().map { "\($0.callID)|\($0.countryCode)" })
            let waiting = Set(submitted.map { "\($0.callID)|\($0.countryCode)" }).subtracting(ranked)
            for call in endorsing {
                guard let callID = call.id else { continue }
                for country in focalCountries.sorted() where waiting.contains("\(callID)|\(country)") {
                    let due = deadline(call).flatMap { $0.0 > now ? $0 : nil }
                    items.append(DueItem(kind: .endorsement, title: (try? call.terms().title.en) ?? "", due: due?.0, dueText: due?.1,
                                         path: SiteURL.callEndorsement(.value(callID), .value(country)).path))
                }
            }
        }
        // Reviews assigned and not yet submitted, in calls in review.
        let inReview = calls.filter { $0.callState == .inReview }.compactMap(\.id)
        let assigned = try await ReviewAssignment.query(on: db).filter(\.$reviewerID == userID).filter(\.$status == ReviewAssignment.assigned)
            .filter(\.$callID ~~ inReview).all()
        let submitted = Set(try await Review.query(on: db).filter(\.$reviewerID == userID).filter(\.$state == "submitted").all().map(\.proposalID))
        let proposals = try await Proposal.query(on: db).filter(\.$id ~~ assigned.map(\.proposalID)).all()
        for assignment in assigned where !submitted.contains(assignment.proposalID) {
            let proposal = proposals.first { $0.id == assignment.proposalID }
            // Due at the end of the due day, UTC.
            let day = calls.first { $0.id == assignment.callID }?.reviewsDue.flatMap { CalendarDay($0) }
            items.append(DueItem(kind: .review, title: "\(proposal?.code ?? "") \(proposal?.title ?? "")",
                                 due: day.map { $0.adding(days: 1).start.addingTimeInterval(-1) }, dueText: day.map { "\($0) (UTC)" },
                                 path: SiteURL.review(.value(assignment.proposalID)).path))
        }
        // Appeals waiting for an answer, for those who manage their call.
        let published = calls.filter { $0.callState == .published }.compactMap(\.id).filter { principal.mayManageCall($0) }
        if !published.isEmpty {
            let appeals = try await Appeal.query(on: db).filter(\.$callID ~~ published).filter(\.$answeredAt == nil).all()
            let titles = try await Proposal.query(on: db).filter(\.$id ~~ appeals.map(\.proposalID)).all()
            for appeal in appeals {
                items.append(DueItem(kind: .appeal, title: titles.first { $0.id == appeal.proposalID }?.title ?? "", due: nil, dueText: nil,
                                     path: SiteURL.proposal(.value(appeal.proposalID)).path))
            }
        }
        return items.sorted { ($0.due ?? .distantFuture, $0.title) < ($1.due ?? .distantFuture, $1.title) }
    }
}

/// Where reminders go besides the app. The platform ships without a mail server, so the
/// default sends nothing; a deployment plugs in its own (SMTP, a mail API).
protocol ReminderSender: Sendable {
    /// Sends one person their due items; returns whether it sent anything.
    func send(to email: String, items: [DueItem]) async throws -> Bool
}

struct NoReminderSender: ReminderSender {
    func send(to email: String, items: [DueItem]) async throws -> Bool { false }
}
