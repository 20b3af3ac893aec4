import Fluent
import Foundation
import SconDomain
import SQLKit
import Vapor

/// The open datasets: each public list of the portal, its files, licence, columns and where its
/// last change is read from.
enum PortalDataset: String, CaseIterable, Sendable {
    case agreements, outcomes, projects, cities, calls, events, centres, trained, organisations

    var files: [PortalData] { PortalData.allCases.filter { $0.dataset == rawValue } }

    /// The subjects of the audit log whose last entry is the dataset's last change.
    var auditPrefix: String {
        switch self {
        case .agreements, .outcomes: "agreement:"
        case .projects: "project:"
        case .cities: "city:"
        case .calls: "call:"
        case .events: "event:"
        case .centres: "centre:"
        case .organisations: "organisation:"
        case .trained: "cohort:"
        }
    }

    var licence: String {
        switch self {
        case .cities: "CC BY 4.0 (GeoNames); K-SCON records: KOGL Type 1 (공공누리 제1유형)"
        default: "KOGL Type 1 (공공누리 제1유형: 출처표시)"
        }
    }

    var columns: [String] {
        switch self {
        case .agreements: ["code", "kind", "level", "title_en", "title_ko", "signed_on", "place_en", "countries", "parties", "statuses", "expires_on", "dormant", "source", "url"]
        case .outcomes: ["id", "type", "state", "standing_as_of", "date", "recorded_on", "countries", "title_en", "title_ko", "source_en", "link_kind", "link_id"]
        case .projects: ["code", "title", "stage", "country", "city", "latitude", "longitude", "sectors", "sample", "url"]
        case .cities: ["id", "name_en", "name_ko", "country", "kind", "latitude", "longitude", "population", "source"]
        case .calls: ["uid", "summary", "opens_at", "closes_at", "state", "url"]
        case .events: ["id", "title_en", "title_ko", "type", "state", "held", "first_day", "last_day", "time_zone", "registration_opens", "registration_closes",
                       "centre_id", "centre_en", "host_country", "host_city", "latitude", "longitude", "sample", "url"]
        case .organisations: ["id", "name_en", "name_ko", "acronym", "type", "country", "sectors", "website", "sample", "source", "url"]
        case .centres: ["id", "name_en", "name_ko", "host_country", "host_city", "latitude", "longitude", "covers", "host_organisation", "opened_on", "status",
                        "sample", "url"]
        case .trained: ["cohort_id", "cohort_code", "title_en", "title_ko", "programme_en", "programme_ko", "start_day", "end_day", "country", "trained",
                        "trained_sample", "url"]
        }
    }

    /// The day of the dataset's last recorded change, from the audit log.
    func lastChange(on db: any Database) async throws -> Date? {
        let sql = db as! any SQLDatabase
        let row = try await sql.select().column(SQLFunction("MAX", args: SQLIdentifier("recorded_at")), as: "last").from("audit_entries")
            .where("subject", .like, auditPrefix + "%").first()
        return try row?.decode(column: "last", as: String?.self).flatMap(AuditChain.date)
    }
}

/// Builds the files of the datasets under the portal's filter.
struct PortalExports: Sendable {
    let db: any Database
    let baseURL: String
    let today: CalendarDay
    let now: Date

    func agreements(_ filter: PortalFilter) async throws -> [AgreementRecord] {
        try await AgreementRecord.load(try await AgreementQuery(db: db).all(filter.agreementFilter, for: .anonymous), on: db, today: today)
    }

    func agreementsCSV(_ filter: PortalFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.agreements.columns)
        for record in try await agreements(filter) {
            let a = record.agreement
            csv.append(row: [a.code, record.kind.rawValue, record.level.rawValue, a.titleEn, a.titleKo, record.signedOn?.description ?? "",
                             a.placeEn ?? "", record.countries.joined(separator: ";"),
                             record.parties.map { $0.organisationName?.en ?? $0.name?.en ?? $0.country ?? "not disclosed" }.joined(separator: ";"),
                             record.parties.map { $0.status?.rawValue ?? "" }.joined(separator: ";"), record.expiresOn?.description ?? "",
                             record.dormant ? "true" : "false", a.source, baseURL + AgreementsURL.agreement(.value(record.id)).path])
        }
        return csv.output
    }

    func agreementsJSON(_ filter: PortalFilter) async throws -> String {
        ListResponse(items: try await agreements(filter).map(AgreementDTO.init), nextCursor: nil).jsonText
    }

    func outcomesCSV(_ filter: OutcomeFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.outcomes.columns)
        for outcome in try await OutcomeQuery(db: db).all(filter) {
            let facts = try outcome.facts
            csv.append(row: [UUIDText.string(outcome.storedID), facts.type.rawValue, facts.state.rawValue,
                             OutcomeRule.standing(facts, asOf: filter.asOf).rawValue, facts.date?.description ?? "", facts.recordedOn.description,
                             facts.countries.map(\.value).sorted().joined(separator: ";"), outcome.titleEn, outcome.titleKo, outcome.sourceEn,
                             outcome.linkKind ?? "", outcome.linkID.map(UUIDText.string) ?? ""])
        }
        return csv.output
    }

    func outcomesJSON(_ filter: OutcomeFilter) async throws -> String {
        ListResponse(items: try await OutcomeQuery(db: db).all(filter).map { try OutcomeDTO($0, asOf: filter.asOf) }, nextCursor: nil).jsonText
    }

    private func projectRows(_ filter: PortalFilter) async throws -> [(PortalProjects.Item, City?)] {
        let projects = try await PortalProjects.load(filter, on: db)
        let ids = Array(Set(projects.map(\.cityID)))
        let cities = ids.isEmpty ? [] : try await City.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: cities.map { ($0.storedID, $0) })
        return projects.map { ($0, byID[$0.cityID]) }
    }

    func projectsCSV(_ filter: PortalFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.projects.columns)
        for (project, city) in try await projectRows(filter) {
            csv.append(row: [project.code, project.title, project.stage.rawValue, project.country, city?.nameEn ?? "",
                             city.map { GeoJSONPoints.number($0.latitude) } ?? "", city.map { GeoJSONPoints.number($0.longitude) } ?? "",
                             project.sectors.map(\.rawValue).joined(separator: ";"), project.sample ? "true" : "false",
                             baseURL + ProjectURL.project(.value(project.id)).path])
        }
        return csv.output
    }

    func projectsJSON(_ filter: PortalFilter) async throws -> String {
        var writer = JSONWriter()
        let rows = try await projectRows(filter)
        writer.object {
            $0.key("items")
            $0.array(rows) { writer, row in
                let (project, city) = row
                writer.object {
                    $0.field("id", project.id)
                    $0.field("code", project.code)
                    $0.field("title", project.title)
                    $0.field("stage", project.stage.rawValue)
                    $0.field("country", project.country)
                    $0.field("city", city?.nameEn)
                    $0.key("latitude"); if let city { $0.double(city.latitude) } else { $0.null() }
                    $0.key("longitude"); if let city { $0.double(city.longitude) } else { $0.null() }
                    $0.field("sectors", project.sectors.map(\.rawValue))
                    $0.field("sample", project.sample)
                }
            }
            $0.field("nextCursor", nil as String?)
        }
        return writer.text
    }

    func projectsGeoJSON(_ filter: PortalFilter) async throws -> String {
        GeoJSONPoints(features: try await projectRows(filter).compactMap { project, city in
            guard let city else { return nil }
            return .init(id: UUIDText.string(project.id), longitude: city.longitude, latitude: city.latitude,
                         properties: [("code", .text(project.code)), ("title", .text(project.title)), ("stage", .text(project.stage.rawValue)),
                                      ("country", .text(project.country)), ("city", .text(city.nameEn)),
                                      ("sample", .text(project.sample ? "true" : "false")), ("url", .text(baseURL + ProjectURL.project(.value(project.id)).path))])
        }).text
    }

    private func cities(_ filter: PortalFilter) async throws -> [City] {
        let query = City.query(on: db)
        if let country = filter.country { query.filter(\.$countryCode == country.value) }
        return try await query.sort(\.$sortKey).sort(\.$id).all()
    }

    func citiesCSV(_ filter: PortalFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.cities.columns)
        for city in try await cities(filter) {
            csv.append(row: [UUIDText.string(city.storedID), city.nameEn, city.nameKo, city.countryCode, city.kind, GeoJSONPoints.number(city.latitude),
                             GeoJSONPoints.number(city.longitude), city.population.map(String.init) ?? "", city.source])
        }
        return csv.output
    }

    func citiesGeoJSON(_ filter: PortalFilter) async throws -> String {
        GeoJSONPoints(features: try await cities(filter).map { city in
            .init(id: UUIDText.string(city.storedID), longitude: city.longitude, latitude: city.latitude,
                  properties: [("name_en", .text(city.nameEn)), ("name_ko", .text(city.nameKo)), ("country", .text(city.countryCode)),
                               ("kind", .text(city.kind)), ("population", city.population.map { .number($0) } ?? .null), ("source", .text(city.source))])
        }).text
    }

    /// The calls' opening and deadline as events (RFC 5545), one pair per published call.
    func callsICS() async throws -> String {
        var events: [ICalendarEvent] = []
        for call in try await Call.query(on: db).filter(\.$state != CallState.draft.rawValue).sort(\.$opensAt).all() {
            let terms = try call.terms()
            let state = try call.callState
            let url = baseURL + OpenCallURL.call(.value(call.storedID)).path
            let status: ICalendarEvent.Status = state == .cancelled ? .cancelled : .confirmed
            let stamp = call.updatedAt ?? call.createdAt ?? now
            events.append(ICalendarEvent(uid: "call-\(UUIDText.string(call.storedID))-deadline@k-scon", stamp: stamp, start: call.closesAt,
                                         end: call.closesAt.addingTimeInterval(3600), summary: "Deadline: \(terms.title.en) / 마감: \(terms.title.ko)",
                                         url: url, status: status, categories: ["K-SCON", "deadline"]))
            events.append(ICalendarEvent(uid: "call-\(UUIDText.string(call.storedID))-opens@k-scon", stamp: stamp, start: call.opensAt,
                                         end: call.opensAt.addingTimeInterval(3600), summary: "Opens: \(terms.title.en) / 접수 시작: \(terms.title.ko)",
                                         url: url, status: status, categories: ["K-SCON", "call"]))
        }
        return ICalendar(name: "K-SCON calls", events: events).text
    }

    /// The networking events past their draft, each from its first slot to the end of its last in
    /// its own zone (the event's own `.ics`); with a country, those of the centres hosted there
    /// (as the centres page and the portal's figures choose them: the ministry's only without one).
    func eventsICS(_ filter: PortalFilter) async throws -> String {
        let rows = try await publicEvents(filter).map(\.event)
        let events = try rows.sorted { ($0.firstDay, $0.storedID.uuidString) < ($1.firstDay, $1.storedID.uuidString) }
            .flatMap { try $0.calendar(language: .en).events }
        return ICalendar(name: "K-SCON events", events: events).text
    }

    // MARK: Centres, events and trained officials (the lists of /centres and /training#trained)

    /// The city of the directory a centre names as its host (same country, same English or Korean
    /// name), for its coordinates; none when the centre's host is not disclosed or not in the directory.
    private func hostCities(_ centres: [Centre]) async throws -> [UUID: City] {
        let countries = Array(Set(centres.compactMap(\.hostCountry)))
        guard !countries.isEmpty else { return [:] }
        let cities = try await City.query(on: db).filter(\.$countryCode ~~ countries).all()
        var result: [UUID: City] = [:]
        for centre in centres {
            guard let name = centre.hostCity?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty, let country = centre.hostCountry else { continue }
            result[centre.storedID] = cities.first { $0.countryCode == country && ($0.nameEn.lowercased() == name || $0.nameKo == name) }
        }
        return result
    }

    /// The centres of `/centres?country=…` (`CentreCountryFilter.centres`), each with its host city's place.
    func centres(_ filter: PortalFilter) async throws -> [(centre: Centre, city: City?)] {
        let centres = try await CentreCountryFilter.centres(filter.country, on: db)
        let cities = try await hostCities(centres)
        return centres.map { ($0, cities[$0.storedID]) }
    }

    func centresCSV(_ filter: PortalFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.centres.columns)
        for (centre, city) in try await centres(filter) {
            csv.append(row: [UUIDText.string(centre.storedID), centre.nameEn, centre.nameKo, centre.hostCountry ?? "", centre.hostCity ?? "",
                             city.map { GeoJSONPoints.number($0.latitude) } ?? "", city.map { GeoJSONPoints.number($0.longitude) } ?? "",
                             try centre.coveredCountries.map(\.value).joined(separator: ";"), centre.hostOrganisation ?? "", centre.openedOn ?? "",
                             try centre.centreStatus.rawValue, centre.sample ? "true" : "false", baseURL + CentresURL.centre(.value(centre.storedID)).path])
        }
        return csv.output
    }

    func centresJSON(_ filter: PortalFilter) async throws -> String {
        let rows = try await centres(filter)
        let covers = try rows.map { try $0.centre.coveredCountries.map(\.value) }
        let statuses = try rows.map { try $0.centre.centreStatus.rawValue }
        var writer = JSONWriter()
        writer.object {
            $0.key("items")
            $0.array(rows.indices) { writer, index in
                let (centre, city) = rows[index]
                writer.object {
                    $0.field("id", centre.storedID)
                    $0.field("name", centre.name)
                    $0.field("hostCountry", centre.hostCountry)
                    $0.field("hostCity", centre.hostCity)
                    $0.key("latitude"); if let city { $0.double(city.latitude) } else { $0.null() }
                    $0.key("longitude"); if let city { $0.double(city.longitude) } else { $0.null() }
                    $0.field("covers", covers[index])
                    $0.field("hostOrganisation", centre.hostOrganisation)
                    $0.field("openedOn", centre.openedOn)
                    $0.field("status", statuses[index])
                    $0.field("sample", centre.sample)
                    $0.field("url", baseURL + CentresURL.centre(.value(centre.storedID)).path)
                }
            }
            $0.field("nextCursor", nil as String?)
        }
        return writer.text
    }

    /// The public events of `/centres?country=…`: those not held yet that anyone sees
    /// (`CentreCountryFilter.upcomingEvents` for an anonymous reader), soonest first, then the
    /// events held (`CentreCountryFilter.heldEvents`, the "events held" figure), latest first;
    /// each with its centre and the centre's host city.
    func publicEvents(_ filter: PortalFilter) async throws -> [(event: CentreEvent, held: Bool, centre: Centre?, city: City?)] {
        let upcoming = try await CentreCountryFilter.upcomingEvents(filter.country, by: .anonymous, limit: 1_000, on: db)
        let held = try await CentreCountryFilter.heldEvents(filter.country, on: db)
        let ids = Array(Set((upcoming + held).compactMap(\.centreID)))
        let centres = ids.isEmpty ? [] : try await Centre.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: centres.map { ($0.storedID, $0) })
        let cities = try await hostCities(centres)
        return upcoming.map { event in (event, false, event.centreID.flatMap { byID[$0] }, event.centreID.flatMap { cities[$0] }) }
            + held.map { event in (event, true, event.centreID.flatMap { byID[$0] }, event.centreID.flatMap { cities[$0] }) }
    }

    func eventsCSV(_ filter: PortalFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.events.columns)
        for (event, held, centre, city) in try await publicEvents(filter) {
            csv.append(row: [UUIDText.string(event.storedID), event.titleEn, event.titleKo, try event.eventType.rawValue, try event.eventState.rawValue,
                             held ? "true" : "false", event.firstDay, event.lastDay, event.timeZone, event.registrationOpens, event.registrationCloses,
                             centre.map { UUIDText.string($0.storedID) } ?? "", centre?.nameEn ?? "", centre?.hostCountry ?? "", centre?.hostCity ?? "",
                             city.map { GeoJSONPoints.number($0.latitude) } ?? "", city.map { GeoJSONPoints.number($0.longitude) } ?? "",
                             event.sample ? "true" : "false", baseURL + CentresURL.event(.value(event.storedID)).path])
        }
        return csv.output
    }

    func eventsJSON(_ filter: PortalFilter) async throws -> String {
        let rows = try await publicEvents(filter)
        let kinds = try rows.map { (type: try $0.event.eventType.rawValue, state: try $0.event.eventState.rawValue) }
        var writer = JSONWriter()
        writer.object {
            $0.key("items")
            $0.array(rows.indices) { writer, index in
                let (event, held, centre, city) = rows[index]
                writer.object {
                    $0.field("id", event.storedID)
                    $0.field("title", LocalizedText(en: event.titleEn, ko: event.titleKo))
                    $0.field("type", kinds[index].type)
                    $0.field("state", kinds[index].state)
                    $0.field("held", held)
                    $0.field("firstDay", event.firstDay)
                    $0.field("lastDay", event.lastDay)
                    $0.field("timeZone", event.timeZone)
                    $0.field("registrationOpens", event.registrationOpens)
                    $0.field("registrationCloses", event.registrationCloses)
                    $0.key("centre"); if let centre { $0.uuid(centre.storedID) } else { $0.null() }
                    $0.field("hostCountry", centre?.hostCountry)
                    $0.field("hostCity", centre?.hostCity)
                    $0.key("latitude"); if let city { $0.double(city.latitude) } else { $0.null() }
                    $0.key("longitude"); if let city { $0.double(city.longitude) } else { $0.null() }
                    $0.field("sample", event.sample)
                    $0.field("url", baseURL + CentresURL.event(.value(event.storedID)).path)
                }
            }
            $0.field("nextCursor", nil as String?)
        }
        return writer.text
    }

    /// The officials trained by cohort of `/training?country=…#trained` (`TrainedOfficials.byCohort`,
    /// the "officials trained" figure): one row per cohort with its number; who they are is not published.
    func trainedCSV(_ filter: PortalFilter) async throws -> String {
        var csv = CSVWriter(columns: PortalDataset.trained.columns)
        for item in try await TrainedOfficials.byCohort(filter.country, on: db) {
            let view = item.cohort
            csv.append(row: [UUIDText.string(view.cohort.storedID), view.cohort.code, view.terms.title.en, view.terms.title.ko, view.programme.titleEn,
                             view.programme.titleKo, view.terms.dates.start.description, view.terms.dates.end.description, filter.country?.value ?? "",
                             String(item.count), String(item.samples), baseURL + TrainingURL.cohort(.value(view.cohort.storedID)).path])
        }
        return csv.output
    }

    func trainedJSON(_ filter: PortalFilter) async throws -> String {
        let rows = try await TrainedOfficials.byCohort(filter.country, on: db)
        var writer = JSONWriter()
        writer.object {
            $0.key("items")
            $0.array(rows) { writer, item in
                let view = item.cohort
                writer.object {
                    $0.field("cohort", view.cohort.storedID)
                    $0.field("code", view.cohort.code)
                    $0.field("title", view.terms.title)
                    $0.field("programme", view.programme.title)
                    $0.field("startDay", view.terms.dates.start.description)
                    $0.field("endDay", view.terms.dates.end.description)
                    $0.field("country", filter.country?.value)
                    $0.field("trained", item.count)
                    $0.field("trainedSample", item.samples)
                    $0.field("url", baseURL + TrainingURL.cohort(.value(view.cohort.storedID)).path)
                }
            }
            $0.field("nextCursor", nil as String?)
        }
        return writer.text
    }
}
