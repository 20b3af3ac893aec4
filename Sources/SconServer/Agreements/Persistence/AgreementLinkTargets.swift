import Fluent
import Foundation
import SconDomain

/// The records an agreement may be linked to — projects, calls, events, training cohorts — read
/// from their own tables with small queries, each shown only to whom its own policy shows it.
struct AgreementLinkTargets: Sendable {
    let db: any Database

    struct Target: Sendable {
        var kind: AgreementLinkKind
        var id: UUID
        var title: String
        var path: String
    }

    func exists(_ kind: AgreementLinkKind, _ id: UUID) async throws -> Bool {
        switch kind {
        case .project: try await Project.find(id, on: db) != nil
        case .call: try await Call.find(id, on: db) != nil
        case .event: try await CentreEvent.find(id, on: db) != nil
        case .training: try await TrainingCohort.find(id, on: db) != nil
        }
    }

    /// The linked records the person may see, with their titles and pages, in the links' order.
    func visible(_ links: [AgreementRecord.Link], for principal: Principal, language: Language) async throws -> [Target] {
        var targets: [Target] = []
        for link in links {
            switch link.kind {
            case .project:
                // A linked project the visitor may not see is left out.
                guard let project = try? await ProjectStore(db: db).find(link.id, by: principal) else { continue }
                targets.append(Target(kind: .project, id: link.id, title: "\(project.code) \(project.title)", path: ProjectURL.project(.value(link.id)).path))
            case .call:
                guard let call = try await Call.find(link.id, on: db), CallAccess.allows(principal, .seeCall(link.id, try call.callState)) else { continue }
                targets.append(Target(kind: .call, id: link.id, title: try call.terms().title.text(in: language), path: OpenCallURL.call(.value(link.id)).path))
            case .event:
                guard let event = try await CentreEvent.find(link.id, on: db),
                      CentreAccess.allows(principal, .seeEvent(EventAccessFacts(centre: event.centreID, state: try event.eventState))) else { continue }
                targets.append(Target(kind: .event, id: link.id, title: LocalizedText(en: event.titleEn, ko: event.titleKo).text(in: language),
                                      path: CentresURL.event(.value(link.id)).path))
            case .training:
                guard let cohort = try await TrainingCohort.find(link.id, on: db), cohort.published || TrainingAccess.allows(principal, .manage) else { continue }
                targets.append(Target(kind: .training, id: link.id, title: "\(cohort.code) \(try cohort.terms.title.text(in: language))",
                                      path: TrainingURL.cohort(.value(link.id)).path))
            }
        }
        return targets
    }

    /// What an officer may link: calls, events and cohorts (newest first, at most 200 each),
    /// as `kind:id` values with their titles.
    func candidates(language: Language) async throws -> [(kind: AgreementLinkKind, options: [(value: String, label: String)])] {
        let calls = try await Call.query(on: db).sort(\.$opensAt, .descending).limit(200).all().map { call in
            ("call:" + UUIDText.string(call.storedID), try call.terms().title.text(in: language))
        }
        let events = try await CentreEvent.query(on: db).sort(\.$firstDay, .descending).limit(200).all().map { event in
            ("event:" + UUIDText.string(event.storedID), "\(event.firstDay) \(LocalizedText(en: event.titleEn, ko: event.titleKo).text(in: language))")
        }
        let cohorts = try await TrainingCohort.query(on: db).sort(\.$startDay, .descending).limit(200).all().map { cohort in
            ("training:" + UUIDText.string(cohort.storedID), "\(cohort.code) \(try cohort.terms.title.text(in: language))")
        }
        return [(.call, calls), (.event, events), (.training, cohorts)]
    }
}
