// Timings of the training, two-factor and QR code rules (release build). Not part of the
// package: copy into an executable target that depends on SconDomain (see docs/training.md).
//
//   trainingbench                  all timings
//   trainingbench svg TEXT [LEVEL] the SVG of TEXT (level L, M, Q or H; default M)
//   trainingbench rows TEXT LEVEL VERSION MASK   the module rows, for comparing with references
import Foundation
import SconDomain

func measure(_ label: String, repetitions: Int, _ body: () throws -> Void) rethrows {
    try body()
    var best = Double.infinity
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repetitions { try body() }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(repetitions))
    }
    let text = best >= 1_000_000 ? String(format: "%.2f ms", best / 1_000_000) : String(format: "%.1f µs", best / 1_000)
    print("\(label): \(text) (best of 5 × \(repetitions))")
}

let arguments = CommandLine.arguments
if arguments.count > 2, arguments[1] == "svg" {
    let level = QRCode.Correction(rawValue: arguments.count > 3 ? arguments[3] : "M") ?? .medium
    print(try QRCode.encode(arguments[2], correction: level).svg(moduleSize: 8, quietZone: 4, title: arguments[2]))
    exit(0)
}
if arguments.count > 5, arguments[1] == "rows" {
    let code = try QRCode.encode(arguments[2], correction: QRCode.Correction(rawValue: arguments[3])!, version: Int(arguments[4]), mask: Int(arguments[5]))
    print(code.rows.joined(separator: "\n"))
    exit(0)
}

let url = "https://kscon.example/certificates/K7QF-9MZC-XR3T"
var size = 0
try measure("QR encode, 48-byte URL (version \(try QRCode.encode(url).version)-M, 8 masks tried)", repetitions: 200) { size &+= try QRCode.encode(url).size }
let long = String(repeating: "가나다라abc", count: 150)
try measure("QR encode, 1,950 bytes (version \(try QRCode.encode(long, correction: .low).version)-L)", repetitions: 10) { size &+= try QRCode.encode(long, correction: .low).size }
let code = try QRCode.encode(url)
measure("QR SVG of version \(code.version)", repetitions: 2_000) { size &+= code.svg(title: "Certificate").utf8.count }

let totp = try TOTP(secret: Array("12345678901234567890".utf8))
let now = Date()
measure("TOTP verify (3 steps, a wrong code)", repetitions: 20_000) { if totp.verify("000000", at: now, lastUsedStep: nil).isAccepted { size &+= 1 } }
let recovery = RecoveryCodes.generate()
measure("recovery code redeem against 10 digests", repetitions: 20_000) { size &+= RecoveryCodes.redeem("abcd-efgh", unusedDigests: recovery.digests) ?? 0 }
let secret = AttendanceCode.newSecret()
let session = UUID()
measure("attendance code verify (a wrong code, 16 minutes looked at)", repetitions: 5_000) {
    if case .accepted = AttendanceCode.verify("000000", secret: secret, session: session, at: now) { size &+= 1 }
}
var random = SplitMix64(seed: 1)
measure("certificate code generate + parse", repetitions: 20_000) {
    size &+= (try? CertificateCode.parse(CertificateCode.generate(using: &random).description))?.value.count ?? 0
}

// A large cohort: 200 seats, at most 25 per country, 2,000 ranked candidates from 10 countries.
var draft = CohortDraft()
draft.title = LocalizedText(en: "Bench", ko: "벤치")
draft.venueTimeZone = "Asia/Seoul"; draft.startDay = "2026-05-11"; draft.endDay = "2026-05-20"
draft.capacity = 200; draft.quota = .init(atMost: 25)
draft.applicationOpens = "2026-03-01"; draft.applicationDeadline = "2026-03-31"; draft.applicationTimeZone = "Asia/Bangkok"
draft.sessions = [.init(day: "2026-05-11", starts: "09:00", ends: "12:00", topic: LocalizedText(en: "Opening", ko: "개회"),
                        venue: LocalizedText(en: "Sejong", ko: "세종"))]
let terms = try draft.validated(knownCountries: Set(CountryCode.asean))
var candidates: [TraineeCandidate] = []
for (index, country) in CountryCode.asean.enumerated() {
    for rank in 1...200 {
        candidates.append(TraineeCandidate(application: UUID(), country: country, level: .local, rank: rank,
                                           nominatedAt: Date(timeIntervalSince1970: Double(1_770_000_000 + index * 60 + rank))))
    }
}
var result: TraineeSelectionResult?
try measure("selection, 2,000 candidates, 200 seats", repetitions: 20) { result = try TraineeSelection.select(cohort: terms, candidates: candidates) }
var waitlist = Waitlist(terms: terms, selection: result!, confirmedAt: Date(timeIntervalSince1970: 1_775_000_000))
let moment = Date(timeIntervalSince1970: 1_775_100_000)
measure("waitlist move (a seat freed, \(waitlist.queue.count) waiting)", repetitions: 200) {
    size &+= (try? waitlist.next(after: waitlist.seats[0].application, now: moment))?.events.count ?? 0
}
print("(checksum \(size))")
