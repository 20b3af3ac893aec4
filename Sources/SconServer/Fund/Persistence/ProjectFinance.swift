import Fluent
import Foundation
import SconDomain
import Vapor

/// A project's money: its bookings in order and, per source (an earmark or the fund), what was
/// committed, paid out, paid back and is still outstanding, in KRW.
struct ProjectFinance: Sendable {
    struct Source: Sendable {
        var source: String
        var label: LocalizedText
        var committed = 0
        var disbursed = 0
        var repaid = 0
        var outstanding: Int { committed - disbursed }
    }

    var project: Project
    var transactions: [BookedTransaction]
    var sources: [Source]

    var committed: Int { sources.reduce(0) { $0 + $1.committed } }
    var disbursed: Int { sources.reduce(0) { $0 + $1.disbursed } }

    static func of(_ project: Project, on db: any Database) async throws -> ProjectFinance {
        let transactions = try await LedgerTransaction.query(on: db).filter(\.$projectID == project.requireID()).sort(\.$number).all()
        let earmarks = try await Earmark.query(on: db).all()
        var sources: [String: Source] = [:]
        for transaction in transactions {
            let label = transaction.earmarkID.flatMap { id in earmarks.first { $0.id == id }?.name } ?? LocalizedText(en: "Fund (not earmarked)", ko: "기금(미지정 재원)")
            var source = sources[transaction.source] ?? Source(source: transaction.source, label: label)
            switch Movement(rawValue: transaction.movement) {
            case .commitment: source.committed += transaction.amountKRW
            case .cancellation: source.committed -= transaction.amountKRW
            case .disbursement: source.disbursed += transaction.amountKRW
            case .repayment: source.repaid += transaction.amountKRW
            default: break
            }
            sources[transaction.source] = source
        }
        return ProjectFinance(project: project, transactions: try transactions.map(BookedTransaction.init), sources: sources.values.sorted { $0.source < $1.source })
    }
}

struct ProjectFinanceDTO: JSONWritable {
    let finance: ProjectFinance

    func writeJSON(to writer: inout JSONWriter) {
        let finance = finance
        writer.object {
            $0.field("project", finance.project.storedID)
            $0.field("code", finance.project.code)
            $0.field("committed", finance.committed)
            $0.field("disbursed", finance.disbursed)
            $0.key("sources")
            $0.array(finance.sources) { writer, source in
                writer.object {
                    $0.field("source", source.source)
                    $0.field("label", source.label)
                    $0.field("committed", source.committed)
                    $0.field("disbursed", source.disbursed)
                    $0.field("repaid", source.repaid)
                    $0.field("outstanding", source.outstanding)
                }
            }
            $0.field("transactions", finance.transactions.map { LedgerTransactionDTO(booked: $0, projectCode: finance.project.code) })
        }
    }
}
