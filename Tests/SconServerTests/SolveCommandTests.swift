import Foundation
import Testing
@testable import SconServer

@Suite struct SolveCommandTests {
    @Test func answersTheDocumentedShape() throws {
        let input = """
        {"reviewsPerProposal": 1, "proposals": ["p1", "p2"],
         "reviewers": [{"id": "r1", "capacity": 1}, {"id": "r2", "capacity": 1}],
         "affinity": [{"proposal": "p1", "reviewer": "r1", "score": 870}, {"proposal": "p2", "reviewer": "r1", "score": 900},
                      {"proposal": "p2", "reviewer": "r2", "score": 100}],
         "conflicts": [{"proposal": "p1", "reviewer": "r2"}]}
        """
        let output = String(decoding: try AssignmentCommandLine.solve(Data(input.utf8)), as: UTF8.self)
        // p1 can only have r1, so p2 takes r2 although it likes r1 more.
        #expect(output == #"{"assignments":[{"proposal":"p1","reviewer":"r1"},{"proposal":"p2","reviewer":"r2"}],"objective":970}"# + "\n")
    }

    @Test func namesWhyThereIsNoAnswer() {
        let cases = [
            ("not json", "not an assignment instance"),
            (#"{"proposals": ["p1"], "reviewers": []}"#, "missing reviewsPerProposal"),
            (#"{"reviewsPerProposal": 2, "proposals": ["p1"], "reviewers": [{"id": "r1", "capacity": 1}]}"#,
             "the proposals need 2 reviews but the reviewers can take only 1"),
        ]
        for (input, message) in cases {
            do {
                _ = try AssignmentCommandLine.solve(Data(input.utf8))
                Issue.record("answered \(input)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }
}
