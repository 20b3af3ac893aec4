import Foundation
import SconDomain

extension JSONWriter {
    mutating func field(_ key: StaticString, _ value: LocalizedText?) {
        if let value { field(key, value) } else { self.key(key); null() }
    }
}

/// An agreement as the API reads it.
struct AgreementDTO: JSONWritable {
    let record: AgreementRecord

    func writeJSON(to writer: inout JSONWriter) {
        let agreement = record.agreement
        writer.object {
            $0.field("id", agreement.storedID)
            $0.field("code", agreement.code)
            $0.field("kind", record.kind.rawValue)
            $0.field("level", record.level.rawValue)
            $0.field("title", agreement.title)
            $0.field("signedOn", record.signedOn?.description)
            $0.field("place", agreement.place)
            $0.field("sectors", record.sectors.map(\.rawValue))
            $0.field("expiresOn", record.expiresOn?.description)
            $0.field("obligations", agreement.obligations)
            $0.field("public", agreement.isPublic)
            $0.field("dormant", record.dormant)
            $0.field("lastActivity", record.lastActivity?.description)
            $0.field("source", agreement.source)
            $0.field("sample", agreement.sample)
            $0.key("parties")
            $0.array(record.parties) { writer, party in
                writer.object {
                    $0.field("id", party.id)
                    $0.field("organisationId", party.organisation.map(UUIDText.string))
                    $0.field("organisationName", party.organisationName)
                    $0.field("country", party.country)
                    $0.field("description", party.name)
                    $0.field("disclosed", party.disclosed)
                    $0.field("signatoryTitle", party.signatoryTitle)
                    $0.field("status", party.status?.rawValue)
                    $0.key("timeline")
                    $0.array(party.timeline) { writer, action in
                        writer.object {
                            $0.field("status", action.status.rawValue)
                            $0.field("date", action.date?.description)
                            $0.field("note", action.note)
                        }
                    }
                }
            }
            $0.key("links")
            $0.array(record.links) { writer, link in
                writer.object { $0.field("kind", link.kind.rawValue); $0.field("id", link.id) }
            }
            $0.key("milestones")
            $0.array(record.milestones) { writer, milestone in
                writer.object {
                    $0.field("id", milestone.id)
                    $0.field("title", milestone.title)
                    $0.field("dueOn", milestone.dueOn.description)
                    $0.field("doneOn", milestone.doneOn?.description)
                    $0.field("overdue", milestone.overdue)
                }
            }
            $0.key("document")
            if let document = record.document {
                $0.object {
                    $0.field("filename", document.filename)
                    $0.field("size", document.size)
                    $0.field("sha256", document.sha256)
                    $0.field("href", AgreementsAPI.document(.value(record.id)).path)
                }
            } else {
                $0.null()
            }
        }
    }
}

/// An outcome record as the API reads it, with how it stands on the filter's day.
struct OutcomeDTO: JSONWritable {
    let outcome: Outcome
    let facts: OutcomeFacts
    let asOf: CalendarDay

    init(_ outcome: Outcome, asOf: CalendarDay) throws {
        self.outcome = outcome
        self.facts = try outcome.facts
        self.asOf = asOf
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", outcome.storedID)
            $0.field("type", facts.type.rawValue)
            $0.field("state", facts.state.rawValue)
            $0.field("standing", OutcomeRule.standing(facts, asOf: asOf).rawValue)
            $0.field("date", facts.date?.description)
            $0.field("recordedOn", facts.recordedOn.description)
            $0.field("countries", facts.countries.map(\.value).sorted())
            $0.field("title", outcome.title)
            $0.field("source", outcome.source)
            $0.field("linkKind", outcome.linkKind)
            $0.field("linkId", outcome.linkID.map(UUIDText.string))
            $0.field("sample", outcome.sample)
        }
    }
}

/// The tally of a selection, with the filter it counted under and where its records are listed.
struct OutcomeTallyDTO: JSONWritable {
    let tally: OutcomeTally
    let filter: OutcomeFilter
    let records: String

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("asOf", tally.asOf.description)
            $0.field("from", filter.from?.description)
            $0.field("country", filter.country?.value)
            $0.field("type", filter.type?.rawValue)
            $0.field("achieved", tally.achieved)
            $0.field("planned", tally.planned)
            $0.field("total", tally.total)
            $0.key("byType")
            $0.object { writer in
                for type in OutcomeType.allCases {
                    writer.key(escaping: type.rawValue)
                    writer.int(tally.byType[type] ?? 0)
                }
            }
            $0.field("records", records)
        }
    }
}
