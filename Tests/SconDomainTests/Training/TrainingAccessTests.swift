import Foundation
import Testing
@testable import SconDomain

/// Who may do what in invitation training, as a table (docs/access.md).
@Suite struct TrainingAccessTests {
    @Test func table() {
        AccessPolicyTests.check(TrainingAccess.table, """
        // run | apply | read app of org 1 (TH) | nominate for org 1 | rank TH | read its action plan | rank VN | see a non-opted-in alumnus
        anonymous                   | -   | -   | -   | -   | -   | -   | -   | -
        signed in, no role          | -   | yes | -   | -   | -   | -   | -   | -
        administrator               | yes | yes | yes | -   | -   | yes | -   | yes
        programme officer           | yes | yes | yes | -   | -   | yes | -   | yes
        programme officer of call 1 | -   | yes | -   | -   | -   | -   | -   | -
        fund manager                | -   | yes | -   | -   | -   | -   | -   | -
        centre staff of centre 1    | -   | yes | -   | -   | -   | -   | -   | -
        reviewer                    | -   | yes | -   | -   | -   | -   | -   | -
        reviewer of call 1          | -   | yes | -   | -   | -   | -   | -   | -
        focal point of TH           | -   | yes | yes | -   | yes | yes | -   | -
        member of org 1             | -   | yes | yes | yes | -   | -   | -   | -
        """)
    }

    @Test func theApplicantReadsTheirOwnApplicationAndAnOptedInAlumnusIsSeenByAll() {
        let applicant = UUID()
        let facts = TraineeApplicationFacts(applicant: applicant, organisation: UUID(), country: CountryCode("KH")!)
        let me = Principal(userID: applicant, grants: [])
        #expect(TrainingAccess.allows(me, .readApplication(facts)))
        #expect(TrainingAccess.allows(me, .actAsApplicant(facts)))
        #expect(!TrainingAccess.allows(Principal(userID: UUID(), grants: []), .readApplication(facts)))
        #expect(TrainingAccess.allows(.anonymous, .seeAlumnus(optedIn: true, user: applicant)))
        #expect(TrainingAccess.allows(me, .seeAlumnus(optedIn: false, user: applicant)))
    }
}

@Suite struct AlumniVisibilityTests {
    @Test func theListPredicateAgreesWithThePolicy() {
        let someone = UUID()
        for (_, principal) in AccessMatrix.principals {
            let visibility = TrainingAccess.alumniVisibility(for: principal)
            for optedIn in [true, false] {
                for user in [someone, principal.userID, nil] {
                    #expect(visibility.includes(optedIn: optedIn, user: user) == TrainingAccess.allows(principal, .seeAlumnus(optedIn: optedIn, user: user)))
                }
            }
        }
    }
}
