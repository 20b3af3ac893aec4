import Foundation
import SconDomain
import Vapor

/// A call as the API and the pages read it: its state and its terms.
struct CallDTO: JSONWritable {
    var id: UUID
    var state: CallState
    var sample: Bool
    var terms: CallTerms
    var createdAt: Date?
    var updatedAt: Date?

    init(_ model: Call) throws {
        id = try model.requireID()
        state = try model.callState
        sample = model.sample
        terms = try model.terms()
        createdAt = model.createdAt
        updatedAt = model.updatedAt
    }


    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("state", state.rawValue)
            $0.field("sample", sample)
            $0.field("title", terms.title)
            $0.field("text", terms.text)
            $0.field("supportTypes", terms.supportTypes.map(\.rawValue))
            $0.field("eligibleCountries", terms.eligibleCountries.map(\.value))
            $0.field("opensAt", terms.schedule.opensLocal)
            $0.field("closesAt", terms.schedule.closesLocal)
            $0.field("timeZone", terms.schedule.timeZone)
            $0.field("opensAtUtc", AuditChain.timestamp(terms.schedule.opensAt))
            $0.field("closesAtUtc", AuditChain.timestamp(terms.schedule.closesAt))
            $0.field("selections", terms.selections)
            $0.field("onePerCountry", terms.onePerCountry)
            $0.key("budgets")
            $0.object { writer in
                for type in terms.supportTypes {
                    writer.key(escaping: type.rawValue)
                    writer.int(terms.budgets[type] ?? 0)
                }
            }
            $0.field("totalBudget", terms.totalBudget)
            $0.field("endorsementsPerCountry", terms.endorsementsPerCountry)
            $0.key("criteria")
            $0.array(terms.evaluation.criteria) { writer, criterion in
                writer.object {
                    $0.field("key", criterion.key)
                    $0.field("name", criterion.name)
                    $0.field("weight", criterion.weight)
                }
            }
            $0.key("scale")
            $0.object {
                $0.field("minimum", terms.evaluation.scaleMinimum)
                $0.field("maximum", terms.evaluation.scaleMaximum)
            }
            $0.key("requiredDocuments")
            $0.array(terms.requiredDocuments) { writer, document in
                writer.object { $0.field("en", document.en); $0.field("ko", document.ko) }
            }
            $0.field("eligibilityRules", terms.eligibilityRules.map(\.rawValue))
            $0.field("appealDays", terms.appealPeriodDays)
            $0.field("sameCountryConflict", terms.countsSameCountryAsConflict)
            $0.field("nextStates", state.successors.map(\.rawValue).sorted())
            $0.field("createdAt", createdAt.map(AuditChain.timestamp))
            $0.field("updatedAt", updatedAt.map(AuditChain.timestamp))
        }
    }
}
