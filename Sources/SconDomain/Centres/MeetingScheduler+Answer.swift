extension MeetingScheduler {
    /// The solution as the caller sees it: ids, tables, the reason for each request left out.
    static func answer(_ board: ScheduleBoard, table: [Int32], bound: Int, method: ScheduleSolution.Method) -> ScheduleSolution {
        let problem = board.problem
        var meetings: [ScheduledMeeting] = []
        var unscheduled: [String] = []
        var reasons: [ScheduleSolution.Unscheduled] = []
        var moved = 0
        for r in 0..<problem.requestCount {
            let slot = Int(board.slotOf[r])
            if problem.previousSlot[r] >= 0 && Int(problem.previousSlot[r]) != slot { moved += 1 }
            if slot >= 0 {
                meetings.append(ScheduledMeeting(request: problem.requestIDs[r], slot: slot, table: Int(table[r])))
            } else {
                unscheduled.append(problem.requestIDs[r])
                reasons.append(reason(r, board))
            }
        }
        meetings.sort { ($0.slot, $0.table) < ($1.slot, $1.table) }
        let objective = board.objective
        return ScheduleSolution(meetings: meetings, objective: objective, bound: max(bound, objective), exact: objective >= bound,
                                method: method, unscheduled: unscheduled, reasons: reasons, idleSlots: board.totalIdleSlots,
                                tableChanges: TableAssignment.changes(board, table), moved: problem.hasPrevious ? moved : nil)
    }

    /// Why an unplaced request is out: a person at their limit, else no slot where both are
    /// free, else no table in the slots where both are free.
    static func reason(_ r: Int, _ board: ScheduleBoard) -> ScheduleSolution.Unscheduled {
        let problem = board.problem
        let q = ScheduleError.quoted
        let id = problem.requestIDs[r]
        let a = board.first(r), b = board.second(r)
        for person in [a, b] where Int(board.load[person]) >= problem.maxMeetings[person] {
            let name = problem.participantIDs[person]
            return .init(request: id, reason: .participantLimit, participant: name,
                         detail: "participant \(q(name)) has reached maxMeetings (\(problem.maxMeetings[person]))")
        }
        let names = "\(q(problem.participantIDs[a])) and \(q(problem.participantIDs[b]))"
        var together = false
        var freeSlots: [Int] = []
        for s in 0..<board.slots where problem.available[a * board.slots + s] && problem.available[b * board.slots + s] {
            together = true
            if board.at(a, s) == ScheduleBoard.free && board.at(b, s) == ScheduleBoard.free { freeSlots.append(s) }
        }
        guard together else {
            return .init(request: id, reason: .noCommonSlot, detail: "\(names) are never available in the same slot")
        }
        guard freeSlots.isEmpty else {
            let list = freeSlots.map(String.init).joined(separator: ", ")
            return .init(request: id, reason: .noTable, detail: "\(names) are both free only in slot\(freeSlots.count == 1 ? "" : "s") \(list), where every table is taken")
        }
        return .init(request: id, reason: .noCommonSlot, detail: "every slot where \(names) are both available is taken by another meeting of one of them")
    }
}
