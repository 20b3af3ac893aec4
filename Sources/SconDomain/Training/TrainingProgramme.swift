import Foundation

/// What a training programme is about (docs/training.md, "Programmes").
public enum TrainingTopic: String, Sendable, Hashable, Codable, CaseIterable {
    case smartCityPlanning = "smart-city-planning"
    case ict
    case water
    case transport
    case safety
    case energy
    case urbanDevelopment = "urban-development"
}

/// Where a programme is taught.
public enum TrainingFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case inKorea = "in-korea"
    case online
    case hybrid
}

/// The languages a programme is taught in.
public enum InstructionLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case en, ko
}
