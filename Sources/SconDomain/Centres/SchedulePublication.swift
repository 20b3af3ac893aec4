import Foundation

/// What publishing a schedule changes for a meeting already on people's agendas: calendars
/// keep the meeting's UID, bump its SEQUENCE when it moves and mark it CANCELLED when it is
/// dropped; only the people whose meetings changed are told.
public enum SchedulePublication {
    public enum Change: Sendable, Hashable {
        /// Not published before, placed now.
        case added
        /// Published before at another slot or table.
        case moved
        /// Published before, left out now.
        case dropped
        /// Same slot and table, or still out.
        case unchanged
    }

    /// The change of one meeting from its published placement (nil: none or cancelled) to its new one.
    public static func change(published: (slot: Int, table: Int)?, now placed: (slot: Int, table: Int)?) -> Change {
        switch (published, placed) {
        case (nil, nil): .unchanged
        case (nil, .some): .added
        case (.some, nil): .dropped
        case (.some(let old), .some(let new)): old.slot == new.slot && old.table == new.table ? .unchanged : .moved
        }
    }

    /// The calendar sequence after a change: it goes up when a published meeting moves or is dropped.
    public static func sequence(_ current: Int, after change: Change, wasPublished: Bool) -> Int {
        switch change {
        case .moved, .dropped: current + 1
        case .added: wasPublished ? current + 1 : current
        case .unchanged: current
        }
    }
}
