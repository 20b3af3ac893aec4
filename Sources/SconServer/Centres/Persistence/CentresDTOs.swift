import Foundation
import SconDomain
import Vapor

/// A centre as the API reads it; facts not disclosed are null.
struct CentreDTO: JSONWritable {
    let centre: Centre
    let covers: [CountryCode]
    let status: CentreStatus
    /// For the centre's staff (and the programme office) on the centre's own read.
    let numbers: CentreNumbers?

    init(_ centre: Centre, numbers: CentreNumbers? = nil) throws {
        self.centre = centre
        covers = try centre.coveredCountries
        status = try centre.centreStatus
        self.numbers = numbers
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", centre.storedID)
            $0.field("name", centre.name)
            $0.field("hostCity", centre.hostCity)
            $0.field("hostCountry", centre.hostCountry)
            $0.field("covers", covers.map(\.value))
            $0.field("hostOrganisation", centre.hostOrganisation)
            $0.field("contact", centre.contact)
            $0.field("openedOn", centre.openedOn)
            $0.field("status", status.rawValue)
            $0.field("sample", centre.sample)
            if let numbers { $0.field("numbers", numbers) }
        }
    }
}

/// An event as the API reads it.
struct EventDTO: JSONWritable {
    let event: CentreEvent
    let plan: EventPlan
    let state: EventState
    /// The links the reader may see (`EventLinkStore.visible`).
    let links: EventLinks

    init(_ event: CentreEvent, links: EventLinks) throws {
        self.event = event
        plan = try event.plan
        state = try event.eventState
        self.links = links
    }

    /// These events for this reader, with the links they may see.
    static func list(_ events: [CentreEvent], for req: Request) async throws -> [EventDTO] {
        let links = try await EventLinkStore.visible(events, by: req.principal, on: req.db)
        return try events.map { try EventDTO($0, links: links[$0.storedID] ?? EventLinks()) }
    }

    static func one(_ event: CentreEvent, for req: Request) async throws -> EventDTO {
        try await list([event], for: req)[0]
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", event.storedID)
            $0.field("centre", event.centreID.map(UUIDText.string))
            $0.field("type", plan.type.rawValue)
            $0.field("state", state.rawValue)
            $0.field("title", plan.title)
            $0.field("description", plan.description)
            $0.field("venue", plan.venue)
            $0.field("onlineLink", plan.onlineLink)
            $0.field("timeZone", plan.timeZone.identifier)
            $0.field("firstDay", plan.firstDay.description)
            $0.field("lastDay", plan.lastDay.description)
            $0.field("slotTimes", plan.slotStarts.map(EventPlan.clock))
            $0.field("slotMinutes", plan.slotMinutes)
            $0.field("slots", plan.slotCount)
            $0.field("tables", plan.tables)
            $0.field("registrationOpens", plan.registrationOpens.description)
            $0.field("registrationCloses", plan.registrationCloses.description)
            $0.field("capacity", plan.capacity)
            $0.field("b2b", plan.b2b)
            $0.field("g2g", plan.g2g)
            $0.field("answerHours", plan.answerHours)
            $0.field("call", links.call.map(UUIDText.string))
            $0.field("projects", links.projects.map(UUIDText.string))
            $0.field("publishedAt", event.publishedAt.map(AuditChain.timestamp))
            $0.field("sample", event.sample)
        }
    }
}

/// A registration: the organisers and its owner see everything; others (validated participants,
/// once matchmaking is open) see the public part only.
struct RegistrationDTO: JSONWritable {
    let row: EventRegistration
    let full: Bool

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", row.storedID)
            $0.field("organisation", row.organisation)
            $0.field("country", row.country)
            $0.field("side", (try? row.side.rawValue) ?? row.country)
            $0.field("kind", row.kind)
            $0.field("person", row.person)
            $0.field("offersSectors", row.offersSectors.split(separator: ",").map(String.init))
            $0.field("offersCountries", row.offersCountries.split(separator: ",").map(String.init))
            $0.field("offers", LocalizedText(en: row.offersTextEn, ko: row.offersTextKo))
            $0.field("seeksSectors", row.seeksSectors.split(separator: ",").map(String.init))
            $0.field("seeksCountries", row.seeksCountries.split(separator: ",").map(String.init))
            $0.field("seeks", LocalizedText(en: row.seeksTextEn, ko: row.seeksTextKo))
            $0.field("status", row.status)
            if full {
                $0.field("contact", row.contact)
                $0.key("available")
                if let available = row.available { $0.array(available.split(separator: ",")) { $0.int(Int($1) ?? 0) } } else { $0.null() }
                $0.field("maxMeetings", row.maxMeetings)
                $0.field("checkedInAt", row.checkedInAt.map(AuditChain.timestamp))
            }
            $0.field("sample", row.sample)
        }
    }
}

/// A meeting request and, once scheduled, its place.
struct MeetingRequestDTO: JSONWritable {
    let row: MeetingRequestRecord
    let state: MeetingRequestState
    let organiser: Bool

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", row.storedID)
            $0.field("from", row.fromID)
            $0.field("to", row.toID)
            $0.field("priority", row.priority)
            $0.field("message", row.message)
            $0.field("state", state.rawValue)
            $0.field("byOrganiser", row.byOrganiser)
            $0.field("createdAt", AuditChain.timestamp(row.createdAt))
            if organiser {
                $0.field("slot", row.slot)
                $0.field("table", row.tableNo)
                $0.field("locked", row.locked)
            }
            $0.field("publishedSlot", row.cancelled ? nil : row.publishedSlot)
            $0.field("publishedTable", row.cancelled ? nil : row.publishedTable)
            $0.field("outcome", row.outcome)
            $0.field("notes", row.notes)
        }
    }
}

/// The organiser's view of the schedule: the last run's measures, placements and reasons.
struct ScheduleDTO: JSONWritable {
    let event: CentreEvent
    let solution: ScheduleSolution?
    let requests: [MeetingRequestRecord]

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("event", event.storedID)
            $0.field("runAt", event.scheduleRunAt.map(AuditChain.timestamp))
            $0.field("publishedAt", event.publishedAt.map(AuditChain.timestamp))
            $0.field("objective", solution?.objective)
            $0.field("bound", solution?.bound)
            $0.key("meetings")
            $0.array(requests.filter { $0.state == MeetingRequestState.accepted.rawValue && $0.slot != nil }
                .sorted { ($0.slot ?? 0, $0.tableNo ?? 0) < ($1.slot ?? 0, $1.tableNo ?? 0) }) { writer, row in
                writer.object {
                    $0.field("request", row.storedID)
                    $0.field("slot", row.slot)
                    $0.field("table", row.tableNo)
                    $0.field("locked", row.locked)
                }
            }
            $0.key("unscheduled")
            $0.array(solution?.reasons ?? []) { writer, reason in
                writer.object {
                    $0.field("request", reason.request)
                    $0.field("reason", reason.reason.rawValue)
                    $0.field("participant", reason.participant)
                    $0.field("detail", reason.detail)
                }
            }
        }
    }
}

/// A participant's agenda in the API.
struct AgendaDTO: JSONWritable {
    let agenda: Agenda
    let feedPath: String?

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("event", agenda.event.storedID)
            $0.field("registration", agenda.registration.storedID)
            $0.field("timeZone", agenda.plan.timeZone.identifier)
            $0.field("feed", feedPath)
            $0.key("meetings")
            $0.array(agenda.meetings) { writer, meeting in
                writer.object {
                    $0.field("request", meeting.request)
                    $0.field("start", AuditChain.timestamp(meeting.start))
                    $0.field("end", AuditChain.timestamp(meeting.end))
                    $0.field("table", meeting.table + 1)
                    $0.field("organisation", meeting.partner.organisation)
                    $0.field("person", meeting.partner.person)
                    $0.field("contact", meeting.partner.contact)
                    $0.field("cancelled", meeting.cancelled)
                    $0.field("sequence", meeting.sequence)
                }
            }
            $0.key("notices")
            $0.array(agenda.notices) { writer, notice in
                writer.object {
                    $0.field("text", notice.text)
                    $0.field("createdAt", AuditChain.timestamp(notice.createdAt))
                }
            }
        }
    }
}

/// Meeting suggestions with their reasons.
struct SuggestionsDTO: JSONWritable {
    let suggestions: [MeetingSuggestion]
    let byID: [String: EventRegistration]

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.key("items")
            $0.array(suggestions) { writer, suggestion in
                writer.object {
                    $0.field("registration", suggestion.participant)
                    $0.field("organisation", byID[suggestion.participant]?.organisation)
                    $0.field("score", suggestion.score)
                    $0.key("reasons")
                    $0.array(suggestion.reasons) { writer, reason in
                        writer.object {
                            $0.field("kind", reason.kind.rawValue)
                            $0.field("direction", reason.direction.rawValue)
                            $0.field("value", reason.value)
                            $0.field("points", reason.points)
                        }
                    }
                }
            }
        }
    }
}

/// A lead of a centre's board: its project's facts and the board's fields.
struct CentreLeadDTO: JSONWritable {
    let row: LeadStore.Row
    let status: LeadStatus

    init(_ row: LeadStore.Row) throws {
        self.row = row
        status = try row.lead.leadStatus
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", row.lead.storedID)
            $0.field("project", row.project.storedID)
            $0.field("code", row.project.code)
            $0.field("title", row.project.title)
            $0.field("stage", row.project.stage)
            $0.field("country", row.project.countryCode)
            $0.field("city", row.project.cityID)
            $0.field("sectors", row.project.sectors.split(separator: ",").map(String.init))
            $0.field("owner", row.lead.owner)
            $0.field("status", status.rawValue)
            $0.field("nextAction", row.lead.nextAction)
            $0.field("dueOn", row.lead.dueOn)
            $0.field("meeting", row.lead.meetingID.map(UUIDText.string))
            $0.key("proposal")
            if let proposal = row.proposal {
                $0.object {
                    $0.field("id", proposal.storedID)
                    $0.field("call", proposal.callID)
                    $0.field("state", proposal.state)
                }
            } else {
                $0.null()
            }
        }
    }
}
