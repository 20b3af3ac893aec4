import Foundation
import Vapor

/// The frame of every page: the language switch, the assets.
enum ShellURL: SiteRoute {
    case language(Parameter<String>)
    case stylesheet
    case mapImage
    /// A signed-in person's home: what is due, what they own, what they can do next.
    case home

    var pathComponents: [PathComponent] {
        switch self {
        case .language(let code): return ["language", Self.segment(.code, code)]
        case .stylesheet: return ["assets", "kscon.css"]
        case .mapImage: return ["assets", "asean-korea-map.svg"]
        case .home: return ["home"]
        }
    }
}
