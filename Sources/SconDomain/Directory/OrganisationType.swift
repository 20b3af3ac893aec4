/// The kinds of organisation the directory knows (DESIGN.md, Directory).
public enum OrganisationType: String, Sendable, CaseIterable, Codable, Hashable {
    case ministry
    case localGovernment = "local-government"
    case publicInstitution = "public-institution"
    case company
    case internationalOrganisation = "international-organisation"
    case financier
    case researchInstitute = "research-institute"
    case university
}
