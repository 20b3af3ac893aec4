import Foundation

/// Why a lead cannot become a draft proposal now (409). A call that is not open for drafting
/// is the open call's own refusal (`ProposalRules.draftingRefusal`).
public enum LeadRefusal: Refusal, Hashable {
    /// The lead became a draft proposal already; it becomes one once.
    case alreadyProposed
    /// The lead's organisation is no longer in the directory: a proposal is an organisation's.
    case noOrganisation
    /// The lead's project left the lead stage (moved on in the pipeline, or dropped).
    case pastLeadStage(ProjectStage)

    public var key: String {
        switch self {
        case .alreadyProposed: "lead.alreadyProposed"
        case .noOrganisation: "lead.noOrganisation"
        case .pastLeadStage: "lead.pastLeadStage"
        }
    }

    public var values: [String: RefusalValue] {
        switch self {
        case .pastLeadStage(let stage): ["stage": .key("stage.\(stage.rawValue)")]
        default: [:]
        }
    }

    public var description: String {
        switch self {
        case .alreadyProposed: "the lead became a draft proposal already."
        case .noOrganisation: "the lead has no organisation in the directory; a proposal is written for an organisation."
        case .pastLeadStage(let stage): "the lead is past the lead stage (it is \(stage.rawValue)); only a lead becomes a draft proposal."
        }
    }
}

/// A lead becoming a draft proposal of an open call: what the lead knows (title, city, support
/// type, description, sectors) fills the draft; the budget estimate is asked for (a draft needs
/// one); the problem statement is written in the language the lead was described in; the
/// objectives and the counterpart are the organisation's to write before it submits.
public enum LeadProposal {
    /// What the lead knows.
    public struct Lead: Sendable, Hashable {
        public var title: String
        public var city: UUID
        public var supportType: SupportType
        public var descriptionEn: String
        public var descriptionKo: String

        public init(title: String, city: UUID, supportType: SupportType, descriptionEn: String, descriptionKo: String) {
            self.title = title; self.city = city; self.supportType = supportType
            self.descriptionEn = descriptionEn; self.descriptionKo = descriptionKo
        }

        /// English unless the lead was described in Korean only.
        public var language: Language {
            descriptionEn.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !descriptionKo.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? .ko : .en
        }
    }

    /// Whether the lead may become a draft proposal: once, while its project is at the lead
    /// stage (not moved on in the pipeline, not dropped), and only with its organisation.
    public static func refusal(proposal: UUID?, stage: ProjectStage, organisationKnown: Bool) -> LeadRefusal? {
        if proposal != nil { return .alreadyProposed }
        if stage != .lead { return .pastLeadStage(stage) }
        if !organisationKnown { return .noOrganisation }
        return nil
    }

    /// The draft as the open call validates it. `sectors` is the line naming the lead's sectors
    /// in the draft's language (empty when it has none); it follows the description.
    public static func draft(_ lead: Lead, sectors: String, budget: Int?) -> ProposalDraft {
        let language = lead.language
        let description = (language == .ko ? lead.descriptionKo : lead.descriptionEn).trimmingCharacters(in: .whitespacesAndNewlines)
        let problem = [description, sectors].filter { !$0.isEmpty }.joined(separator: "\n\n")
        return ProposalDraft(cityID: lead.city, title: lead.title, problem: problem, objectives: "", supportType: lead.supportType.rawValue,
                             budget: budget, counterpart: "", language: language.rawValue)
    }
}
