import Foundation

/// The authorisation of every context as tables: one row per kind of person (a role in a
/// scope), one column per action on a representative object, each cell the policy's answer.
/// The tests hold the expected tables; `docs/access.md` is generated from these (a test keeps
/// it so), so the documentation cannot drift from the policies.
public enum AccessMatrix {
    /// Representative objects: organisations, calls, a country, a centre.
    public enum Object {
        public static let organisation1 = UUID(uuidString: "00000000-0000-4000-8000-0000000000a1")!
        public static let organisation2 = UUID(uuidString: "00000000-0000-4000-8000-0000000000a2")!
        public static let call1 = UUID(uuidString: "00000000-0000-4000-8000-0000000000c1")!
        public static let call2 = UUID(uuidString: "00000000-0000-4000-8000-0000000000c2")!
        public static let centre1 = UUID(uuidString: "00000000-0000-4000-8000-0000000000e1")!
        public static let thailand = CountryCode("TH")!
        public static let vietnam = CountryCode("VN")!
    }

    /// The people the tables are about, by the name their row carries.
    public static let principals: [(name: String, principal: Principal)] = {
        func person(_ grants: Grant...) -> Principal { Principal(userID: UUID(), grants: Set(grants)) }
        let o1 = Object.organisation1.uuidString.lowercased(), c1 = Object.call1.uuidString.lowercased()
        return [
            ("anonymous", .anonymous),
            ("signed in, no role", person()),
            ("administrator", person(Grant(role: .administrator, scope: .global))),
            ("programme officer", person(Grant(role: .programmeOfficer, scope: .global))),
            ("programme officer of call 1", person(Grant(role: .programmeOfficer, scope: .call(c1)))),
            ("fund manager", person(Grant(role: .fundManager, scope: .global))),
            ("centre staff of centre 1", person(Grant(role: .centreStaff, scope: .centre(Object.centre1.uuidString.lowercased())))),
            ("reviewer", person(Grant(role: .reviewer, scope: .global))),
            ("reviewer of call 1", person(Grant(role: .reviewer, scope: .call(c1)))),
            ("focal point of TH", person(Grant(role: .countryFocalPoint, scope: .country(Object.thailand)))),
            ("member of org 1", person(Grant(role: .organisationMember, scope: .organisation(o1)))),
        ]
    }()

    /// A policy's table: its title, its columns (label and the question), and the answers.
    public struct Table: Sendable {
        public var context: String
        public var columns: [(label: String, allows: @Sendable (Principal) -> Bool)]

        public init(context: String, columns: [(label: String, allows: @Sendable (Principal) -> Bool)]) {
            self.context = context
            self.columns = columns
        }

        /// The answers, row by row, as `yes` / `-`.
        public var rows: [(name: String, cells: [String])] {
            AccessMatrix.principals.map { name, principal in (name, columns.map { $0.allows(principal) ? "yes" : "-" }) }
        }

        /// The table as Markdown.
        public var markdown: String {
            var lines = ["| | " + columns.map(\.label).joined(separator: " | ") + " |",
                         "|---|" + columns.map { _ in ":---:" }.joined(separator: "|") + "|"]
            for row in rows { lines.append("| \(row.name) | " + row.cells.joined(separator: " | ") + " |") }
            return lines.joined(separator: "\n")
        }
    }

    /// Every context's table, in the order of the documentation.
    public static var tables: [Table] {
        [DirectoryAccess.table, AccountAccess.table, CallAccess.table, ReviewAccess.table, ProjectAccess.table, FundAccess.table,
         MarketplaceAccess.table, TrainingAccess.table, CentreAccess.table, AgreementAccess.table]
    }

    /// The whole documentation page.
    public static var markdown: String {
        var text = """
        # Who may do what

        Generated from the access policies of SconDomain (`AccessMatrix.markdown`); a test fails when
        this page and the policies disagree. Rows are people by role and scope, columns are actions on
        representative objects (org 1, org 2; call 1, call 2; TH, VN). `yes` = allowed; `-` = refused
        (401 for anonymous callers, 403 for signed-in ones, or 404 where the object is not theirs to know).

        """
        for table in tables {
            text += "\n## \(table.context)\n\n\(table.markdown)\n"
        }
        return text
    }
}
