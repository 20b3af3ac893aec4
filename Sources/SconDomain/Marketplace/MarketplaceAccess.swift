import Foundation

/// The facts of a challenge or solution that decide who sees and changes it.
public struct MarketplaceFacts: Sendable, Hashable {
    /// The organisation that posted it.
    public var organisation: UUID
    public var published: Bool
    public init(organisation: UUID, published: Bool) {
        self.organisation = organisation
        self.published = published
    }
}

/// Who may do what in the marketplace.
///
/// Everyone reads published challenges and solutions. A city's challenge is posted by members of
/// an organisation of its country, or on its behalf by the programme office and cooperation-centre
/// staff; the posting organisation's members and the programme office edit it. An organisation's
/// members post and edit its solutions. A draft is seen by its organisation and the programme
/// office only. Each side of a pair (a challenge's and a solution's organisation) may express
/// interest; the conversation of a pair is read and written by the two organisations' members and
/// read by the programme office. Once both sides are interested, a member of either side follows
/// the pair up (a meeting request at an event where both are registered; for the challenge's side,
/// a draft proposal in an open call); a lead on a centre's board is the Centres policy's answer.
public enum MarketplaceAccess {
    public enum Action: Sendable, Hashable {
        /// Post a challenge for a city of `country`, as `organisation` (of country `organisationCountry`).
        case postChallenge(organisation: UUID, organisationCountry: CountryCode, cityCountry: CountryCode)
        case postSolution(organisation: UUID)
        case see(MarketplaceFacts)
        case edit(MarketplaceFacts)
        /// Say "interested" for the side whose organisation is `side`.
        case expressInterest(side: UUID)
        /// Read the conversation between two organisations.
        case readConversation(challengeSide: UUID, solutionSide: UUID)
        case writeConversation(challengeSide: UUID, solutionSide: UUID)
        /// Follow a mutual pair up for the side whose organisation is `side` (a meeting request;
        /// for the challenge's side, a draft proposal in an open call).
        case followUp(side: UUID)
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        let office = principal.isAdministrator || principal.isProgrammeOfficer
        func member(_ organisation: UUID) -> Bool { principal.holds(.organisationMember, in: .organisation(scopeID(organisation))) }
        switch action {
        case .postChallenge(let organisation, let organisationCountry, let cityCountry):
            if mayPostChallengeAnywhere(principal) { return true }
            return member(organisation) && organisationCountry == cityCountry
        case .postSolution(let organisation):
            return office || member(organisation)
        case .see(let facts):
            return facts.published || office || member(facts.organisation)
        case .edit(let facts):
            return office || member(facts.organisation)
        case .expressInterest(let side):
            return member(side)
        case .readConversation(let challengeSide, let solutionSide):
            return office || member(challengeSide) || member(solutionSide)
        case .writeConversation(let challengeSide, let solutionSide):
            return member(challengeSide) || member(solutionSide)
        case .followUp(let side):
            return member(side)
        }
    }
}

extension MarketplaceAccess {
    /// The programme office and cooperation-centre staff post challenges on any city's behalf.
    public static func mayPostChallengeAnywhere(_ principal: Principal) -> Bool {
        principal.isAdministrator || principal.isProgrammeOfficer || principal.holdsAnywhere(.centreStaff)
    }

    public static var table: AccessMatrix.Table {
        let o1 = AccessMatrix.Object.organisation1, o2 = AccessMatrix.Object.organisation2
        let th = AccessMatrix.Object.thailand, vn = AccessMatrix.Object.vietnam
        return AccessMatrix.Table(context: "Marketplace", columns: [
            ("post org 1's challenge for a TH city (org 1 in TH)", { allows($0, .postChallenge(organisation: o1, organisationCountry: th, cityCountry: th)) }),
            ("… for a VN city", { allows($0, .postChallenge(organisation: o1, organisationCountry: th, cityCountry: vn)) }),
            ("post org 1's solution", { allows($0, .postSolution(organisation: o1)) }),
            ("see org 1's draft", { allows($0, .see(MarketplaceFacts(organisation: o1, published: false))) }),
            ("see a published one", { allows($0, .see(MarketplaceFacts(organisation: o2, published: true))) }),
            ("edit org 1's", { allows($0, .edit(MarketplaceFacts(organisation: o1, published: true))) }),
            ("interest for org 1's side", { allows($0, .expressInterest(side: o1)) }),
            ("read org 1–org 2 conversation", { allows($0, .readConversation(challengeSide: o1, solutionSide: o2)) }),
            ("write in it", { allows($0, .writeConversation(challengeSide: o1, solutionSide: o2)) }),
            ("follow up for org 1's side", { allows($0, .followUp(side: o1)) }),
        ])
    }
}
