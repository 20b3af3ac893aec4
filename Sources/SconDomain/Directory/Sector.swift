/// The sector taxonomy shared by organisations, challenges, solutions and projects.
/// The first four are the fields PROGRAMME.md names as already worked on.
public enum Sector: String, Sendable, CaseIterable, Codable, Hashable {
    case urbanDevelopment = "urban-development"
    case safety
    case transport
    case water
    case energy
    case environment
    case housing
    case governance
    case health
    case digital

    /// Sectors stored in one text column as `,a,b,` so that `LIKE '%,b,%'` filters them
    /// identically on SQLite and PostgreSQL.
    public static func storageText(_ sectors: [Sector]) -> String {
        sectors.isEmpty ? "" : "," + sectors.map(\.rawValue).joined(separator: ",") + ","
    }

    public static func fromStorage(_ text: String) -> [Sector] {
        text.split(separator: ",").compactMap { Sector(rawValue: String($0)) }
    }
}
