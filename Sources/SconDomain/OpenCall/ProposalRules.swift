import Foundation

/// When a proposal may change state, and the human-readable code it gets on submission.
public enum ProposalRules {
    /// Why a proposal cannot change now; thrown as an error (409), localized by the pages.
    public enum Refusal: SconDomain.Refusal, Hashable {
        case callNotOpen(CallState)
        case closed(deadline: String)
        case notYetOpen(opens: String)
        case incomplete([String])
        case wrongState(ProposalState)
        /// Rules of the call's eligibility check that the applicant can still meet and does not.
        case ineligible([EligibilityResult])

        public var key: String {
            switch self {
            case .callNotOpen: "proposal.callNotOpen"
            case .closed: "proposal.closed"
            case .notYetOpen: "proposal.notYetOpen"
            case .incomplete: "proposal.incomplete"
            case .wrongState: "proposal.wrongState"
            case .ineligible: "proposal.ineligible"
            }
        }

        public var values: [String: RefusalValue] {
            switch self {
            case .callNotOpen(let state): ["state": .key("callstate.\(state.rawValue)")]
            case .closed(let deadline): ["deadline": .text(deadline)]
            case .notYetOpen(let opens): ["opens": .text(opens)]
            case .incomplete(let fields): ["fields": .keys(fields.map { "proposalfield.\($0)" })]
            case .wrongState(let state): ["state": .key("proposalstate.\(state.rawValue)")]
            case .ineligible(let failed): ["rules": .keys(failed.map { "eligibility.\($0.rule.rawValue)" })]
            }
        }

        public var description: String {
            switch self {
            case .callNotOpen(let state): "the call is \(state.rawValue); proposals are submitted while it is open."
            case .closed(let deadline): "the call closed at \(deadline); late submissions are not accepted."
            case .notYetOpen(let opens): "the call opens at \(opens); submit from then on."
            case .incomplete(let fields): "a submitted proposal needs: \(fields.joined(separator: ", "))."
            case .wrongState(let state): "a \(state.rawValue) proposal cannot do this."
            case .ineligible(let failed): "it does not meet the call's rules yet: " + failed.map(\.reason).joined(separator: " ")
            }
        }
    }

    /// The rules a proposal must meet before it is submitted: every rule of the call's check
    /// except the endorsement, which comes after submission.
    public static func eligibilityRefusal(_ results: [EligibilityResult]) -> Refusal? {
        let failed = results.filter { !$0.passed && $0.rule != .endorsed }
        return failed.isEmpty ? nil : .ineligible(failed)
    }

    /// Nil when the draft may be submitted now. The deadline is checked on the server's clock
    /// against the call's UTC instant; the message names it in the call's own time zone.
    public static func submissionRefusal(state: ProposalState, fields: ProposalDraft.Fields, callState: CallState,
                                         schedule: CallSchedule, now: Date) -> Refusal? {
        guard state == .draft else { return .wrongState(state) }
        if now >= schedule.closesAt { return .closed(deadline: "\(schedule.closesLocal) (\(schedule.timeZone))") }
        guard callState == .open else { return .callNotOpen(callState) }
        if now < schedule.opensAt { return .notYetOpen(opens: "\(schedule.opensLocal) (\(schedule.timeZone))") }
        var missing: [String] = []
        if fields.problem.isEmpty { missing.append("problem") }
        if fields.objectives.isEmpty { missing.append("objectives") }
        if fields.counterpart.isEmpty { missing.append("counterpart") }
        return missing.isEmpty ? nil : .incomplete(missing)
    }

    /// A new draft is written while the call is open and before its deadline.
    public static func draftingRefusal(callState: CallState, schedule: CallSchedule, now: Date) -> Refusal? {
        guard callState == .open else { return .callNotOpen(callState) }
        if now >= schedule.closesAt { return .closed(deadline: "\(schedule.closesLocal) (\(schedule.timeZone))") }
        return nil
    }

    /// Editing is for drafts while the call has not closed.
    public static func editRefusal(state: ProposalState, schedule: CallSchedule, now: Date) -> Refusal? {
        guard state == .draft else { return .wrongState(state) }
        if now >= schedule.closesAt { return .closed(deadline: "\(schedule.closesLocal) (\(schedule.timeZone))") }
        return nil
    }

    /// A submitted proposal may be withdrawn until the call closes; afterwards it stands.
    public static func withdrawalRefusal(state: ProposalState, schedule: CallSchedule, now: Date) -> Refusal? {
        guard state == .submitted else { return .wrongState(state) }
        if now >= schedule.closesAt { return .closed(deadline: "\(schedule.closesLocal) (\(schedule.timeZone))") }
        return nil
    }

    /// `KSCON-2027-TH-03`: the call's year (of its opening, in its time zone), the country,
    /// and the proposal's place among that country's submissions to the call.
    public static func code(schedule: CallSchedule, country: CountryCode, number: Int) -> String {
        codePrefix(schedule: schedule, country: country) + (number < 10 ? "0\(number)" : String(number))
    }

    /// What every code of the year (the call's opening) and country starts with.
    public static func codePrefix(schedule: CallSchedule, country: CountryCode) -> String {
        "KSCON-\(schedule.opensLocal.prefix(4))-\(country.value)-"
    }

    /// The number of a code that has `prefix`, or nil for another shape.
    public static func number(of code: String, prefix: String) -> Int? {
        guard code.hasPrefix(prefix) else { return nil }
        let digits = code.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
