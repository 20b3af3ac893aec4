import Foundation

/// A follow-up milestone of an agreement as submitted: what is to be done (in both languages)
/// and by which day.
public struct MilestoneDraft: Sendable {
    public var titleEn: String?
    public var titleKo: String?
    public var dueOn: String?

    public init(titleEn: String? = nil, titleKo: String? = nil, dueOn: String? = nil) {
        self.titleEn = titleEn; self.titleKo = titleKo; self.dueOn = dueOn
    }

    public struct Checked: Sendable, Hashable {
        public var title: LocalizedText
        public var dueOn: CalendarDay
    }

    public func checked() throws(DomainError) -> Checked {
        var rules = FieldRules()
        let en = rules.text(titleEn, field: "titleEn", min: 3, max: 300)
        let ko = rules.text(titleKo, field: "titleKo", min: 2, max: 300)
        var due: CalendarDay?
        if let dueOn {
            due = CalendarDay(dueOn)
            if due == nil { rules.fail("dueOn", "invalid", "dueOn is a date YYYY-MM-DD.") }
        } else {
            rules.fail("dueOn", "required", "a milestone has the day it is due.")
        }
        try rules.check()
        return Checked(title: LocalizedText(en: en, ko: ko), dueOn: due!)
    }
}

/// The rules of follow-up milestones: when one is overdue, when it may be marked done. A
/// milestone marked done counts as the agreement's activity (`Dormancy`) on the day it was done.
public enum FollowUp {
    /// Overdue on `today`: not done, and its day has passed.
    public static func isOverdue(dueOn: CalendarDay, doneOn: CalendarDay?, today: CalendarDay) -> Bool {
        doneOn == nil && dueOn < today
    }

    /// The day a milestone is marked done: a date, not after today; a milestone is done once.
    public static func doneDay(_ text: String?, alreadyDone: CalendarDay?, today: CalendarDay) throws -> CalendarDay {
        var rules = FieldRules()
        var day: CalendarDay?
        if let text {
            day = CalendarDay(text)
            if day == nil { rules.fail("doneOn", "invalid", "doneOn is a date YYYY-MM-DD.") }
        } else {
            rules.fail("doneOn", "required", "doneOn is the day the milestone was done.")
        }
        if let day, day > today { rules.fail("doneOn", "in-future", "a milestone is marked done on or before today (\(today)).") }
        try rules.check()
        if let alreadyDone { throw MilestoneRefusal.alreadyDone(on: alreadyDone.description) }
        return day!
    }
}

/// Why a milestone cannot be marked done (409).
public enum MilestoneRefusal: Refusal, Hashable {
    case alreadyDone(on: String)

    public var key: String { "agreement.milestoneDone" }
    public var values: [String: RefusalValue] {
        switch self { case .alreadyDone(let day): ["day": .text(day)] }
    }
    public var description: String {
        switch self { case .alreadyDone(let day): "the milestone was already marked done on \(day)." }
    }
}

/// What an agreement may be linked to besides its parties: the records it led to.
public enum AgreementLinkKind: String, Sendable, CaseIterable, Hashable {
    case project, call, event, training
}

/// An agreement's document: a PDF, recognised by its content (it starts with `%PDF-` and ends
/// with `%%EOF` near its end), whatever type the sender declared; checked by the shared
/// attachment rule for its size and name.
public enum AgreementDocumentRule {
    /// How near the end `%%EOF` must be (PDF writers may add a line break or a few bytes after it).
    public static let tail = 1_024

    public static func checked(filename: String?, bytes: [UInt8], maximumBytes: Int) throws(DomainError) -> AttachmentFacts {
        var rules = FieldRules()
        if !bytes.isEmpty, bytes.count <= maximumBytes {
            if AttachmentKind.sniff(bytes) != .pdf {
                rules.fail("file", "not-pdf", "the file is not a PDF: it does not start with %PDF-.")
            } else if !endsWithEOF(bytes) {
                rules.fail("file", "not-pdf", "the file is not a complete PDF: there is no %%EOF near its end.")
            }
        }
        try rules.check()
        return try AttachmentRules.validated(filename: filename, declaredType: nil, bytes: bytes, maximumBytes: maximumBytes,
                                             document: nil, requiredDocuments: 0, attachedAlready: 0)
    }

    static func endsWithEOF(_ bytes: [UInt8]) -> Bool {
        let marker = Array("%%EOF".utf8)
        let end = bytes.suffix(tail)
        guard end.count >= marker.count else { return false }
        var index = end.startIndex
        while index + marker.count <= end.endIndex {
            if end[index..<(index + marker.count)].elementsEqual(marker) { return true }
            index += 1
        }
        return false
    }
}
