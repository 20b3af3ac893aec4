import Fluent
import Foundation
import SconDomain

/// The centres' card on a centre's staff's home: their centre, its lead board and its events.
extension CentresContext {
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard] {
        let mine = Array(CentreAccess.centres(of: principal))
        guard !mine.isEmpty else { return [] }
        let centres = try await Centre.query(on: db).filter(\.$id ~~ mine).all()
        var lines: [HomeCard.Link] = []
        for centre in centres {
            let path = CentresURL.centre(.value(centre.storedID)).path
            let leads = try await CentreLead.query(on: db).filter(\.$centreID == centre.storedID).count()
            let events = try await CentreEvent.query(on: db).filter(\.$centreID == centre.storedID).count()
            let name = strings.language == .ko ? centre.nameKo : centre.nameEn
            lines.append(.init(text: strings.format("work.centreLine", ["centre": name, "leads": String(leads), "events": String(events)]), path: path))
        }
        return [HomeCard(order: 50, title: strings["work.centre"], lines: lines)]
    }
}
