/// Missing or inconsistent data that a project should not carry into the next stage. A flag is
/// red until the data is fixed, or until someone writes why it is acceptable ("justified").
public enum ReadinessFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// No participant holds the lead role.
    case noLead = "no-lead"
    /// The description is missing in Korean or in English.
    case noDescription = "no-description"
    case noSectors = "no-sectors"
    /// From the study on, the project plans its work in milestones.
    case noMilestones = "no-milestones"
    /// A milestone's planned day has passed without an actual day.
    case lateMilestone = "late-milestone"
    /// A milestone's actual day is before the project's first planned day (a typing error, usually).
    case milestoneBeforeStart = "milestone-before-start"
    /// From the feasibility study on, the results framework has at least one indicator.
    case noIndicators = "no-indicators"
}

/// What the readiness check looks at.
public struct ReadinessInput: Sendable, Hashable {
    public struct Milestone: Sendable, Hashable {
        public var planned: CalendarDay
        public var actual: CalendarDay?
        public init(planned: CalendarDay, actual: CalendarDay?) { self.planned = planned; self.actual = actual }
    }

    public var stage: ProjectStage
    public var roles: [ProjectRole]
    public var description: LocalizedText
    public var sectors: [Sector]
    public var milestones: [Milestone]
    public var indicators: Int
    public var today: CalendarDay

    public init(stage: ProjectStage, roles: [ProjectRole], description: LocalizedText, sectors: [Sector], milestones: [Milestone],
                indicators: Int, today: CalendarDay) {
        self.stage = stage; self.roles = roles; self.description = description; self.sectors = sectors
        self.milestones = milestones; self.indicators = indicators; self.today = today
    }
}

public enum Readiness {
    /// The flags that apply to the project now, in a stable order.
    public static func flags(_ input: ReadinessInput) -> [ReadinessFlag] {
        let position = ProjectStage.way.firstIndex(of: input.stage) ?? 0
        func from(_ stage: ProjectStage) -> Bool { position >= ProjectStage.way.firstIndex(of: stage)! }
        var flags: [ReadinessFlag] = []
        if !input.roles.contains(.lead) { flags.append(.noLead) }
        if input.description.en.trimmingCharacters(in: .whitespaces).isEmpty || input.description.ko.trimmingCharacters(in: .whitespaces).isEmpty {
            flags.append(.noDescription)
        }
        if input.sectors.isEmpty { flags.append(.noSectors) }
        if from(.studyInProgress) && input.milestones.isEmpty { flags.append(.noMilestones) }
        if input.milestones.contains(where: { $0.actual == nil && $0.planned < input.today }) { flags.append(.lateMilestone) }
        if let start = input.milestones.map(\.planned).min(), input.milestones.contains(where: { ($0.actual ?? start) < start }) {
            flags.append(.milestoneBeforeStart)
        }
        if from(.feasibilityStudy) && input.indicators == 0 { flags.append(.noIndicators) }
        return flags
    }
}
