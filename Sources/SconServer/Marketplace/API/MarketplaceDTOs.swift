import Foundation
import SconDomain

/// A challenge as the API answers it.
struct ChallengeDTO: JSONWritable {
    var model: Challenge
    var sectors: [String]
    /// The budget in KRW at the fund's latest rate of its currency (nil without one).
    var budgetKRW: BudgetRange?

    init(_ model: Challenge, rates: [Currency: ExchangeRate]) throws {
        self.model = model
        sectors = try model.sectorList.map(\.rawValue)
        budgetKRW = model.budgetKRW(rates)?.range
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", model.storedID)
            $0.field("externalRef", model.externalRef)
            $0.field("organisation", model.organisationID)
            $0.key("city"); if let city = model.cityID { $0.uuid(city) } else { $0.null() }
            $0.field("country", model.countryCode)
            $0.field("sectors", sectors)
            $0.field("language", model.language)
            $0.field("title", model.title)
            $0.field("body", model.body)
            $0.field("titleKo", model.titleKo)
            $0.field("bodyKo", model.bodyKo)
            $0.field("titleEn", model.titleEn)
            $0.field("bodyEn", model.bodyEn)
            $0.field("peopleAffected", model.peopleAffected)
            $0.key("budget")
            if let low = model.budgetMinMinor, let high = model.budgetMaxMinor, let currency = model.budgetCurrency.flatMap(Currency.init(rawValue:)) {
                $0.object {
                    $0.field("currency", currency.rawValue)
                    $0.field("minimum", Money(minor: low, currency).decimalText)
                    $0.field("maximum", Money(minor: high, currency).decimalText)
                }
            } else { $0.null() }
            $0.key("budgetKrw")
            if let krw = budgetKRW {
                $0.object {
                    $0.field("currency", "KRW")
                    $0.field("minimum", krw.minimum.decimalText)
                    $0.field("maximum", krw.maximum.decimalText)
                }
            } else { $0.null() }
            $0.field("timing", model.timing)
            $0.field("contact", model.contact)
            $0.field("status", model.status)
            $0.field("sample", model.sample)
        }
    }
}

/// A solution as the API answers it.
struct SolutionDTO: JSONWritable {
    var model: Solution
    var sectors: [String]
    var references: [UUID]
    var languages: [String]

    init(_ model: Solution) throws {
        self.model = model
        sectors = try model.sectorList.map(\.rawValue)
        references = try model.referenceList
        languages = try model.languageList.map(\.rawValue)
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", model.storedID)
            $0.field("externalRef", model.externalRef)
            $0.field("organisation", model.organisationID)
            $0.field("country", model.countryCode)
            $0.field("sectors", sectors)
            $0.field("language", model.language)
            $0.field("title", model.title)
            $0.field("body", model.body)
            $0.field("titleKo", model.titleKo)
            $0.field("bodyKo", model.bodyKo)
            $0.field("titleEn", model.titleEn)
            $0.field("bodyEn", model.bodyEn)
            $0.field("readiness", model.readiness)
            $0.field("references", references.map { UUIDText.string($0) })
            $0.field("priceModel", model.priceModel)
            $0.field("languages", languages)
            $0.field("status", model.status)
            $0.field("sample", model.sample)
        }
    }
}

/// One suggested match, with its reasons as codes and values.
struct MatchDTO: JSONWritable {
    var match: MarketplaceMatching.Match
    /// The other side's title (the solution's for a challenge, and the reverse).
    var title: String
    var otherID: UUID
    var kind: String

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("kind", kind)
            $0.field("id", otherID)
            $0.field("title", title)
            $0.field("challenge", match.challenge)
            $0.field("solution", match.solution)
            $0.field("score", match.score)
            $0.key("reasons")
            $0.array(match.reasons) { writer, reason in
                writer.object {
                    $0.field("code", reason.code)
                    $0.field("value", reason.value)
                }
            }
        }
    }
}

extension MarketplaceMatching.Reason {
    /// `sectors`, `terms`, `country`, `language` or `deployed`.
    var code: String { String(key.dropFirst("match.".count)) }

    /// The reason's value as text: sector codes, a count, a country or language code.
    var value: String {
        switch self {
        case .sharedSectors(let sectors): sectors.map(\.rawValue).joined(separator: ",")
        case .commonTerms(let count): String(count)
        case .countryExperience(let country): country.value
        case .language(let language): language.rawValue
        case .deployed: ""
        }
    }
}

/// The interest of each side in a pair, and whether the conversation is open.
struct InterestDTO: JSONWritable {
    var challenge: UUID
    var solution: UUID
    var challengeSide: Bool
    var solutionSide: Bool

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("challenge", challenge)
            $0.field("solution", solution)
            $0.field("challengeSide", challengeSide)
            $0.field("solutionSide", solutionSide)
            $0.field("mutual", challengeSide && solutionSide)
        }
    }
}

/// A message of a conversation.
struct MessageDTO: JSONWritable {
    var model: MarketplaceMessage

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", model.storedID)
            $0.field("author", model.authorID)
            $0.field("organisation", model.organisationID)
            $0.field("text", model.text)
            $0.field("createdAt", ISO8601DateFormatter().string(from: model.createdAt))
        }
    }
}

/// What a mutual pair became: its lead on a centre's board, its draft proposal, its meeting requests.
struct FollowUpsDTO: JSONWritable {
    var challenge: UUID
    var solution: UUID
    var made: FollowUpStore.Made

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("challenge", challenge)
            $0.field("solution", solution)
            $0.key("lead")
            if let lead = made.lead {
                $0.object {
                    $0.field("id", lead.storedID)
                    $0.field("centre", lead.centreID)
                    $0.field("project", lead.projectID)
                }
            } else { $0.null() }
            $0.key("proposal")
            if let proposal = made.proposal {
                $0.object {
                    $0.field("id", proposal.storedID)
                    $0.field("call", proposal.callID)
                    $0.field("state", proposal.state)
                }
            } else { $0.null() }
            $0.key("meetings")
            $0.array(made.meetings) { writer, item in
                writer.object {
                    $0.field("event", item.0.eventID)
                    $0.field("request", item.0.requestID)
                    $0.field("createdAt", ISO8601DateFormatter().string(from: item.0.createdAt))
                }
            }
        }
    }
}
