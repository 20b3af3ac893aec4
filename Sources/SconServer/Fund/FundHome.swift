import Fluent
import Foundation
import SconDomain

/// The fund's card on a fund manager's home: the projects money can be booked on now (those
/// being financed or carried out), each opening at its bookings, and the fund's report.
extension FundContext {
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard] {
        guard FundAccess.allows(principal, .book) else { return [] }
        let projects = try await Project.query(on: db).filter(\.$stage ~~ [ProjectStage.financing, .implementation].map(\.rawValue))
            .sort(\.$code).limit(30).all()
        return [HomeCard(
            order: 30, title: strings["work.fund"],
            lines: projects.map { .init(text: "\($0.code) \($0.title) — \(strings["stage.\($0.stage)"])",
                                        path: ProjectURL.project(.value($0.storedID)).path + "#finance") },
            actions: [.init(text: strings["work.fundReport"], path: FundURL.fund.path),
                      .init(text: strings["fund.export"], path: FundAPI.transactionsCSV.path)],
            empty: strings["work.noBookable"])]
    }
}
