/// The contexts of the platform, listed once. Their order is the order of their migrations
/// and of their demo data (a context comes after those it refers to).
enum SconContexts {
    static let all: [any SconContext] = [
        ShellContext(),
        DirectoryContext(),
        AccountsContext(),
        AuditContext(),
        OpenCallContext(),
        ReviewContext(),
        PipelineContext(),
        FundContext(),
        OpenDataContext(),
        AgreementsContext(),
        PortalContext(),
        OperationsContext(),
        TrainingContext(),
        SearchContext(),
        MarketplaceContext(),
        CentresContext(),
        NoticesContext(),
    ]
}
