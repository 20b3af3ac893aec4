import Foundation
import SconDomain
import Vapor

struct LedgerTransactionDTO: JSONWritable {
    let transaction: LedgerTransaction
    let original: Money
    let projectCode: String?

    init(booked: BookedTransaction, projectCode: String?) {
        transaction = booked.row
        original = booked.original
        self.projectCode = projectCode
    }

    init(transaction: LedgerTransaction, projectCode: String?) throws {
        self.init(booked: try BookedTransaction(transaction), projectCode: projectCode)
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", transaction.storedID)
            $0.field("number", transaction.number)
            $0.field("movement", transaction.movement)
            $0.field("project", transaction.projectID.map(UUIDText.string))
            $0.field("projectCode", projectCode)
            $0.field("earmark", transaction.earmarkID.map(UUIDText.string))
            $0.field("instrument", transaction.instrument)
            $0.field("amount", original.decimalText)
            $0.field("currency", transaction.currency)
            $0.key("rate")
            $0.object {
                $0.field("krwPerUnit", ExchangeRate(currency: original.currency, day: CalendarDay(transaction.rateDay) ?? CalendarDay(transaction.bookedAt),
                                                    microKRWPerUnit: transaction.microKRW, source: transaction.rateSource).rateText)
                $0.field("day", transaction.rateDay)
                $0.field("source", transaction.rateSource)
            }
            $0.field("amountKRW", transaction.amountKRW)
            $0.field("valueDay", transaction.valueDay)
            $0.field("memo", transaction.memo)
            $0.field("bookedAt", AuditChain.timestamp(transaction.bookedAt))
        }
    }
}

struct ExchangeRateDTO: JSONWritable {
    let rate: ExchangeRate
    let sample: Bool

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("currency", rate.currency.rawValue)
            $0.field("day", rate.day.description)
            $0.field("krwPerUnit", rate.rateText)
            $0.field("source", rate.source)
            $0.field("sample", sample)
        }
    }
}

/// The money of one part of the fund or one group of projects, in the report's currency.
struct PositionDTO: JSONWritable {
    let row: FundReports.Row
    let convert: @Sendable (Int) -> String

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("key", row.key)
            $0.field("label", row.label)
            $0.field("allocated", row.allocated.map(convert))
            $0.field("committed", convert(row.committed))
            $0.field("disbursed", convert(row.disbursed))
            $0.field("repaid", convert(row.repaid))
            $0.field("outstanding", convert(row.outstanding))
            $0.field("available", row.available.map(convert))
        }
    }
}

struct FundPositionDTO: JSONWritable {
    let report: FundReports.Report

    func writeJSON(to writer: inout JSONWriter) {
        let report = report
        writer.object {
            $0.field("fund", report.fund.code)
            $0.field("name", report.fund.name)
            $0.field("by", report.grouping.rawValue)
            $0.field("currency", report.currency.rawValue)
            $0.key("rate")
            if let rate = report.rate {
                $0.object {
                    $0.field("krwPerUnit", rate.rateText)
                    $0.field("day", rate.day.description)
                    $0.field("source", rate.source)
                }
            } else {
                $0.null()
            }
            $0.field("capital", report.text(report.capital))
            $0.field("rows", report.rows.map { PositionDTO(row: $0, convert: report.text) })
        }
    }
}
