import Foundation
import SconDomain
import Testing
@testable import SconServer

/// Every string key the code uses exists in both languages, so that no page ever shows a key
/// (or, since a missing key renders as nothing, an empty label).
@Suite struct StringCoverageTests {
    static func missing(_ keys: some Sequence<String>) -> [String] {
        keys.filter { key in Strings.english.table[key] == nil || Strings.korean.table[key] == nil }.sorted()
    }

    @Test func everyLiteralKeyInTheCodeIsInBothLanguages() throws {
        let patterns = [#"(?:context|strings|s)\[\s*"([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+)"\s*\]"#,
                        #"format\(\s*"([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+)""#,
                        #"label: "([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+)""#,
                        #"kind: "(due\.[a-z]+)""#,
                        #"labelPrefix = "([a-z]+\.)""#].map { try! NSRegularExpression(pattern: $0) }
        var used = Set<String>()
        for (_, text) in try ArchitectureTests.sources("Sources/SconServer") {
            for pattern in patterns {
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text), !text[range].hasSuffix(".") { used.insert(String(text[range])) }
                }
            }
        }
        #expect(used.count > 300, "the scan found only \(used.count) keys")
        #expect(Self.missing(used).isEmpty, "keys used but missing in a language: \(Self.missing(used))")
    }

    @Test func everyKeyBuiltFromADomainValueIsInBothLanguages() {
        var keys: [String] = []
        keys += Sector.allCases.map { "sector.\($0.rawValue)" }
        keys += ["country-taken", "support-type-budget-exceeded", "total-budget-exceeded", "would-reduce-selections"].map { "selection.keptOut.\($0)" } + ["error.not-period"]
        keys += SupportType.allCases.map { "supporttype.\($0.rawValue)" }
        keys += ProjectStage.allCases.map { "stage.\($0.rawValue)" }
        keys += CallState.allCases.map { "callstate.\($0.rawValue)" }
        keys += ProposalState.allCases.map { "proposalstate.\($0.rawValue)" }
        keys += OrganisationType.allCases.map { "orgtype.\($0.rawValue)" }
        keys += CityKind.allCases.map { "citykind.\($0.rawValue)" }
        keys += Role.allCases.map { "role.\($0.rawValue)" } + ProjectRole.allCases.map { "role.\($0.rawValue)" }
        keys += ScopeKind.allCases.map { "scope.\($0.rawValue)" }
        keys += EligibilityRule.allCases.map { "eligibility.\($0.rawValue)" }
        keys += Movement.allCases.map { "movement.\($0.rawValue)" } + Instrument.allCases.map { "instrument.\($0.rawValue)" }
        keys += ReadinessFlag.allCases.map { "readiness.\($0.rawValue)" }
        keys += DeliverableKind.allCases.map { "deliverable.\($0.rawValue)" }
        keys += ConflictReason.allCases.map { "conflict.\($0.rawValue)" }
        keys += Language.allCases.map { "language.\($0.rawValue)" }
        keys += SconContexts.all.flatMap(\.navigation).map(\.label)
        keys += EventState.allCases.map { "eventstate.\($0.rawValue)" } + EventType.allCases.map { "eventtype.\($0.rawValue)" }
        keys += CentreStatus.allCases.map { "centrestatus.\($0.rawValue)" } + RegistrationStatus.allCases.map { "registrationstatus.\($0.rawValue)" }
        keys += ParticipantKind.allCases.map { "participantkind.\($0.rawValue)" } + ParticipantSide.allCases.map { "side.\($0.rawValue)" }
        keys += LeadStatus.allCases.map { "leadstatus.\($0.rawValue)" } + MeetingRequestState.allCases.map { "requeststate.\($0.rawValue)" }
        keys += MeetingOutcome.allCases.map { "outcome.\($0.rawValue)" }
        keys += ["participantLimit", "noCommonSlot", "noTable"].map { "schedule.reason.\($0)" }
        keys += ["sector", "country", "basedIn", "term"].flatMap { kind in ["theyOffer", "theySeek"].map { "suggestion.\(kind).\($0)" } }
        keys += ["register", "request", "answer", "schedule", "publish", "decide", "checkIn"].map { "refusal.event.wrongState.\($0)" }
        keys += AgreementStatus.allCases.map { "agreementstatus.\($0.rawValue)" } + ["agreementstatus.none"]
        keys += AgreementKind.allCases.map { "agreementkind.\($0.rawValue)" } + AgreementLevel.allCases.map { "agreementlevel.\($0.rawValue)" }
        keys += OutcomeType.allCases.map { "outcometype.\($0.rawValue)" } + OutcomeState.allCases.map { "outcomestate.\($0.rawValue)" }
        keys += PortalDataset.allCases.flatMap { ["portal.dataset.\($0.rawValue)", "portal.dataset.\($0.rawValue).text"] }
        keys += TrainingTopic.allCases.map { "trainingtopic.\($0.rawValue)" } + TrainingFormat.allCases.map { "trainingformat.\($0.rawValue)" }
        keys += ["day", "starts", "ends", "topic.en", "topic.ko", "venue.en", "venue.ko", "onlineLink"].map { "cohortfield.session.\($0)" }
        keys += CountryCode.asean.map { "cohortfield.quota.fixed.\($0.value)" }
        keys += ["key", "kind", "text.en", "text.ko", "required"].map { "surveyfield.\($0)" } + ["scale", "text"].map { "surveykind.\($0)" }
        keys += ["refusal.agreement.skipsStep", "refusal.agreement.beforeLastAction", "due.dormant"]
        keys += AgreementLinkKind.allCases.map { "agreementlink.\($0.rawValue)" }
        keys += ["refusal.agreement.milestoneDone", "refusal.outcome.alreadyCounted", "due.milestone", "error.not-pdf", "error.in-future", "error.has-steps"]
        keys += HelpPage.roles.map { "help.role.\($0.rawValue)" }
        keys += JoinRequestState.allCases.map { "joinstate.\($0.rawValue)" } + OrganisationRegistrationState.allCases.map { "registrationstate.\($0.rawValue)" }
        keys += ["alreadyPending", "alreadyMember", "notPending", "registrationNotPending", "registrationPending"].map { "refusal.join.\($0)" }
        keys += NoticeKind.allCases.map { "noticekind.\($0.rawValue)" }
        #expect(Self.missing(keys).isEmpty, "keys built from domain values but missing: \(Self.missing(keys))")
    }

    @Test func aMissingKeyNeverShowsAsTheKey() {
        #expect(Strings.english["no.such.key"] == "")
        #expect(!Strings.korean.has("no.such.key"))
    }
}
