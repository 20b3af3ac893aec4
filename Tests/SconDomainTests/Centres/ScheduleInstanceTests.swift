import Foundation
import Testing
@testable import SconDomain

@Suite struct ScheduleInstanceTests {
    static let base = ScheduleInstance(
        slots: 24, tables: 2,
        participants: [.init(id: "a1", maxMeetings: 2, available: [0, 1, 2, 5]), .init(id: "b7"), .init(id: "c3"), .init(id: "d4")],
        requests: [.init(id: "m1", between: ["a1", "b7"], priority: 3), .init(id: "m2", between: ["b7", "c3"], priority: 5),
                   .init(id: "m3", between: ["a1", "c3"], priority: 1), .init(id: "m4", between: ["c3", "b7"], priority: 2),
                   .init(id: "m5", between: ["c3", "d4"], priority: 4)])

    @Test func decodesTheDocumentedFormatWithDefaults() throws {
        let json = """
        {"slots": 24, "tables": 150,
         "participants": [{"id": "a1", "maxMeetings": 8, "available": [0, 1, 2, 5]}, {"id": "b7", "title": "ignored"}],
         "requests": [{"id": "m1", "between": ["a1", "b7"], "priority": 3}],
         "locked": [{"request": "m1", "slot": 5}],
         "colour": "unknown keys are ignored"}
        """
        let instance = try JSONDecoder().decode(ScheduleInstance.self, from: Data(json.utf8))
        #expect(instance.participants[1].maxMeetings == nil && instance.participants[1].available == nil)
        #expect(instance.locked == [.init(request: "m1", slot: 5)] && instance.previous.isEmpty)
        try instance.validated()
        let solution = try MeetingScheduler.solve(instance)
        #expect(solution.meetings == [.init(request: "m1", slot: 5, table: 0)])
        #expect(solution.objective == 3 && solution.bound == 3 && solution.unscheduled.isEmpty)

        let minimal = try JSONDecoder().decode(ScheduleInstance.self, from: Data(#"{"slots": 2, "tables": 1}"#.utf8))
        #expect(minimal.participants.isEmpty && minimal.requests.isEmpty)
    }

    @Test func roundTripsThroughJSON() throws {
        var instance = Self.base
        instance.locked = [.init(request: "m1", slot: 1, table: 1)]
        instance.previous = [.init(request: "m2", slot: 3, table: 0)]
        let data = try JSONEncoder().encode(instance)
        #expect(try JSONDecoder().decode(ScheduleInstance.self, from: data) == instance)
        let plain = String(decoding: try JSONEncoder().encode(Self.base), as: UTF8.self)
        #expect(!plain.contains("locked") && !plain.contains("previous") && !plain.contains("null"))

        let solution = try MeetingScheduler.solve(instance)
        let encoded = try JSONEncoder().encode(solution)
        #expect(try JSONDecoder().decode(ScheduleSolution.self, from: encoded) == solution)
        let object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any]
        for key in ["meetings", "objective", "bound", "unscheduled", "exact", "reasons", "method"] { #expect(object?[key] != nil, "\(key)") }
    }

    static func failing(_ change: (inout ScheduleInstance) -> Void) -> ScheduleError? {
        var instance = base
        change(&instance)
        do {
            try instance.validated()
            return nil
        } catch {
            return error
        }
    }

    @Test func eachRuleHasItsOwnOneLineError() {
        let cases: [(ScheduleError.Code, String, String, (inout ScheduleInstance) -> Void)] = [
            (.negative, "slots", "slots must not be negative (got -1)", { $0.slots = -1 }),
            (.negative, "tables", "tables must not be negative (got -3)", { $0.tables = -3 }),
            (.negative, "participants[1].maxMeetings", "maxMeetings of participant \"b7\" must not be negative (got -2)",
             { $0.participants[1].maxMeetings = -2 }),
            (.tooLarge, "slots", "slots 5000 is more than the 1000 the solver accepts", { $0.slots = 5_000 }),
            (.emptyID, "participants[2].id", "participant 2 has an empty id", { $0.participants[2].id = "" }),
            (.emptyID, "requests[0].id", "request 0 has an empty id", { $0.requests[0].id = "" }),
            (.duplicateParticipant, "participants[2].id", "duplicate participant id \"b7\"", { $0.participants[2].id = "b7" }),
            (.duplicateRequest, "requests[1].id", "duplicate request id \"m1\"", { $0.requests[1].id = "m1" }),
            (.slotOutOfRange, "participants[0].available[1]", "slot 30 out of range 0..<24 in the availability of participant \"a1\"",
             { $0.participants[0].available = [0, 30] }),
            (.notAPair, "requests[0].between", "request \"m1\" must be between exactly 2 participants (it names 3)",
             { $0.requests[0].between = ["a1", "b7", "c3"] }),
            (.unknownParticipant, "requests[3].between[1]", "unknown participant \"x\" in request \"m4\"", { $0.requests[3].between[1] = "x" }),
            (.selfRequest, "requests[1].between", "request \"m2\" is from participant \"b7\" to themself", { $0.requests[1].between = ["b7", "b7"] }),
            (.priorityOutOfRange, "requests[2].priority", "priority 6 of request \"m3\" is outside 1–5", { $0.requests[2].priority = 6 }),
            (.priorityOutOfRange, "requests[2].priority", "priority 0 of request \"m3\" is outside 1–5", { $0.requests[2].priority = 0 }),
            (.unknownRequest, "locked[0].request", "locked meeting names unknown request \"m9\"", { $0.locked = [.init(request: "m9", slot: 0)] }),
            (.lockedTwice, "locked[1].request", "request \"m1\" is locked twice",
             { $0.locked = [.init(request: "m1", slot: 0), .init(request: "m1", slot: 1)] }),
            (.slotOutOfRange, "locked[0].slot", "slot 24 out of range 0..<24 in locked meeting \"m2\"", { $0.locked = [.init(request: "m2", slot: 24)] }),
            (.slotOutOfRange, "locked[0].slot", "slot -1 out of range 0..<24 in locked meeting \"m2\"", { $0.locked = [.init(request: "m2", slot: -1)] }),
            (.tableOutOfRange, "locked[0].table", "table 2 out of range 0..<2 in locked meeting \"m2\"",
             { $0.locked = [.init(request: "m2", slot: 3, table: 2)] }),
            (.lockedUnavailable, "locked[0].slot", "locked meeting \"m1\" is in slot 3, where participant \"a1\" is not available",
             { $0.locked = [.init(request: "m1", slot: 3)] }),
            (.lockedClash, "locked[1].slot", "participant \"b7\" has two locked meetings in slot 4 (\"m2\" and \"m4\")",
             { $0.locked = [.init(request: "m2", slot: 4), .init(request: "m4", slot: 4)] }),
            (.lockedTableTaken, "locked[1].table", "locked meetings \"m1\" and \"m5\" are both at table 1 in slot 1",
             { $0.locked = [.init(request: "m1", slot: 1, table: 1), .init(request: "m5", slot: 1, table: 1)] }),
            (.lockedOverTables, "locked", "slot 2 has 2 locked meetings but only 1 tables",
             { $0.tables = 1; $0.locked = [.init(request: "m1", slot: 2), .init(request: "m5", slot: 2)] }),
            (.lockedOverLimit, "locked", "participant \"a1\" has 2 locked meetings, more than maxMeetings 1",
             { $0.participants[0].maxMeetings = 1; $0.locked = [.init(request: "m1", slot: 0), .init(request: "m3", slot: 1)] }),
            (.slotOutOfRange, "previous[0].slot", "slot 99 out of range 0..<24 in previous meeting \"m1\"",
             { $0.previous = [.init(request: "m1", slot: 99, table: 0)] }),
            (.tableOutOfRange, "previous[0].table", "table 5 out of range 0..<2 in previous meeting \"gone\"",
             { $0.previous = [.init(request: "gone", slot: 0, table: 5)] }),
            (.lockedTwice, "previous[1].request", "request \"m1\" is listed twice in previous",
             { $0.previous = [.init(request: "m1", slot: 0, table: 0), .init(request: "m1", slot: 1, table: 0)] }),
        ]
        for (code, field, message, change) in cases {
            let error = Self.failing(change)
            #expect(error?.code == code, "\(message)")
            #expect(error?.field == field, "\(message)")
            #expect(error?.description == message)
            #expect(error?.issue == FieldIssue(field: field, code: code.rawValue, detail: message))
        }
        #expect(Set(cases.map(\.0)) == Set(ScheduleError.Code.allCases), "every code is exercised")
    }

    @Test func messagesStayOnOneLine() {
        let error = Self.failing { $0.requests[0].between[1] = "evil\n\"id\"\u{7}" }
        #expect(error?.description == #"unknown participant "evil\n\"id\"\u{7}" in request "m1""#)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func acceptsWhatTheRulesAllow() throws {
        var instance = Self.base
        instance.participants[0].available = [5, 0, 0, 1]         // duplicates and any order
        instance.participants[1].maxMeetings = 100                 // more than the slots
        instance.requests.append(.init(id: "m6", between: ["b7", "a1"], priority: 5))   // a second request of a pair
        instance.locked = [.init(request: "m2", slot: 0, table: 1), .init(request: "m4", slot: 1)]
        instance.previous = [.init(request: "withdrawn", slot: 0, table: 0)]            // requests gone are ignored
        try instance.validated()
        let solution = try MeetingScheduler.solve(instance)
        #expect(ScheduleChecker.violations(instance, solution).isEmpty)
        #expect(solution.moved == nil)
    }
}
