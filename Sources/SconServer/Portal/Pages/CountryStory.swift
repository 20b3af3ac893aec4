import Fluent
import Foundation
import SconDomain
import Vapor

/// A country's story on its page: its proposals to the open call, its public projects, its
/// agreements, its cooperation centres, its officials who completed the training, its
/// cooperation outcomes, and the portal filtered to it.
enum CountryStory {
    struct Model {
        var code: String
        var proposals: Int
        var projects: [PortalProjects.Item]
        var agreements: [AgreementRecord]
        var tally: OutcomeTally
        var outcomes: OutcomeFilter
        var centres: [Centre] = []
        var trainees = 0
    }

    static func load(_ code: CountryCode, for principal: Principal, on db: any Database, today: CalendarDay) async throws -> Model {
        let filter = PortalFilter(country: code)
        let proposals = try await Proposal.query(on: db).filter(\.$countryCode == code.value).filter(\.$state == ProposalState.submitted.rawValue).count()
        let agreements = try await AgreementQuery(db: db).all(filter.agreementFilter, for: principal)
        let outcomes = filter.outcomeFilter(asOf: today)
        return Model(code: code.value, proposals: proposals, projects: try await PortalProjects.load(filter, on: db),
                     agreements: try await AgreementRecord.load(agreements, on: db, today: today),
                     tally: try await OutcomeQuery(db: db).tally(outcomes), outcomes: outcomes,
                     centres: try await PortalContextCounts.centres(code, on: db),
                     trainees: try await PortalContextCounts.trainedOfficials(code, on: db).count)
    }

    static func render(_ context: PageContext, _ model: Model, countries: [CountryDTO]) -> HTML {
        let projects: [HTML] = model.projects.map {
            "<li><a href=\"\(ProjectURL.project(.value($0.id)).path)\">\($0.code) \($0.title)</a> <span class=\"badge badge-state\">\(context["stage.\($0.stage.rawValue)"])</span> \(Components.sampleBadge(context, $0.sample))</li>"
        }
        let agreements: [HTML] = model.agreements.map {
            "<li><a href=\"\(AgreementsURL.agreement(.value($0.id)).path)\">\($0.agreement.title.text(in: context.language))</a> (\(AgreementText.date(context, $0.signedOn))) \(AgreementText.badges(context, $0))</li>"
        }
        let centres: [HTML] = model.centres.map {
            "<li><a href=\"\(CentresURL.centre(.value($0.storedID)).path)\">\($0.name.text(in: context.language))</a> \(Components.sampleBadge(context, $0.sample))</li>"
        }
        let empty: HTML = "<p>\(context["list.empty"])</p>"
        return """
        <h2 id="story">\(context["portal.story"])</h2>
        <ul class="stats">
        <li><a href="\(OpenCallURL.calls.path)"><strong>\(model.proposals)</strong> \(context["portal.story.proposals"])</a></li>
        <li><a href="\(ProjectURL.projects.path)?country=\(model.code)"><strong>\(model.projects.count)</strong> \(context["portal.figure.projects"])</a></li>
        <li><a href="\(AgreementsURL.agreements.path)?country=\(model.code)"><strong>\(model.agreements.count)</strong> \(context["portal.figure.agreements"])</a></li>
        <li><a href="\(CentresURL.centres.path)"><strong>\(model.centres.count)</strong> \(context["portal.figure.centres"])</a></li>
        <li><a href="\(TrainingURL.training.path)"><strong>\(model.trainees)</strong> \(context["portal.story.trainees"])</a></li>
        <li><a href="\(AgreementsURL.outcomes.path)?\(model.outcomes.queryString)"><strong>\(model.tally.total)</strong> \(context["portal.figure.outcomes"])</a></li>
        </ul>
        <div class="columns">
        <section><h3>\(context["portal.story.projects"])</h3>\(projects.isEmpty ? empty : "<ul>\(projects)</ul>")</section>
        <section><h3>\(context["portal.story.agreements"])</h3>\(agreements.isEmpty ? empty : "<ul>\(agreements)</ul>")</section>
        <section><h3>\(context["portal.story.centres"])</h3>\(centres.isEmpty ? empty : "<ul>\(centres)</ul>")</section>
        </div>
        <p><a href="\(PortalURL.home.path)?country=\(model.code)#map">\(context["portal.story.portal"])</a></p>
        """
    }
}
