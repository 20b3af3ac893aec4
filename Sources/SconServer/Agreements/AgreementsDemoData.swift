import Fluent
import Foundation
import SconDomain

/// The agreements and outcomes the programme's public record names (PROGRAMME.md, the news
/// report of 25 November 2019). Parties the record does not name are "not disclosed", dates
/// only as precise as the record gives them, and the outcomes it counts without details are
/// recorded as reported by the ministry, never with invented details.
enum AgreementsDemoData {
    static let reportDay = CalendarDay("2019-11-25")!
    static let source = "News report of 25 November 2019 on the first Korea–ASEAN Smart City Ministerial Meeting (Busan)"
    static let reported = LocalizedText(en: "Reported by the ministry (MOLIT) on 25 November 2019; details not disclosed",
                                        ko: "2019년 11월 25일 국토교통부 발표, 세부 내용 비공개")
    static let reportSource = LocalizedText(en: "MOLIT, as reported on 25 November 2019", ko: "국토교통부, 2019년 11월 25일 보도")

    /// The Korean of the English texts the demo data and the store record (sources, notes).
    static let korean: [String: String] = [
        source: "2019년 11월 25일 제1차 한-아세안 스마트시티 장관회의(부산) 보도",
        "Recorded on K-SCON": "K-SCON 기록",
        "Signed during the presidential visit": "대통령 순방 중 서명",
        "Signed during the 2019 Korea–ASEAN Commemorative Summit period": "2019 한-아세안 특별정상회의 기간 중 서명",
        "Signed at the first Korea–ASEAN Smart City Ministerial Meeting": "제1차 한-아세안 스마트시티 장관회의에서 서명",
    ]

    struct Party { var organisation: String?; var country: String?; var description: LocalizedText? }
    struct Seed {
        var kind: AgreementKind; var level: AgreementLevel; var title: LocalizedText; var signed: String; var place: LocalizedText?
        var parties: [Party]; var note: String; var outcomeCountries: [String]
    }

    static let busan = LocalizedText(en: "Busan, Korea", ko: "대한민국 부산")
    static let koreanMinistry = LocalizedText(en: "Korean ministry (not disclosed)", ko: "한국 부처(비공개)")
    static let koreanInstitution = LocalizedText(en: "Korean public institution (not disclosed)", ko: "한국 공공기관(비공개)")
    static let aseanInstitution = LocalizedText(en: "ASEAN local government or public institution (not disclosed)", ko: "아세안 지방정부 또는 공공기관(비공개)")

    static let seeds: [Seed] = [
        Seed(kind: .mou, level: .ministerial,
             title: LocalizedText(en: "MOU on smart-city cooperation between MOLIT and Thailand's Ministry of Digital Economy and Society",
                                  ko: "국토교통부–태국 디지털경제사회부 스마트시티 협력 업무협약"),
             signed: "2019-09", place: nil, parties: [Party(organisation: "molit"), Party(organisation: "th-mdes")],
             note: "Signed during the presidential visit", outcomeCountries: ["TH"]),
        Seed(kind: .mou, level: .ministerial,
             title: LocalizedText(en: "Ministerial MOU with Singapore on comprehensive smart-city cooperation", ko: "싱가포르와의 스마트시티 포괄 협력 장관급 업무협약"),
             signed: "2019-11", place: busan,
             parties: [Party(country: "KR", description: koreanMinistry),
                       Party(country: "SG", description: LocalizedText(en: "Singapore ministry (not disclosed)", ko: "싱가포르 부처(비공개)"))],
             note: "Signed during the 2019 Korea–ASEAN Commemorative Summit period", outcomeCountries: ["SG"]),
        Seed(kind: .mou, level: .ministerial,
             title: LocalizedText(en: "Ministerial MOU with Brunei on comprehensive smart-city cooperation", ko: "브루나이와의 스마트시티 포괄 협력 장관급 업무협약"),
             signed: "2019-11", place: busan,
             parties: [Party(country: "KR", description: koreanMinistry),
                       Party(country: "BN", description: LocalizedText(en: "Brunei ministry (not disclosed)", ko: "브루나이 부처(비공개)"))],
             note: "Signed during the 2019 Korea–ASEAN Commemorative Summit period", outcomeCountries: ["BN"]),
    ] + (1...3).map { number in
        Seed(kind: .mou, level: .institutional,
             title: LocalizedText(en: "Institutional MOU for a smart-city cooperation project (\(number) of 3, Korea–ASEAN Smart City Ministerial Meeting)",
                                  ko: "스마트시티 협력사업 기관 간 업무협약(한-아세안 스마트시티 장관회의, 3건 중 \(number)번째)"),
             signed: "2019-11", place: busan,
             parties: [Party(country: "KR", description: koreanInstitution), Party(description: aseanInstitution)],
             note: "Signed at the first Korea–ASEAN Smart City Ministerial Meeting", outcomeCountries: [])
    }

    static func seed(_ db: any Database) async throws {
        var organisations: [String: UUID] = [:]
        for organisation in try await Organisation.query(on: db).filter(\.$seedKey ~~ ["molit", "th-mdes"]).all() {
            if let key = organisation.seedKey { organisations[key] = organisation.storedID }
        }
        for (index, seed) in seeds.enumerated() {
            let id = UUID()
            let agreement = Agreement()
            agreement.id = id
            agreement.code = "AGR-2019-0\(index + 1)"
            agreement.kind = seed.kind.rawValue
            agreement.level = seed.level.rawValue
            agreement.titleEn = seed.title.en
            agreement.titleKo = seed.title.ko
            agreement.signedOn = seed.signed
            agreement.placeEn = seed.place?.en
            agreement.placeKo = seed.place?.ko
            agreement.sectors = ""
            agreement.obligationsEn = ""
            agreement.obligationsKo = ""
            agreement.isPublic = true
            agreement.source = source
            agreement.sample = false
            try await agreement.create(on: db)
            for (position, party) in seed.parties.enumerated() {
                let row = AgreementParty()
                row.agreementID = id
                row.position = position
                row.organisationID = party.organisation.flatMap { organisations[$0] }
                row.countryCode = party.country
                row.nameEn = party.description?.en
                row.nameKo = party.description?.ko
                try await row.create(on: db)
                let action = AgreementAction()
                action.agreementID = id; action.partyID = row.storedID; action.position = 0
                action.status = AgreementStatus.signed.rawValue; action.onDate = seed.signed; action.note = seed.note
                try await action.create(on: db)
            }
            try await AuditLog.append([AuditEvent(actor: nil, action: "agreement.seed", subject: "agreement:\(UUIDText.string(id))",
                                                  details: ["code": agreement.code])], to: .agreement(id), on: db)
            let outcome = Outcome()
            outcome.apply(OutcomeFacts(type: .agreement, state: .achieved, date: PartialDate(seed.signed), recordedOn: reportDay,
                                       countries: Set(seed.outcomeCountries.compactMap(CountryCode.init))))
            outcome.titleEn = seed.title.en
            outcome.titleKo = seed.title.ko
            outcome.sourceEn = source
            outcome.sourceKo = "2019년 11월 25일 제1차 한-아세안 스마트시티 장관회의(부산) 보도"
            outcome.linkKind = "agreement"
            outcome.linkID = id
            outcome.sample = false
            try await outcome.create(on: db)
        }
        // 23 outcomes as of 25 November 2019: the 6 agreements above, 14 more achieved and 3
        // scheduled for December 2019, reported without details.
        for index in 0..<17 {
            let planned = index >= 14
            let outcome = Outcome()
            outcome.apply(OutcomeFacts(type: .notDisclosed, state: planned ? .planned : .achieved, date: planned ? PartialDate("2019-12") : nil,
                                       recordedOn: reportDay, countries: []))
            outcome.titleEn = planned ? "Cooperation outcome scheduled for December 2019 (details not disclosed)" : reported.en
            outcome.titleKo = planned ? "2019년 12월 예정 협력성과(세부 내용 비공개)" : reported.ko
            outcome.sourceEn = reportSource.en
            outcome.sourceKo = reportSource.ko
            outcome.sample = false
            try await outcome.create(on: db)
        }
    }
}
