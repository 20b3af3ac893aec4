@testable import SconDomain

/// Every feasible assignment of a small instance, by enumerating each proposal's reviewer
/// sets in turn: `visit` gets each proposal's total affinity and each reviewer's load. The
/// reference the solvers are tested against.
enum BruteForceAssignments {
    static func enumerate(_ instance: AssignmentInstance, visit: (_ totals: [Int], _ load: [Int]) -> Void) {
        let k = instance.reviewsPerProposal
        let reviewerIDs = instance.reviewers.map(\.id)
        var score: [String: Int] = [:]
        for entry in instance.affinity { score["\(entry.proposal)|\(entry.reviewer)"] = entry.score }
        let conflicts = Set(instance.conflicts.map { "\($0.proposal)|\($0.reviewer)" })
        let pinned = Set(instance.pinned.map { "\($0.proposal)|\($0.reviewer)" })
        var load = [Int](repeating: 0, count: reviewerIDs.count)
        var totals: [Int] = []

        func assign(_ proposalIndex: Int) {
            guard proposalIndex < instance.proposals.count else { return visit(totals, load) }
            let proposal = instance.proposals[proposalIndex]
            func choose(_ from: Int, _ chosen: [Int], _ subtotal: Int) {
                if chosen.count == k {
                    let pins = reviewerIDs.indices.filter { pinned.contains("\(proposal)|\(reviewerIDs[$0])") }
                    guard pins.allSatisfy(chosen.contains) else { return }
                    totals.append(subtotal)
                    assign(proposalIndex + 1)
                    totals.removeLast()
                    return
                }
                guard from < reviewerIDs.count else { return }
                let key = "\(proposal)|\(reviewerIDs[from])"
                if !conflicts.contains(key), load[from] < instance.reviewers[from].capacity {
                    load[from] += 1
                    choose(from + 1, chosen + [from], subtotal + (score[key] ?? 0))
                    load[from] -= 1
                }
                choose(from + 1, chosen, subtotal)
            }
            choose(0, [], 0)
        }
        assign(0)
    }
}
