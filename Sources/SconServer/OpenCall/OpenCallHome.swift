import Fluent
import Foundation
import SconDomain

/// The open call's cards on a person's home: an applicant's proposals and the calls open to
/// them; an officer's calls still running; a focal point's endorsements.
extension OpenCallContext {
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard] {
        var cards: [HomeCard] = []
        let running = try await Call.query(on: db).filter(\.$state ~~ [CallState.open, .closed, .inReview, .decided].map(\.rawValue))
            .sort(\.$closesAt).all()
        func title(_ call: Call) -> String { (try? call.terms().title.text(in: strings.language)) ?? "" }

        let organisations = principal.organisations.filter { CallAccess.allows(principal, .writeProposal(organisation: $0)) }
        if !organisations.isEmpty {
            let proposals = try await Proposal.query(on: db).filter(\.$organisationID ~~ Array(organisations)).sort(\.$title).limit(20).all()
            let open = running.filter { $0.state == CallState.open.rawValue }
            cards.append(HomeCard(
                order: 10, title: strings["proposals.mine"],
                lines: proposals.map { .init(text: "\($0.title) — \(strings["proposalstate.\($0.state)"])", path: OpenCallURL.proposal(.value($0.storedID)).path) },
                actions: open.prefix(2).map { .init(text: strings.format("work.startProposal", ["call": title($0)]), path: OpenCallURL.callProposalNew(.value($0.storedID)).path) },
                empty: strings["work.noProposals"]))
        }
        if CallAccess.allows(principal, .createCall) {
            cards.append(HomeCard(
                order: 11, title: strings["work.calls"],
                lines: try await running.asyncMap { call in
                    let count = try await Proposal.query(on: db).filter(\.$callID == call.storedID).filter(\.$state != ProposalState.draft.rawValue).count()
                    return .init(text: strings.format("work.callLine", ["call": title(call), "state": strings["callstate.\(call.state)"], "n": String(count)]),
                                 path: OpenCallURL.call(.value(call.storedID)).path)
                },
                actions: [.init(text: strings["work.newCall"], path: OpenCallURL.callNew.path)],
                empty: strings["work.noCalls"]))
        }
        let countries = CountryCode.asean.filter { CallAccess.allows(principal, .endorse($0)) }
        if !countries.isEmpty {
            let calls = running.filter { $0.state == CallState.open.rawValue || $0.state == CallState.closed.rawValue }
            cards.append(HomeCard(
                order: 12, title: strings["work.endorsements"],
                lines: calls.flatMap { call in countries.map { country in
                    HomeCard.Link(text: strings.format("work.endorsementLine", ["call": title(call), "country": country.value]),
                                  path: OpenCallURL.callEndorsement(.value(call.storedID), .value(country.value)).path)
                } },
                empty: strings["work.noEndorsements"]))
        }
        return cards
    }
}
