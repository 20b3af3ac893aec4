import Fluent

/// The pipeline's foreign keys that the dossier, the project lists and "my projects" filter on.
struct UpdatePipelineAddIndexes: AsyncMigration {
    static let indexes = [
        IndexSpec("project_participants_organisation", on: "project_participants", "organisation_id"),
        IndexSpec("deliverables_project", on: "deliverables", "project_id"),
        IndexSpec("milestones_project", on: "milestones", "project_id"),
        IndexSpec("indicators_project", on: "indicators", "project_id"),
        IndexSpec("indicator_periods_indicator", on: "indicator_periods", "indicator_id"),
        IndexSpec("projects_call", on: "projects", "call_id"),
        IndexSpec("projects_organisation", on: "projects", "organisation_id"),
        IndexSpec("projects_code", on: "projects", "stage", "code"),
    ]

    func prepare(on database: any Database) async throws {
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
    }
}
