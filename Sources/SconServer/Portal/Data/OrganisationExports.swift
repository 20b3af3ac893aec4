import Fluent
import Foundation
import SconDomain

/// The organisations directory as open data: the exact view of `/organisations` with the same
/// filter (type, country, sector, search words), read through the Directory's own query.
extension PortalExports {
    func organisations(_ filter: OrganisationFilter) async throws -> [OrganisationDTO] {
        var all: [OrganisationDTO] = []
        var page = PageQuery(limit: 500)
        repeat {
            let found = try await OrganisationQuery(rows: RowQuery(db: db)).page(filter, page)
            all += found.items
            page.cursor = found.nextCursor
        } while page.cursor != nil
        return all
    }

    func organisationsCSV(_ filter: OrganisationFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.organisations.columns)
        for organisation in try await organisations(filter) {
            csv.append(row: [UUIDText.string(organisation.id), organisation.name.en, organisation.name.ko, organisation.acronym ?? "", organisation.type,
                             organisation.country, organisation.sectors.joined(separator: " "), organisation.website ?? "",
                             organisation.sample ? "true" : "false", organisation.source ?? "",
                             baseURL + DirectoryURL.organisation(.value(organisation.id)).path])
        }
        return csv.output
    }

    func organisationsJSON(_ filter: OrganisationFilter) async throws -> String {
        let rows = try await organisations(filter)
        var writer = JSONWriter()
        writer.object {
            $0.key("items")
            $0.array(rows) { writer, organisation in
                writer.object {
                    $0.field("id", organisation.id)
                    $0.field("name", organisation.name)
                    $0.field("acronym", organisation.acronym)
                    $0.field("type", organisation.type)
                    $0.field("country", organisation.country)
                    $0.field("sectors", organisation.sectors)
                    $0.field("website", organisation.website)
                    $0.field("sample", organisation.sample)
                    $0.field("source", organisation.source)
                    $0.field("url", baseURL + DirectoryURL.organisation(.value(organisation.id)).path)
                }
            }
            $0.key("nextCursor"); $0.null()
        }
        return writer.text
    }
}
