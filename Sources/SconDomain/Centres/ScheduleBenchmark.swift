/// What `scon bench schedule` measures: `MeetingScheduler.solve` (validation included) on
/// generated events of the three sizes of the issue, two-sided (exact) and general, each run
/// `runs` times; per row the median and fastest time, the objective, the bound and the gap.
public enum ScheduleBenchmark {
    public struct Size: Sendable, Hashable, Codable {
        public var participants: Int
        public var requests: Int
        public var slots: Int
        public var tables: Int

        public init(participants: Int, requests: Int, slots: Int, tables: Int) {
            self.participants = participants
            self.requests = requests
            self.slots = slots
            self.tables = tables
        }
    }

    public struct Row: Sendable, Hashable, Codable {
        public var size: Size
        public var twoSided: Bool
        public var medianSeconds: Double
        public var fastestSeconds: Double
        public var objective: Int
        public var bound: Int
        /// `(bound − objective) ÷ bound`.
        public var gap: Double
        public var exact: Bool
        public var placed: Int
        public var unscheduled: Int
        public var idleSlots: Int
        public var tableChanges: Int
    }

    /// 150 / 600 / 16 / 40, 500 / 3,000 / 24 / 150 and 2,000 / 20,000 / 40 / 600.
    public static let sizes = [
        Size(participants: 150, requests: 600, slots: 16, tables: 40),
        Size(participants: 500, requests: 3_000, slots: 24, tables: 150),
        Size(participants: 2_000, requests: 20_000, slots: 40, tables: 600),
    ]

    /// Each size two-sided then general (`availabilityShare` 0.3), `runs` timed solves each.
    public static func run(runs: Int = 5, sizes: [Size] = sizes, seed: UInt64 = 2019) -> [Row] {
        let clock = ContinuousClock()
        var rows: [Row] = []
        for size in sizes {
            for twoSided in [true, false] {
                let instance = GeneratedSchedule.instance(participants: size.participants, requests: size.requests, slots: size.slots,
                                                          tables: size.tables, twoSided: twoSided, seed: seed)
                var times: [Duration] = []
                var solution: ScheduleSolution?
                for _ in 0..<max(1, runs) {
                    let start = clock.now
                    solution = try? MeetingScheduler.solve(instance)
                    times.append(clock.now - start)
                }
                guard let solution else { continue }
                times.sort()
                rows.append(Row(size: size, twoSided: twoSided, medianSeconds: seconds(times[times.count / 2]), fastestSeconds: seconds(times[0]),
                                objective: solution.objective, bound: solution.bound, gap: solution.gap, exact: solution.exact,
                                placed: solution.meetings.count, unscheduled: solution.unscheduled.count,
                                idleSlots: solution.idleSlots, tableChanges: solution.tableChanges))
            }
        }
        return rows
    }

    /// The rows as a Markdown table.
    public static func markdown(_ rows: [Row]) -> String {
        var lines = [
            "| participants / requests / slots / tables | event | median ms | fastest ms | objective | bound | gap | placed | idle slots | table changes |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for row in rows {
            let size = "\(row.size.participants) / \(row.size.requests) / \(row.size.slots) / \(row.size.tables)"
            let kind = row.twoSided ? "two-sided" : "general"
            let gap = row.exact ? "0 (exact)" : percent(row.gap)
            lines.append("| \(size) | \(kind) | \(milliseconds(row.medianSeconds)) | \(milliseconds(row.fastestSeconds)) | \(row.objective) | "
                + "\(row.bound) | \(gap) | \(row.placed) | \(row.idleSlots) | \(row.tableChanges) |")
        }
        return lines.joined(separator: "\n")
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    private static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func percent(_ share: Double) -> String {
        let hundredths = Int((share * 10_000).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)%"
    }
}
