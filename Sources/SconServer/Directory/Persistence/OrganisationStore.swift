import Fluent
import SconDomain
import SQLKit
import Vapor

/// Writes organisations: checks who may (SconDomain.Principal), applies the rules
/// (SconDomain.OrganisationDraft), then stores. Used by the API and the pages alike.
struct OrganisationStore: Sendable {
    let db: any Database

    func create(_ draft: OrganisationDraft, by principal: Principal) async throws -> OrganisationDTO {
        try principal.require(DirectoryAccess.allows(principal, .createOrganisation), "create organisations")
        let fields = try draft.validated(knownCountries: try await CountryQuery(db: db).codes())
        let model = Organisation()
        model.apply(fields)
        model.sample = false
        try await model.create(on: db)
        return try OrganisationDTO(model)
    }

    func update(_ id: UUID, by principal: Principal, change: (OrganisationDraft) -> OrganisationDraft) async throws -> OrganisationDTO {
        guard let model = try await Organisation.find(id, on: db) else { throw DomainError.notFound("organisation") }
        try principal.require(DirectoryAccess.allows(principal, .editOrganisation(id)), "edit this organisation")
        let fields = try change(OrganisationDraft(model.fields)).validated(knownCountries: try await CountryQuery(db: db).codes())
        model.apply(fields)
        try await model.update(on: db)
        return try OrganisationDTO(model)
    }
}

/// Writes cities; only the programme office may.
struct CityStore: Sendable {
    let db: any Database

    func create(_ draft: CityDraft, by principal: Principal) async throws -> CityDTO {
        try principal.require(DirectoryAccess.allows(principal, .editCities), "add cities")
        let fields = try draft.validated(knownCountries: try await CountryQuery(db: db).codes())
        let model = City()
        model.apply(fields)
        model.sample = false
        model.source = "Added on K-SCON"
        try await model.create(on: db)
        return try CityDTO(model)
    }

    func update(_ id: UUID, by principal: Principal, change: (CityDraft) -> CityDraft) async throws -> CityDTO {
        guard let model = try await City.find(id, on: db) else { throw DomainError.notFound("city") }
        try principal.require(DirectoryAccess.allows(principal, .editCities), "edit cities")
        let fields = try change(CityDraft(model.fields)).validated(knownCountries: try await CountryQuery(db: db).codes())
        model.apply(fields)
        try await model.update(on: db)
        return try CityDTO(model)
    }
}

/// Writes the contact people of an organisation; its members and the programme office may.
struct PersonStore: Sendable {
    let db: any Database

    func create(in organisationID: UUID, _ draft: PersonDraft, by principal: Principal) async throws -> PersonDTO {
        guard try await Organisation.find(organisationID, on: db) != nil else { throw DomainError.notFound("organisation") }
        try principal.require(DirectoryAccess.allows(principal, .editOrganisation(organisationID)), "edit this organisation's contacts")
        let fields = try draft.validated()
        let model = Person()
        model.organisationID = organisationID
        model.sample = false
        model.apply(fields)
        try await model.create(on: db)
        return try PersonDTO(model, showContactDetails: true)
    }

    func update(_ id: UUID, by principal: Principal, change: (PersonDraft) -> PersonDraft) async throws -> PersonDTO {
        let model = try await editable(id, by: principal)
        model.apply(try change(PersonDraft(model.fields)).validated())
        try await model.update(on: db)
        return try PersonDTO(model, showContactDetails: true)
    }

    /// Deletes the person; returns the organisation it belonged to.
    @discardableResult
    func delete(_ id: UUID, by principal: Principal) async throws -> UUID {
        let model = try await editable(id, by: principal)
        try await model.delete(on: db)
        return model.organisationID
    }

    private func editable(_ id: UUID, by principal: Principal) async throws -> Person {
        guard let model = try await Person.find(id, on: db) else { throw DomainError.notFound("person") }
        try principal.require(DirectoryAccess.allows(principal, .editOrganisation(model.organisationID)), "edit this organisation's contacts")
        return model
    }
}
