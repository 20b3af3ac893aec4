import Fluent
import Foundation
import SconDomain
import Vapor

/// What a person has to do in the open call, and by when: drafts before the deadline,
/// endorsements, unanswered appeals.
enum OpenCallDue {
    static func items(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        var items: [DueItem] = []
        let calls = try await Call.query(on: db).filter(\.$state ~~ [CallState.open.rawValue, CallState.closed.rawValue, CallState.inReview.rawValue, CallState.published.rawValue]).all()
        func deadline(_ call: Call) -> (Date, String)? {
            guard let schedule = try? call.terms().schedule else { return nil }
            return (schedule.closesAt, "\(schedule.closesLocal) (\(schedule.timeZone))")
        }
        // Drafts of the person's organisations in open calls, before the deadline.
        let organisations = principal.organisationIDs.compactMap(UUID.init(uuidString:))
        if !organisations.isEmpty {
            let open = try calls.filter { try $0.callState == .open }
            let drafts = try await Proposal.query(on: db).filter(\.$organisationID ~~ organisations).filter(\.$state == ProposalState.draft.rawValue)
                .filter(\.$callID ~~ open.compactMap(\.id)).all()
            for draft in drafts {
                guard let call = open.first(where: { $0.id == draft.callID }), let (date, text) = deadline(call), date > now else { continue }
                items.append(DueItem(kind: "due.draft", title: draft.title, due: date, dueText: text, path: OpenCallURL.proposal(.value(try draft.requireID())).path))
            }
        }
        // Endorsements: a focal point's country has submitted proposals and no ranking yet.
        let endorsing = try calls.filter { [.open, .closed].contains(try $0.callState) }
        let focalCountries = Set(endorsing.flatMap { (try? $0.terms().eligibleCountries) ?? [] }.filter { CallAccess.allows(principal, .endorse($0)) }.map(\.value))
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
                    items.append(DueItem(kind: "due.endorsement", title: (try? call.terms().title.en) ?? "", due: due?.0, dueText: due?.1,
                                         path: OpenCallURL.callEndorsement(.value(callID), .value(country)).path))
                }
            }
        }
        // Appeals waiting for an answer, for those who manage their call.
        let published = try calls.filter { try $0.callState == .published }.compactMap(\.id).filter { CallAccess.allows(principal, .manageCall($0)) }
        if !published.isEmpty {
            let appeals = try await Appeal.query(on: db).filter(\.$callID ~~ published).filter(\.$answeredAt == nil).all()
            let titles = try await Proposal.query(on: db).filter(\.$id ~~ appeals.map(\.proposalID)).all()
            for appeal in appeals {
                items.append(DueItem(kind: "due.appeal", title: titles.first { $0.id == appeal.proposalID }?.title ?? "", due: nil, dueText: nil,
                                     path: OpenCallURL.proposal(.value(appeal.proposalID)).path))
            }
        }
        return items
    }
}
