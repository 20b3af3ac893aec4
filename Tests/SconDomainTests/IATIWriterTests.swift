import Foundation
import Testing
@testable import SconDomain

@Suite struct IATIWriterTests {
    static let reportingOrg = IATIWriter.ReportingOrg(ref: "KR-GOV-999", type: 10,
                                                      name: LocalizedText(en: "K-SCON Secretariat (example)", ko: "K-SCON 사무국 (예시)"))
    /// 2026-11-30T09:00:00Z
    static let generated = Date(timeIntervalSince1970: 1_796_029_200)

    static func day(_ text: String) -> CalendarDay {
        guard let day = CalendarDay(text) else { fatalError("not a day: \(text)") }
        return day
    }

    static func country(_ code: String) -> CountryCode {
        guard let country = CountryCode(code) else { fatalError("not a country code: \(code)") }
        return country
    }

    static func usd(_ minor: Int) -> Money { Money(minor: minor, .USD) }
    static func krw(_ won: Int) -> Money { Money(minor: won, .KRW) }

    /// A grant in implementation in Da Nang: every kind of transaction, budgets in two currencies, a result.
    static let danang = IATIActivity(
        identifier: IATIActivity.identifier(reportingOrg: "KR-GOV-999", projectCode: "KSCON-2026-VN-01"),
        projectCode: "KSCON-2026-VN-01",
        title: LocalizedText(en: "Da Nang adaptive traffic signal control", ko: "다낭 적응형 교통신호 제어"),
        description: LocalizedText(en: "An adaptive signal system and a mobility operations centre in Da Nang.",
                                   ko: "다낭에 적응형 신호 시스템과 모빌리티 운영센터를 구축한다."),
        participants: [
            IATIParticipant(name: LocalizedText(en: "Example Korean ITS Consortium", ko: "예시 한국 ITS 컨소시엄"), ref: nil,
                            organisationType: 71, role: .lead),
            IATIParticipant(name: LocalizedText(en: "Example Da Nang Engineering JSC", ko: ""), ref: nil, organisationType: 72, role: .partner),
            IATIParticipant(name: LocalizedText(en: "Example Korean development lender", ko: "예시 한국 개발금융기관"), ref: "KR-GOV-998",
                            organisationType: 10, role: .financier),
            IATIParticipant(name: LocalizedText(en: "Example Traffic Consultants", ko: ""), ref: nil, organisationType: 71, role: .consultant),
            IATIParticipant(name: LocalizedText(en: "Da Nang City People's Committee", ko: "다낭시 인민위원회"), ref: nil,
                            organisationType: 11, role: .beneficiary),
        ],
        stage: .implementation,
        dates: [
            IATIActivityDate(kind: .plannedStart, day: day("2026-03-01")),
            IATIActivityDate(kind: .actualStart, day: day("2026-04-15")),
            IATIActivityDate(kind: .plannedEnd, day: day("2027-12-31")),
        ],
        recipientCountry: country("VN"),
        locations: [IATILocation(name: LocalizedText(en: "Da Nang", ko: "다낭"), latitude: 16.06778, longitude: 108.22083)],
        sectors: [.transport, .digital, .urbanDevelopment],
        budgets: [
            IATIBudget(start: day("2026-03-01"), end: day("2026-12-31"), value: usd(120_000_000), valueDate: day("2026-03-01")),
            IATIBudget(start: day("2027-01-01"), end: day("2027-12-31"), value: krw(1_800_000_000), valueDate: day("2026-03-01")),
        ],
        transactions: [
            IATITransaction(kind: .commitment, day: day("2026-03-01"), value: usd(300_000_000), valueDate: day("2026-03-01"),
                            description: "Grant commitment for the whole project", receiverName: "Example Korean ITS Consortium"),
            IATITransaction(kind: .disbursement, day: day("2026-05-10"), value: usd(123_450), valueDate: day("2026-05-10"),
                            description: nil, receiverName: "Example Korean ITS Consortium"),
            IATITransaction(kind: .cancellation, day: day("2026-09-30"), value: usd(25_000_000), valueDate: day("2026-09-30"),
                            description: "Second phase cancelled", receiverName: nil),
            IATITransaction(kind: .loanRepayment, day: day("2027-06-30"), value: krw(150_000_000), valueDate: day("2027-06-30"),
                            description: "First instalment", receiverName: "Example Korean development lender"),
        ],
        results: [
            IATIResult(type: 1, title: LocalizedText(en: "Intersections connected to the control centre", ko: "제어센터에 연결된 교차로"),
                       indicators: [
                           IATIIndicator(measure: 1, title: LocalizedText(en: "Number of connected intersections", ko: "연결된 교차로 수"),
                                         baselineYear: 2025, baselineValue: "0", periods: [
                                             IATIIndicatorPeriod(start: day("2026-01-01"), end: day("2026-12-31"), target: "40", actual: "35"),
                                             IATIIndicatorPeriod(start: day("2027-01-01"), end: day("2027-12-31"), target: "120", actual: nil),
                                         ]),
                       ]),
        ],
        lastUpdated: Date(timeIntervalSince1970: 1_795_835_700),
        defaultCurrency: .USD)

    /// A lead that was dropped: the least a published activity has.
    static let makassar = IATIActivity(
        identifier: IATIActivity.identifier(reportingOrg: "KR-GOV-999", projectCode: "KSCON-2025-ID-07"),
        projectCode: "KSCON-2025-ID-07",
        title: LocalizedText(en: "Makassar smart water metering", ko: ""),
        description: LocalizedText(en: "A lead for smart meters in Makassar; dropped before the study.", ko: "마카사르 스마트 계량기 발굴 사업 (중단)"),
        participants: [IATIParticipant(name: LocalizedText(en: "Example Korean Water Tech Co.", ko: ""), ref: nil, organisationType: 71,
                                       role: .lead)],
        stage: .dropped,
        dates: [IATIActivityDate(kind: .plannedStart, day: day("2025-09-01"))],
        recipientCountry: country("ID"),
        locations: [],
        sectors: [.water],
        budgets: [],
        transactions: [],
        results: [],
        lastUpdated: Date(timeIntervalSince1970: 1_759_365_000),
        defaultCurrency: .KRW)

    @Test func twoActivitiesValidateAgainstTheSchema() throws {
        let document = IATIWriter.document([Self.danang, Self.makassar], reportingOrg: Self.reportingOrg, generated: Self.generated)
        #expect(document.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"))
        #expect(document.contains(#"<iati-activities version="2.03" generated-datetime="2026-11-30T09:00:00.000Z">"#))
        #expect(document.contains(#"last-updated-datetime="2026-11-28T03:15:00.000Z" xml:lang="en" default-currency="USD""#))
        #expect(document.contains("<iati-identifier>KR-GOV-999-KSCON-2026-VN-01</iati-identifier>"))
        #expect(document.contains(#"<other-identifier ref="KSCON-2026-VN-01" type="A1"/>"#))
        guard let result = try Self.xmllint(document) else { return }
        #expect(result.status == 0, "xmllint: \(result.output)\n\(document)")
    }

    @Test func markupInTextIsEscapedAndStillValidates() throws {
        var activity = Self.makassar
        activity.title = LocalizedText(en: #"Pumps <script>&"' alarm"#, ko: "경보\u{0007}기 <b>")
        activity.participants[0].ref = #"KR-"X"&<y>"#
        activity.transactions = [IATITransaction(kind: .commitment, day: Self.day("2025-09-01"), value: Self.krw(5_000_000),
                                                 valueDate: Self.day("2025-09-01"), description: "a\r\nb\u{0000}c", receiverName: nil)]
        let document = IATIWriter.document([activity], reportingOrg: Self.reportingOrg, generated: Self.generated)
        #expect(document.contains("<narrative>Pumps &lt;script&gt;&amp;&quot;&apos; alarm</narrative>"))
        #expect(document.contains(#"<narrative xml:lang="ko">경보기 &lt;b&gt;</narrative>"#))
        #expect(document.contains(#"ref="KR-&quot;X&quot;&amp;&lt;y&gt;""#))
        #expect(document.contains("<narrative>a&#13;\nbc</narrative>"))
        #expect(!document.contains("<script>"))
        #expect(!document.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        guard let result = try Self.xmllint(document) else { return }
        #expect(result.status == 0, "xmllint: \(result.output)\n\(document)")
    }

    @Test func codesAmountsAndCoordinates() {
        #expect(ProjectStage.allCases.map(\.iatiStatus) == [1, 1, 1, 1, 1, 1, 2, 3, 5])
        let roles: [[Int]] = [[2], [4], [1], [4], []]
        #expect(ProjectRole.allCases.map(\.iatiRoles) == roles)
        #expect(Set(Sector.allCases.map(\.dacCode)).count == Sector.allCases.count)
        #expect(Sector.allCases.allSatisfy { $0.dacCode.count == 5 && $0.dacCode.allSatisfy(\.isASCIIDigit) })

        let document = IATIWriter.document([Self.danang, Self.makassar], reportingOrg: Self.reportingOrg, generated: Self.generated)
        #expect(document.contains(#"<activity-status code="2"/>"#))
        #expect(document.contains(#"<activity-status code="5"/>"#))
        #expect(document.contains(#"<activity-date type="2" iso-date="2026-04-15"/>"#))
        #expect(document.contains(#"<recipient-country code="VN" percentage="100"/>"#))
        #expect(document.contains(#"<participating-org type="71" role="2">"#))
        #expect(document.contains(#"<participating-org ref="KR-GOV-998" type="10" role="1">"#))
        #expect(!document.contains("Da Nang City People"), "a beneficiary is not a participating-org")

        let cancellation = XML.render(IATIWriter.transaction(Self.danang.transactions[2]))
        #expect(cancellation.contains(#"<transaction-type code="2"/>"#))
        #expect(cancellation.contains(#"<value currency="USD" value-date="2026-09-30">-250000.00</value>"#))
        let repayment = XML.render(IATIWriter.transaction(Self.danang.transactions[3]))
        #expect(repayment.contains(#"<transaction-type code="6"/>"#))
        #expect(repayment.contains(#"<value currency="KRW" value-date="2027-06-30">150000000</value>"#))

        #expect(document.contains(#"<value currency="USD" value-date="2026-05-10">1234.50</value>"#))
        #expect(document.contains(#"<value currency="USD" value-date="2026-03-01">1200000.00</value>"#))
        #expect(document.contains(#"<value currency="KRW" value-date="2026-03-01">1800000000</value>"#))
        #expect(!document.contains("1800000000."))
        #expect(document.contains("<pos>16.067780 108.220830</pos>"))
        #expect(document.contains(#"<point srsName="http://www.opengis.net/def/crs/EPSG/0/4326">"#))
        #expect(IATIWriter.fixed(-5.14861) == "-5.148610")
        #expect(IATIWriter.fixed(1e-7) == "0.000000")
        #expect(IATIWriter.fixed(-0.0000004) == "0.000000")
    }

    @Test func sectorPercentagesAddUpTo100() {
        let document = IATIWriter.document([Self.danang, Self.makassar], reportingOrg: Self.reportingOrg, generated: Self.generated)
        #expect(document.contains(#"<sector vocabulary="1" code="21020" percentage="34"/>"#))
        #expect(document.contains(#"<sector vocabulary="1" code="22040" percentage="33"/>"#))
        #expect(document.contains(#"<sector vocabulary="1" code="43030" percentage="33"/>"#))
        #expect(document.contains(#"<sector vocabulary="1" code="14021" percentage="100"/>"#))

        for count in 1...Sector.allCases.count {
            let rendered = IATIWriter.sectors(Array(Sector.allCases.prefix(count))).map { XML.render($0) }
            let percentages = rendered.compactMap { text in text.split(separator: "\"").dropFirst(5).first.flatMap { Int($0) } }
            #expect(percentages.count == count)
            #expect(percentages.reduce(0, +) == 100, "\(count) sectors: \(percentages)")
        }
        #expect(IATIWriter.sectors([.water, .water]).map { XML.render($0) } == [#"<sector vocabulary="1" code="14021" percentage="100"/>"# + "\n"])
        #expect(IATIWriter.sectors([]).isEmpty)
    }

    @Test func missingPiecesStillGiveAValidActivity() throws {
        var activity = Self.makassar
        activity.title = LocalizedText(en: "", ko: "마카사르 스마트 상수도")
        activity.description = LocalizedText(en: " ", ko: "")
        activity.participants = [IATIParticipant(name: LocalizedText(en: "Makassar City", ko: ""), ref: nil, organisationType: 11,
                                                 role: .beneficiary)]
        activity.dates = []
        activity.projectCode = ""
        activity.locations = [IATILocation(name: LocalizedText(en: "", ko: ""), latitude: .nan, longitude: 119.43194)]
        activity.results = [IATIResult(type: 2, title: LocalizedText(en: "Less water lost", ko: ""), indicators: [])]
        let document = IATIWriter.document([activity], reportingOrg: Self.reportingOrg, generated: Self.generated)
        #expect(document.contains(#"<activity-date type="1" iso-date="2025-10-02"/>"#), "a planned start on the day of lastUpdated")
        #expect(document.contains(#"<participating-org ref="KR-GOV-999" type="10" role="2">"#))
        #expect(document.contains(#"<narrative xml:lang="ko">마카사르 스마트 상수도</narrative>"#))
        #expect(!document.contains("other-identifier"))
        #expect(!document.contains("<location"), "a location with neither a name nor a point is left out")
        #expect(!document.contains("<result"))
        guard let result = try Self.xmllint(document) else { return }
        #expect(result.status == 0, "xmllint: \(result.output)\n\(document)")
    }

    // MARK: - xmllint

    /// The repository: this file is Tests/SconDomainTests/IATIWriterTests.swift.
    static let repositoryRoot: String = {
        let path: String = #filePath
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// Validates `document` against data/iati/iati-activities-schema.xsd; nil (and a recorded issue) when
    /// xmllint is missing. CI installs it (Debian: libxml2-utils).
    static func xmllint(_ document: String) throws -> (status: Int32, output: String)? {
        let tool = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            Issue.record("\(tool) is missing: install libxml2-utils to validate the IATI export")
            return nil
        }
        let file = NSTemporaryDirectory() + "/iati-\(UUID().uuidString).xml"
        try document.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--noout", "--nonet", "--schema", repositoryRoot + "/data/iati/iati-activities-schema.xsd", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = try pipe.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
