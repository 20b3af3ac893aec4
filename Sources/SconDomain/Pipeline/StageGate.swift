import Foundation

/// The kinds of deliverable a project's stage gates look for.
public enum DeliverableKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The master plan or pre-feasibility study report the support pays for.
    case studyReport = "study-report"
    /// The feasibility study of the main project.
    case feasibilityReport = "feasibility-report"
    case termsOfReference = "terms-of-reference"
    case other
}

/// What the stage gates need to know about a project.
public struct ProjectFacts: Sendable, Hashable {
    public var tenderAwarded: Bool
    /// Deliverable kinds with an approved version.
    public var approved: Set<DeliverableKind>
    /// Readiness flags that are red (not justified).
    public var openFlags: [ReadinessFlag]
    /// Commitments less cancellations, KRW.
    public var committedKRW: Int
    public var milestones: Int
    /// Milestones without an actual date.
    public var openMilestones: Int

    /// The kinds a gate may count: a deliverable whose *latest* version is approved (a newer
    /// draft reopens the question). `versions` are (number, approved) per deliverable.
    public static func approvedKinds(_ deliverables: [(kind: DeliverableKind, versions: [(number: Int, approved: Bool)])]) -> Set<DeliverableKind> {
        Set(deliverables.compactMap { line in line.versions.max { $0.number < $1.number }.flatMap { $0.approved ? line.kind : nil } })
    }

    public init(tenderAwarded: Bool = false, approved: Set<DeliverableKind> = [], openFlags: [ReadinessFlag] = [], committedKRW: Int = 0,
                milestones: Int = 0, openMilestones: Int = 0) {
        self.tenderAwarded = tenderAwarded; self.approved = approved; self.openFlags = openFlags
        self.committedKRW = committedKRW; self.milestones = milestones; self.openMilestones = openMilestones
    }
}

/// Why a project cannot move to a stage; the pages show it next to the stage.
public enum StageRefusal: Refusal, Hashable {
    case notNext(from: ProjectStage, to: ProjectStage)
    case finished(ProjectStage)
    case needsAward
    case needsApproved(DeliverableKind)
    case openFlags([ReadinessFlag])
    case needsCommitment
    case needsMilestones
    case openMilestones(Int)
    case reasonRequired

    public var key: String {
        switch self {
        case .notNext: "stage.notNext"
        case .finished: "stage.finished"
        case .needsAward: "stage.needsAward"
        case .needsApproved(let kind): "stage.needsApproved.\(kind.rawValue)"
        case .openFlags: "stage.openFlags"
        case .needsCommitment: "stage.needsCommitment"
        case .needsMilestones: "stage.needsMilestones"
        case .openMilestones: "stage.openMilestones"
        case .reasonRequired: "stage.reasonRequired"
        }
    }

    public var values: [String: RefusalValue] {
        switch self {
        case .notNext(let from, let to): ["from": .key("stage.\(from.rawValue)"), "to": .key("stage.\(to.rawValue)")]
        case .finished(let stage): ["stage": .key("stage.\(stage.rawValue)")]
        case .openFlags(let flags): ["flags": .keys(flags.map { "readiness.\($0.rawValue)" })]
        case .openMilestones(let count): ["count": .text(String(count))]
        default: [:]
        }
    }

    public var description: String {
        switch self {
        case .notNext(let from, let to): "a project moves one stage at a time: from \(from.rawValue) the next stage is not \(to.rawValue)."
        case .finished(let stage): "a \(stage.rawValue) project does not move."
        case .needsAward: "the study starts when the tender for the consultancy is awarded."
        case .needsApproved(let kind): "this stage needs an approved \(kind.rawValue.replacingOccurrences(of: "-", with: " "))."
        case .openFlags(let flags): "readiness flags are open (red): \(flags.map(\.rawValue).joined(separator: ", ")); fix them or justify them."
        case .needsCommitment: "implementation starts when the fund has committed money to the project."
        case .needsMilestones: "a project completes when it has milestones, all with their actual dates."
        case .openMilestones(let count): "\(count) milestone(s) have no actual date yet."
        case .reasonRequired: "a project is dropped with a reason (10 to 2,000 characters)."
        }
    }
}

/// The stage gates (PROGRAMME.md: a study must lead to a main project): a project moves one
/// stage forward at a time, each gate checked here, or is dropped with a reason.
public enum StageGate {
    /// The stage after this one on the way, if any.
    public static func next(after stage: ProjectStage) -> ProjectStage? {
        guard let index = ProjectStage.way.firstIndex(of: stage), index + 1 < ProjectStage.way.count else { return nil }
        return ProjectStage.way[index + 1]
    }

    /// Nil when the move is allowed, else why not.
    public static func refusal(from: ProjectStage, to: ProjectStage, facts: ProjectFacts, reason: String?) -> StageRefusal? {
        if from == .completed || from == .dropped { return .finished(from) }
        if to == .dropped {
            let count = reason?.trimmingCharacters(in: .whitespacesAndNewlines).count ?? 0
            return (10...2_000).contains(count) ? nil : .reasonRequired
        }
        guard next(after: from) == to else { return .notNext(from: from, to: to) }
        switch to {
        case .studyInProgress:
            return facts.tenderAwarded ? nil : .needsAward
        case .studyCompleted:
            return facts.approved.contains(.studyReport) ? nil : .needsApproved(.studyReport)
        case .feasibilityStudy:
            return facts.openFlags.isEmpty ? nil : .openFlags(facts.openFlags)
        case .financing:
            if !facts.approved.contains(.studyReport) { return .needsApproved(.studyReport) }
            if !facts.approved.contains(.feasibilityReport) { return .needsApproved(.feasibilityReport) }
            return facts.openFlags.isEmpty ? nil : .openFlags(facts.openFlags)
        case .implementation:
            return facts.committedKRW > 0 ? nil : .needsCommitment
        case .completed:
            if facts.milestones == 0 { return .needsMilestones }
            return facts.openMilestones == 0 ? nil : .openMilestones(facts.openMilestones)
        default:
            return nil
        }
    }
}
