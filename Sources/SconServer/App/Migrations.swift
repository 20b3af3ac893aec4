import Fluent

/// Every migration, in order. Folders are numbered by release (after SwiftPackageIndex-Server).
enum SconMigrations {
    static let all: [any Migration] = [
        // 001: the foundation — directory and accounts
        CreateCountry(),
        CreateCity(),
        CreateOrganisation(),
        CreatePerson(),
        CreateUser(),
        CreateRoleGrant(),
        CreateAPIToken(),
        CreateUserSession(),
        CreateSignInAttempt(),
        // 002: the open call
        CreateCall(),
        CreateAuditRecord(),
        CreateProposal(),
        CreateEndorsement(),
        CreateAttachment(),
        CreateReviewTables(),
        CreateCallDecision(),
        AddCallPublishedAt(),
        CreateAppeal(),
        CreateProject(),
        // 003: reviewer availability and the review period
        AddReviewPeriods(),
        // 004: the fund and its ledger
        CreateFundTables(),
        // 005: the project pipeline
        CreatePipelineTables(),
    ]
}
