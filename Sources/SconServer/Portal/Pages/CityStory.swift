import Fluent
import Foundation
import SconDomain
import Vapor

/// A city's story on its page: the proposals submitted for it, its public projects, the
/// agreements linked to those projects (those the reader may see), and the outcomes that
/// count those projects or agreements.
enum CityStory {
    struct Model {
        var proposals: Int
        var projects: [PortalProjects.Item]
        var agreements: [AgreementRecord]
        var outcomes: [Outcome]
    }

    static func load(_ city: UUID, country: CountryCode, for principal: Principal, on db: any Database, today: CalendarDay) async throws -> Model {
        let proposals = try await Proposal.query(on: db).filter(\.$cityID == city).filter(\.$state == ProposalState.submitted.rawValue).count()
        let projects = try await PortalProjects.load(PortalFilter(country: country), on: db).filter { $0.cityID == city }
        let projectIDs = projects.map(\.id)
        var agreements: [AgreementRecord] = []
        if !projectIDs.isEmpty {
            let linked = try await AgreementLink.query(on: db).filter(\.$kind == AgreementLinkKind.project.rawValue).filter(\.$targetID ~~ projectIDs).all(\.$agreementID)
            if !linked.isEmpty {
                let rows = try await Agreement.query(on: db).filter(\.$id ~~ Array(Set(linked))).sort(\.$code).all()
                agreements = try await AgreementRecord.load(rows, on: db, today: today).filter { AgreementAccess.allows(principal, .read($0.facts)) }
            }
        }
        var outcomes: [Outcome] = []
        let agreementIDs = agreements.map(\.id)
        if !projectIDs.isEmpty || !agreementIDs.isEmpty {
            outcomes = try await Outcome.query(on: db).group(.or) { or in
                if !projectIDs.isEmpty { or.group(.and) { $0.filter(\.$linkKind == "project").filter(\.$linkID ~~ projectIDs.map { Optional($0) }) } }
                if !agreementIDs.isEmpty { or.group(.and) { $0.filter(\.$linkKind == "agreement").filter(\.$linkID ~~ agreementIDs.map { Optional($0) }) } }
            }.filter(\.$recordedOn <= today.description).sort(\.$day).all()
        }
        return Model(proposals: proposals, projects: projects, agreements: agreements, outcomes: outcomes)
    }

    static func render(_ context: PageContext, _ model: Model, city: UUID, country: String) -> HTML {
        let projects: [HTML] = model.projects.map {
            "<li><a href=\"\(ProjectURL.project(.value($0.id)).path)\">\($0.code) \($0.title)</a> <span class=\"badge badge-state\">\(context["stage.\($0.stage.rawValue)"])</span> \(Components.sampleBadge(context, $0.sample))</li>"
        }
        let agreements: [HTML] = model.agreements.map {
            "<li><a href=\"\(AgreementsURL.agreement(.value($0.id)).path)\">\($0.agreement.title.text(in: context.language))</a> (\(AgreementText.date(context, $0.signedOn))) \(AgreementText.badges(context, $0))</li>"
        }
        let outcomes: [HTML] = model.outcomes.map { outcome in
            "<li>\(outcome.onDate ?? context["agreement.notDisclosed"]) — \(outcome.title.text(in: context.language)) <span class=\"badge\">\(context["outcometype.\(outcome.type)"])</span> \(Components.sampleBadge(context, outcome.sample))</li>"
        }
        let empty: HTML = "<p>\(context["list.empty"])</p>"
        return """
        <h2 id="story">\(context["portal.city.story"])</h2>
        <ul class="stats">
        <li><a href="\(OpenCallURL.calls.path)"><strong>\(model.proposals)</strong> \(context["portal.city.proposals"])</a></li>
        <li><a href="#city-projects"><strong>\(model.projects.count)</strong> \(context["portal.city.projects"])</a></li>
        <li><a href="#city-agreements"><strong>\(model.agreements.count)</strong> \(context["portal.city.agreements"])</a></li>
        <li><a href="#city-outcomes"><strong>\(model.outcomes.count)</strong> \(context["portal.city.outcomes"])</a></li>
        </ul>
        <div class="columns">
        <section id="city-projects"><h3>\(context["portal.story.projects"])</h3>\(projects.isEmpty ? empty : "<ul>\(projects)</ul>")</section>
        <section id="city-agreements"><h3>\(context["portal.story.agreements"])</h3>\(agreements.isEmpty ? empty : "<ul>\(agreements)</ul>")</section>
        <section id="city-outcomes"><h3>\(context["portal.story.outcomes"])</h3>\(outcomes.isEmpty ? empty : "<ul>\(outcomes)</ul>")</section>
        </div>
        <p><a href="\(PortalURL.home.path)?country=\(country)#map">\(context["portal.story.portal"])</a></p>
        """
    }
}
