import Fluent
import Foundation
import SconDomain
import Vapor

/// The project pipeline: from selection or a lead through the study, F/S and financing to the
/// main project.
struct PipelineContext: SconContext {
    let name = "Pipeline"

    var migrations: [any Migration] { [CreateProject(), CreatePipelineTables(), UpdatePipelineAddIndexes()] }

    func register(_ routes: ContextRoutes) throws {
        let maxAttachmentBytes = routes.config.maxAttachmentKilobytes * 1024
        try routes.app.register(collection: ProjectPagesController(maxAttachmentBytes: maxAttachmentBytes))
        try routes.app.register(collection: ProjectAPIController())
        try routes.app.register(collection: PipelineAPIController(maxAttachmentBytes: maxAttachmentBytes))
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 50, label: "nav.projects", route: ProjectURL.projects)]
    }

    var strings: StringTable { Self.table }
}
