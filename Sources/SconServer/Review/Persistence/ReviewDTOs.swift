import Foundation
import SconDomain
import Vapor

struct ReviewerProfileDTO: JSONWritable {
    let profile: ReviewerProfile

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("sectors", profile.sectors.map(\.rawValue))
            $0.field("countries", profile.countries.map(\.value))
            $0.field("languages", profile.languages.map(\.rawValue))
            $0.field("capacity", profile.capacity)
            $0.field("available", profile.available)
            $0.field("unavailable", profile.unavailable.map(\.description))
        }
    }
}

struct PoolReviewerDTO: JSONWritable {
    let reviewer: PoolReviewer
    let name: String
    let assigned: Int

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", reviewer.id)
            $0.field("name", name)
            $0.field("profile", ReviewerProfileDTO(profile: reviewer.profile))
            $0.field("assigned", assigned)
        }
    }
}

struct ConflictLineDTO: JSONWritable {
    let line: ReviewerStore.ConflictLine

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("proposal", line.proposal.storedID)
            $0.field("code", line.proposal.code)
            $0.field("title", line.proposal.title)
            $0.field("country", line.proposal.countryCode)
            $0.field("organisation", line.organisationName)
            $0.field("declared", line.declared)
            $0.field("derived", line.derived?.rawValue)
        }
    }
}

struct AssignmentDTO: JSONWritable {
    let objective: Int?
    let optimal: Bool?
    var fairness: FairnessReport? = nil
    var reviewsDue: String? = nil
    let rows: [ReviewAssignment]

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("objective", objective)
            $0.key("optimal")
            if let optimal { $0.bool(optimal) } else { $0.null() }
            $0.field("reviewsDue", reviewsDue)
            if let fairness {
                $0.key("fairness")
                $0.object {
                    $0.field("weakest", fairness.weakest)
                    $0.field("weakestBound", fairness.weakestBound)
                    $0.field("proven", fairness.proven)
                    $0.field("totalBound", fairness.totalBound)
                    $0.field("totalProven", fairness.totalProven)
                }
            }
            $0.key("pairs")
            $0.array(rows) { writer, row in
                writer.object {
                    $0.field("proposal", row.proposalID)
                    $0.field("reviewer", row.reviewerID)
                    $0.field("status", row.status)
                    $0.field("pinned", row.pinned)
                    $0.field("affinity", row.affinity)
                }
            }
        }
    }
}

struct StandingDTO: JSONWritable {
    let standing: ProposalStanding

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("proposal", standing.proposal)
            $0.field("reviews", standing.reviewCount)
            $0.field("rawMean", standing.rawMean)
            $0.field("normalizedScore", standing.normalizedScore)
            $0.field("spread", standing.spread)
            $0.field("needsConsensus", standing.needsConsensus)
        }
    }
}

/// A reviewer's own review of one assigned proposal; never another reviewer's.
struct ReviewDTO: JSONWritable {
    let item: ReviewStore.Item

    init(_ item: ReviewStore.Item) { self.item = item }

    func writeJSON(to writer: inout JSONWriter) {
        let review = item.review
        writer.object {
            $0.field("proposal", item.proposal.storedID)
            $0.field("callId", item.proposal.callID)
            $0.field("code", item.proposal.code)
            $0.field("title", item.proposal.title)
            $0.field("state", review?.state ?? "pending")
            $0.key("scores")
            $0.object { writer in
                for (key, score) in item.scores.sorted(by: { $0.key < $1.key }) {
                    writer.key(escaping: key)
                    writer.int(score)
                }
            }
            $0.field("comment", review?.comment ?? "")
            $0.field("note", review?.privateNote ?? "")
            $0.field("total", review?.total)
            $0.field("submittedAt", review?.submittedAt.map(AuditChain.timestamp))
        }
    }
}
