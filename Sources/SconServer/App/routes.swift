import Vapor

/// Registers every route: the pages, `/api/v1`, and operations.
func routes(_ app: Application) throws {
    try app.register(collection: ShellController())
    try app.register(collection: DirectoryPagesController())
    try app.register(collection: AccountController())
    try app.register(collection: AdminController())
    try app.register(collection: CallPagesController())
    try app.register(collection: ReviewPagesController())
    try app.register(collection: FundPagesController())
    try app.register(collection: ProjectPagesController(maxAttachmentBytes: app.sconConfig.maxAttachmentKilobytes * 1024))
    try app.register(collection: ProposalPagesController(maxAttachmentBytes: app.sconConfig.maxAttachmentKilobytes * 1024))
    try app.register(collection: OperationsController())

    let api = app.grouped("api", "v1")
    try api.register(collection: DirectoryAPIController())
    try api.register(collection: AccountAPIController())
    try api.register(collection: CallAPIController())
    try api.register(collection: ProposalAPIController())
    try api.register(collection: ReviewAPIController())
    try api.register(collection: DecisionAPIController())
    try api.register(collection: AppealAPIController())
    try api.register(collection: ProjectAPIController())
    try api.register(collection: FundAPIController())
    try api.register(collection: PipelineAPIController(maxAttachmentBytes: app.sconConfig.maxAttachmentKilobytes * 1024))
    try api.register(collection: AttachmentAPIController(maxAttachmentBytes: app.sconConfig.maxAttachmentKilobytes * 1024))

    if app.sconConfig.benchCeiling {
        // The bare route the HTTP benchmark compares against (bench/http.sh).
        app.get("__ceiling") { _ async in "Hello, World!" }
    }
}
