import Foundation
import Vapor

/// The frame of every page: the language switch, the assets.
enum ShellURL: SiteRoute {
    case language(Parameter<String>)
    case area(Area)
    case stylesheet
    case mapImage

    /// The parts of the platform whose own issues are still open; each has a page saying so.
    enum Area: String, Sendable, CaseIterable {
        case marketplace, centres, training
    }

    var pathComponents: [PathComponent] {
        switch self {
        case .language(let code): return ["language", Self.segment(.code, code)]
        case .area(let area): return [.constant(area.rawValue)]
        case .stylesheet: return ["assets", "kscon.css"]
        case .mapImage: return ["assets", "asean-korea-map.svg"]
        }
    }
}
