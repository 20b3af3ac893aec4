/// Why a schedule instance is refused: a machine word (`code`), the JSON path of the field at
/// fault (`field`, as in `FieldIssue`) and one line of English that names the cause
/// (`description`), for example `unknown participant "x" in request "m4"`.
public struct ScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// `slots`, `tables` or a participant's `maxMeetings` is negative.
        case negative
        /// `slots` or `tables` is larger than the solver accepts.
        case tooLarge
        /// A participant or request id is empty.
        case emptyID
        case duplicateParticipant
        case duplicateRequest
        /// A slot (availability, locked or previous meeting) outside `0..<slots`.
        case slotOutOfRange
        /// A table (locked or previous meeting) outside `0..<tables`.
        case tableOutOfRange
        /// `between` does not name exactly two participants.
        case notAPair
        case unknownParticipant
        /// A request from a participant to themself.
        case selfRequest
        case priorityOutOfRange
        /// A locked meeting names no request of the instance.
        case unknownRequest
        /// The same request is locked (or listed in `previous`) twice.
        case lockedTwice
        /// A locked meeting is in a slot where one of its two people is not available.
        case lockedUnavailable
        /// One person has two locked meetings in one slot.
        case lockedClash
        /// A slot has more locked meetings than tables.
        case lockedOverTables
        /// Two locked meetings at one table in one slot.
        case lockedTableTaken
        /// A person has more locked meetings than their `maxMeetings`.
        case lockedOverLimit
    }

    public let code: Code
    /// Where the fault is, as a JSON path: `requests[3].between[1]`, `locked[0].slot`.
    public let field: String
    /// One line naming the cause.
    public let description: String

    public init(_ code: Code, field: String, _ description: String) {
        self.code = code
        self.field = field
        self.description = description
    }

    /// The same fault as a field issue, for `DomainError.invalid`.
    public var issue: FieldIssue { FieldIssue(field: field, code: code.rawValue, detail: description) }

    /// An id as it is printed in a message: in double quotes, with quotes, backslashes and
    /// control characters escaped, so that the message stays on one line.
    static func quoted(_ id: String) -> String {
        var text = "\""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    text += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
