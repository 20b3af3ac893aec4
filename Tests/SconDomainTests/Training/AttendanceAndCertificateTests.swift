import Foundation
import Testing
@testable import SconDomain

@Suite struct AttendanceCodeTests {
    static let secret = (0..<32).map { UInt8($0) }
    static let session = UUID(uuidString: "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b")!

    @Test func matchesAnIndependentHMACComputation() {
        // Python: hmac.new(bytes(range(32)), uuid.bytes + minute.to_bytes(8, "big"), sha256), HOTP truncation.
        let expected: [(UInt64, String)] = [(0, "461463"), (29_000_000, "976779"), (29_000_001, "426377"), (29_500_123, "756827")]
        for (minute, code) in expected {
            #expect(AttendanceCode.code(secret: Self.secret, session: Self.session, minute: minute) == code)
        }
    }

    @Test func acceptsThisMinuteAndThePreviousOnly() {
        let shown = Date(timeIntervalSince1970: 29_000_000 * 60 + 59)
        let code = AttendanceCode.code(secret: Self.secret, session: Self.session, at: shown)
        #expect(code == "976779")
        #expect(AttendanceCode.verify(code, secret: Self.secret, session: Self.session, at: shown) == .accepted(minute: 29_000_000))
        // Read just before it changed: still good during the next minute.
        let next = shown.addingTimeInterval(60)
        #expect(AttendanceCode.verify(code, secret: Self.secret, session: Self.session, at: next) == .accepted(minute: 29_000_000))
        #expect(AttendanceCode.code(secret: Self.secret, session: Self.session, at: next) != code)
        // Two minutes on, it has expired; a day on (a forwarded code from yesterday) it is simply wrong.
        #expect(AttendanceCode.verify(code, secret: Self.secret, session: Self.session, at: shown.addingTimeInterval(120)) == .expired)
        #expect(AttendanceCode.verify(code, secret: Self.secret, session: Self.session, at: shown.addingTimeInterval(86_400)) == .wrong)
        // Another session's code, another cohort's secret, a code of the future.
        let otherSession = UUID(uuidString: "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4c")!
        #expect(AttendanceCode.verify(code, secret: Self.secret, session: otherSession, at: shown) == .wrong)
        #expect(AttendanceCode.verify(code, secret: Array(Self.secret.reversed()), session: Self.session, at: shown) == .wrong)
        let future = AttendanceCode.code(secret: Self.secret, session: Self.session, at: next)
        #expect(AttendanceCode.verify(future, secret: Self.secret, session: Self.session, at: shown) == .wrong)
        #expect(AttendanceCode.verify("97 67 79", secret: Self.secret, session: Self.session, at: shown) == .accepted(minute: 29_000_000))
        #expect(AttendanceCode.verify("97677", secret: Self.secret, session: Self.session, at: shown) == .malformed)
        var random = SplitMix64(seed: 60)
        #expect(AttendanceCode.newSecret(using: &random).count == 32)
    }
}

@Suite struct CertificateCodeTests {
    @Test func generatedCodesAreValidAndTypable() throws {
        var random = SplitMix64(seed: 37)
        for _ in 0..<1_000 {
            let code = CertificateCode.generate(using: &random)
            #expect(code.value.count == 12 && code.description.count == 14)
            #expect(code.value.allSatisfy { CertificateCode.alphabet.contains($0) })
            #expect(try CertificateCode.parse(code.description) == code)
            #expect(CertificateCode(code.description.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        }
    }

    @Test func theCheckCatchesEverySingleTypoAndNeighbourSwap() {
        var random = SplitMix64(seed: 1_337)
        for _ in 0..<200 {
            let code = Array(CertificateCode.generate(using: &random).value)
            for position in code.indices {
                for symbol in CertificateCode.alphabet where symbol != code[position] {
                    var typo = code
                    typo[position] = symbol
                    #expect(CertificateCode(String(typo)) == nil, "\(String(code)) → \(String(typo))")
                }
            }
            for position in 0..<(code.count - 1) where code[position] != code[position + 1] {
                var swapped = code
                swapped.swapAt(position, position + 1)
                #expect(CertificateCode(String(swapped)) == nil, "\(String(code)) → \(String(swapped))")
            }
        }
    }

    @Test func readsWhatPeopleTypeAndSaysWhatIsWrong() throws {
        var random = SplitMix64(seed: 5)
        let code = CertificateCode.generate(using: &random)
        let withLookalikes = code.value.replacingOccurrences(of: "0", with: "o").replacingOccurrences(of: "1", with: "l")
        #expect(CertificateCode(withLookalikes) == code)
        #expect(throws: CertificateCode.Problem.length(11)) { try CertificateCode.parse(String(code.value.dropLast())) }
        #expect(throws: CertificateCode.Problem.symbol("U")) { try CertificateCode.parse("U" + code.value.dropFirst()) }
        #expect(throws: CertificateCode.Problem.symbol("*")) { try CertificateCode.parse(code.value.dropLast() + "*") }
        let json = try JSONEncoder().encode([code])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(code.description)\"]")
        #expect(try JSONDecoder().decode([CertificateCode].self, from: json) == [code])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CertificateCode].self, from: Data("[\"K7QF-9MZC-XR3A\"]".utf8)) }
        // The example of the docs; K7QF9MZCXR3 has check value 35 (Crockford's "="), never issued.
        #expect(CertificateCode("k7qf 9mzc xr5o")?.description == "K7QF-9MZC-XR50")
        #expect(throws: CertificateCode.Problem.check) { try CertificateCode.parse("K7QF-9MZC-XR3T") }
    }

    @Test func certificatesRevealOnlyWhatTheyCertify() throws {
        typealias F = TrainingFixtures
        let terms = F.terms()
        var random = SplitMix64(seed: 12)
        var application = F.application(1)
        let code = CertificateCode.generate(using: &random)
        let programme = LocalizedText(en: "K-SCON invitation training", ko: "K-SCON 초청연수")
        #expect(throws: TrainingError.self) {
            try Certificate.issue(code: code, for: application, traineeName: "Somchai P.", programme: programme, terms: terms, at: F.at("2026-05-21T00:00:00Z"))
        }
        application.state = .completed
        let certificate = try Certificate.issue(code: code, for: application, traineeName: "  Somchai P. ", programme: programme,
                                                terms: terms, at: F.at("2026-05-21T00:00:00Z"))
        #expect(certificate.verification.status == .valid && certificate.verification.name == "Somchai P.")
        #expect(throws: TrainingError.self) { try certificate.revoked(reason: "short", at: F.at("2027-01-01T00:00:00Z")) }
        let revoked = try certificate.revoked(reason: "Attendance records were found to be falsified.", at: F.at("2027-01-01T03:00:00Z"))
        #expect(revoked.verification.status == .revoked && revoked.verification.revokedOn == CalendarDay("2027-01-01"))
        #expect(throws: TrainingError.self) { try revoked.revoked(reason: "Attendance records were found to be falsified.", at: F.at("2027-01-02T00:00:00Z")) }
        let json = String(decoding: try JSONEncoder().encode(revoked.verification), as: UTF8.self)
        #expect(!json.contains("falsified") && !json.contains(application.id.uuidString) && json.contains("\"status\":\"revoked\""))
    }
}

@Suite struct FeedbackSurveyTests {
    static func survey() throws -> FeedbackSurvey {
        try FeedbackSurvey(questions: [
            .init(key: "overall", kind: .scale, text: LocalizedText(en: "Overall", ko: "전반적 만족도"), required: true),
            .init(key: "relevance", kind: .scale, text: LocalizedText(en: "Relevance to your work", ko: "업무 관련성")),
            .init(key: "improve", kind: .text, text: LocalizedText(en: "What should we improve?", ko: "개선할 점")),
        ])
    }

    @Test func checksEachResponse() throws {
        let survey = try Self.survey()
        #expect(try survey.validated(["overall": .scale(4), "improve": .text("  More site visits. ")]) == ["overall": .scale(4), "improve": .text("More site visits.")])
        do {
            _ = try survey.validated(["relevance": .scale(6), "improve": .scale(3), "other": .text("x")])
            Issue.record("accepted a bad response")
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("wrong error"); return }
            #expect(issues.map { "\($0.field) \($0.code)" } == ["answers.other unknown", "answers.overall required",
                                                               "answers.relevance out-of-range", "answers.improve wrong-kind"])
        }
        #expect(throws: DomainError.self) {
            try FeedbackSurvey(questions: [.init(key: "a", kind: .scale, text: LocalizedText(en: "A", ko: "가")),
                                           .init(key: "a", kind: .text, text: LocalizedText(en: "B", ko: "나"))])
        }
        let answer = try JSONDecoder().decode([String: FeedbackSurvey.Answer].self, from: Data(#"{"overall":5,"improve":"Longer"}"#.utf8))
        #expect(answer == ["overall": .scale(5), "improve": .text("Longer")])
    }

    @Test func summarisesCountsMeansAndDistributions() throws {
        let survey = try Self.survey()
        let responses: [[String: FeedbackSurvey.Answer]] = [
            ["overall": .scale(5), "relevance": .scale(4), "improve": .text("Zoning case studies")],
            ["overall": .scale(4), "improve": .text("More site visits")],
            ["overall": .scale(4), "relevance": .scale(2)],
            ["overall": .scale(3)],
        ]
        let summary = survey.summary(of: responses)
        #expect(summary.responses == 4)
        #expect(summary.items[0].count == 4 && summary.items[0].mean == 4.0 && summary.items[0].distribution == [0, 0, 1, 2, 1])
        #expect(summary.items[1].count == 2 && summary.items[1].mean == 3.0 && summary.items[1].distribution == [0, 1, 0, 1, 0])
        #expect(summary.items[2].count == 2 && summary.items[2].answers == ["More site visits", "Zoning case studies"])
        #expect(survey.summary(of: []).items[0].mean == nil)
    }
}
