import Foundation
import Testing
@testable import SconDomain

/// Each context's access policy as a table: role × scope (rows) × action on a representative
/// object (columns) → allowed. The tables read as the documentation does (docs/access.md).
@Suite struct AccessPolicyTests {
    /// Compares a policy's answers with the expected table (`name | yes | - | …`, one line per
    /// row, in the order of `AccessMatrix.principals`) and prints the actual table when they differ.
    static func check(_ table: AccessMatrix.Table, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = expected.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty && !($0.first ?? "").isEmpty }
        let actual = table.rows.map { [$0.name] + $0.cells }
        if rows != actual {
            let width = (actual.map { $0[0].count }.max() ?? 0)
            let text = actual.map { row in row[0].padding(toLength: width, withPad: " ", startingAt: 0) + " | " + row.dropFirst().joined(separator: " | ") }
                .joined(separator: "\n")
            Issue.record("the \(table.context) policy answers:\n\(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func directory() {
        Self.check(DirectoryAccess.table, """
        // create org | edit org 1 | edit cities | contacts org 1 | contacts org 2 | … working with it | join/propose | decide org 1 | decide own | see org 2 request | review proposed
        anonymous                   | -   | -   | -   | -   | -   | - | -   | -   | -   | -   | -
        signed in, no role          | -   | -   | -   | -   | -   | yes | yes | -   | -   | -   | -
        administrator               | yes | yes | yes | yes | yes | yes | yes | yes | -   | yes | yes
        programme officer           | yes | yes | yes | yes | yes | yes | yes | yes | -   | yes | yes
        programme officer of call 1 | -   | -   | -   | -   | -   | yes | yes | -   | -   | -   | -
        fund manager                | -   | -   | -   | -   | -   | yes | yes | -   | -   | -   | -
        centre staff of centre 1    | -   | -   | -   | -   | -   | yes | yes | -   | -   | -   | -
        reviewer                    | -   | -   | -   | -   | -   | yes | yes | -   | -   | -   | -
        reviewer of call 1          | -   | -   | -   | -   | -   | yes | yes | -   | -   | -   | -
        focal point of TH           | -   | -   | -   | -   | -   | yes | yes | -   | -   | -   | -
        member of org 1             | -   | yes | -   | yes | -   | yes | yes | yes | -   | -   | -
        """)
    }
    @Test func accounts() {
        Self.check(AccountAccess.table, """
        // manage accounts and roles
        anonymous                   | -
        signed in, no role          | -
        administrator               | yes
        programme officer           | -
        programme officer of call 1 | -
        fund manager                | -
        centre staff of centre 1    | -
        reviewer                    | -
        reviewer of call 1          | -
        focal point of TH           | -
        member of org 1             | -
        """)
    }
    @Test func openCall() {
        Self.check(CallAccess.table, """
        // create | manage c1 | manage c2 | see draft c1 | see open c2 | write for org 1 | see its draft | see it submitted | … as assigned reviewer | see its result | endorse TH | endorse VN | see TH ranking
        anonymous                   | -   | -   | -   | -   | yes | -   | -   | -   | -   | -   | -   | -   | -
        signed in, no role          | -   | -   | -   | -   | yes | -   | -   | -   | -   | -   | -   | -   | -
        administrator               | yes | yes | yes | yes | yes | -   | -   | yes | yes | yes | -   | -   | yes
        programme officer           | yes | yes | yes | yes | yes | -   | -   | yes | yes | yes | -   | -   | yes
        programme officer of call 1 | -   | yes | -   | yes | yes | -   | -   | yes | yes | yes | -   | -   | yes
        fund manager                | -   | -   | -   | -   | yes | -   | -   | -   | -   | -   | -   | -   | -
        centre staff of centre 1    | -   | -   | -   | -   | yes | -   | -   | -   | -   | -   | -   | -   | -
        reviewer                    | -   | -   | -   | -   | yes | -   | -   | -   | yes | -   | -   | -   | -
        reviewer of call 1          | -   | -   | -   | -   | yes | -   | -   | -   | yes | -   | -   | -   | -
        focal point of TH           | -   | -   | -   | -   | yes | -   | -   | yes | yes | -   | yes | -   | yes
        member of org 1             | -   | -   | -   | -   | yes | yes | yes | yes | yes | yes | -   | -   | -
        """)
    }
    @Test func review() {
        Self.check(ReviewAccess.table, """
        // keep a reviewer profile | review for call 1 | review for call 2
        anonymous                   | -   | -   | -
        signed in, no role          | -   | -   | -
        administrator               | -   | -   | -
        programme officer           | -   | -   | -
        programme officer of call 1 | -   | -   | -
        fund manager                | -   | -   | -
        centre staff of centre 1    | -   | -   | -
        reviewer                    | yes | yes | yes
        reviewer of call 1          | yes | yes | -
        focal point of TH           | -   | -   | -
        member of org 1             | -   | -   | -
        """)
    }
    @Test func pipeline() {
        Self.check(ProjectAccess.table, """
        // manage | record a lead | record centre 1's lead | see lead (org 1 partner) | see lead (org 1 beneficiary) | centre 1's lead | centre 2's lead | call 1's project before results | after | contribute | non-public documents | bids
        anonymous                   | -   | -   | -   | -   | -   | -   | -   | -   | yes | -   | -   | -
        signed in, no role          | -   | -   | -   | -   | -   | -   | -   | -   | yes | -   | -   | -
        administrator               | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
        programme officer           | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
        programme officer of call 1 | -   | -   | -   | -   | -   | -   | -   | yes | yes | -   | -   | -
        fund manager                | -   | -   | -   | yes | yes | yes | yes | yes | yes | -   | yes | yes
        centre staff of centre 1    | -   | -   | yes | -   | -   | yes | -   | -   | yes | -   | -   | -
        reviewer                    | -   | -   | -   | -   | -   | -   | -   | -   | yes | -   | -   | -
        reviewer of call 1          | -   | -   | -   | -   | -   | -   | -   | -   | yes | -   | -   | -
        focal point of TH           | -   | -   | -   | -   | -   | -   | -   | -   | yes | -   | -   | -
        member of org 1             | -   | -   | -   | yes | -   | -   | -   | -   | yes | yes | yes | -
        """)
    }
    @Test func fund() {
        Self.check(FundAccess.table, """
        // book money | record exchange rates | export the ledger
        anonymous                   | -   | -   | -
        signed in, no role          | -   | -   | -
        administrator               | -   | -   | yes
        programme officer           | -   | -   | yes
        programme officer of call 1 | -   | -   | -
        fund manager                | yes | yes | yes
        centre staff of centre 1    | -   | -   | -
        reviewer                    | -   | -   | -
        reviewer of call 1          | -   | -   | -
        focal point of TH           | -   | -   | -
        member of org 1             | -   | -   | -
        """)
    }
    @Test func centres() {
        Self.check(CentreAccess.table, """
        // manage | edit c1 | board c1 | organise c1 | organise c2 | draft c1 | register | unvalidated | validated | agenda
        anonymous                   | -   | -   | -   | -   | -   | -   | -   | -   | yes | -
        signed in, no role          | -   | -   | -   | -   | -   | -   | yes | -   | yes | -
        administrator               | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
        programme officer           | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
        programme officer of call 1 | -   | -   | -   | -   | -   | -   | yes | -   | yes | -
        fund manager                | -   | -   | -   | -   | -   | -   | yes | -   | yes | -
        centre staff of centre 1    | -   | yes | yes | yes | -   | yes | yes | yes | yes | yes
        reviewer                    | -   | -   | -   | -   | -   | -   | yes | -   | yes | -
        reviewer of call 1          | -   | -   | -   | -   | -   | -   | yes | -   | yes | -
        focal point of TH           | -   | -   | -   | -   | -   | -   | yes | -   | yes | -
        member of org 1             | -   | -   | -   | -   | -   | -   | yes | -   | yes | -
        """)
    }
}

/// The event list's SQL filter comes from `EventVisibility`; it must agree with the policy on every event.
@Suite struct EventVisibilityTests {
    @Test func theListPredicateAgreesWithThePolicyForEveryPersonAndEvent() {
        let centres: [UUID?] = [nil, AccessMatrix.Object.centre1, UUID()]
        for (name, principal) in AccessMatrix.principals {
            for centre in centres {
                for state in EventState.allCases {
                    let facts = EventAccessFacts(centre: centre, state: state)
                    #expect(CentreAccess.eventVisibility(for: principal).matches(facts) == CentreAccess.allows(principal, .seeEvent(facts)), "\(name): \(facts)")
                }
            }
        }
    }
}

/// The marketplace: a city's challenge is posted from its own country (or by the office and the
/// centres on its behalf); drafts stay with their organisation; conversations with the two sides.
@Suite struct MarketplaceAccessTests {
    @Test func marketplace() {
        AccessPolicyTests.check(MarketplaceAccess.table, """
        // post TH | post VN | solution | see draft | see published | edit | interest | read talk | write talk | follow up
        anonymous                   | -   | -   | -   | -   | yes | -   | -   | -   | - | -
        signed in, no role          | -   | -   | -   | -   | yes | -   | -   | -   | - | -
        administrator               | yes | yes | yes | yes | yes | yes | -   | yes | - | -
        programme officer           | yes | yes | yes | yes | yes | yes | -   | yes | - | -
        programme officer of call 1 | -   | -   | -   | -   | yes | -   | -   | -   | - | -
        fund manager                | -   | -   | -   | -   | yes | -   | -   | -   | - | -
        centre staff of centre 1    | yes | yes | -   | -   | yes | -   | -   | -   | - | -
        reviewer                    | -   | -   | -   | -   | yes | -   | -   | -   | - | -
        reviewer of call 1          | -   | -   | -   | -   | yes | -   | -   | -   | - | -
        focal point of TH           | -   | -   | -   | -   | yes | -   | -   | -   | - | -
        member of org 1             | yes | -   | yes | yes | yes | yes | yes | yes | yes | yes
        """)
    }
}

/// The lists' SQL filter comes from `ProjectVisibility`; it must agree with the policy on every project.
@Suite struct ProjectVisibilityTests {
    @Test func theListPredicateAgreesWithThePolicyForEveryPersonAndProject() {
        var random = SplitMix64(seed: 41)
        let organisations = [AccessMatrix.Object.organisation1, AccessMatrix.Object.organisation2, UUID()]
        let calls = [AccessMatrix.Object.call1, AccessMatrix.Object.call2]
        var checked = 0
        for _ in 0..<2_000 {
            let fromCall = random.next() % 2 == 0
            let call = calls[Int(random.next() % 2)]
            let state = CallState.allCases[Int(random.next() % UInt64(CallState.allCases.count))]
            let stage = ProjectStage.allCases[Int(random.next() % UInt64(ProjectStage.allCases.count))]
            let participants = (0..<Int(random.next() % 3)).map { _ in
                ProjectAccessFacts.Participation(organisation: organisations[Int(random.next() % 3)],
                                                 role: ProjectRole.allCases[Int(random.next() % UInt64(ProjectRole.allCases.count))])
            }
            let centres: [UUID?] = [nil, AccessMatrix.Object.centre1, UUID()]
            let facts = ProjectAccessFacts(callID: fromCall ? call : nil, callState: fromCall ? state : nil, stage: stage, participants: participants,
                                           centre: centres[Int(random.next() % 3)])
            for (name, principal) in AccessMatrix.principals {
                #expect(ProjectAccess.visibility(for: principal).matches(facts) == ProjectAccess.allows(principal, .see(facts)), "\(name): \(facts)")
                checked += 1
            }
        }
        #expect(checked == 22_000)
    }
}

/// The call and proposal lists' SQL filters agree with the policy.
@Suite struct CallVisibilityTests {
    @Test func theCallListPredicateAgreesWithThePolicy() {
        for (name, principal) in AccessMatrix.principals {
            for call in [AccessMatrix.Object.call1, AccessMatrix.Object.call2] {
                for state in CallState.allCases {
                    #expect(CallAccess.callVisibility(for: principal).matches(call, state) == CallAccess.allows(principal, .seeCall(call, state)), "\(name)")
                }
            }
        }
    }

    @Test func theProposalListPredicateAgreesWithThePolicy() {
        let organisations = [AccessMatrix.Object.organisation1, AccessMatrix.Object.organisation2]
        let countries = [AccessMatrix.Object.thailand, AccessMatrix.Object.vietnam]
        var checked = 0
        for (name, principal) in AccessMatrix.principals {
            for call in [AccessMatrix.Object.call1, AccessMatrix.Object.call2] {
                let visibility = CallAccess.proposalVisibility(for: principal, in: call)
                for state in ProposalState.allCases {
                    for organisation in organisations {
                        for country in countries {
                            for assigned in [false, true] {
                                let facts = ProposalFacts(state: state, organisation: organisation, country: country, call: call, assignedToCaller: assigned)
                                #expect(visibility.matches(facts) == CallAccess.allows(principal, .seeProposal(facts)), "\(name): \(facts)")
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 500)
    }
}
