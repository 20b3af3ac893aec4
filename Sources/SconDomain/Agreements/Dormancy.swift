import Foundation

/// An agreement in force whose linked work has gone quiet: no linked activity (a linked
/// project's stage move, a booking on a linked project, a linked event held, a linked training
/// cohort ended, a follow-up milestone done) for 12 months. Staff see it on the agreement's page, in the lists and among what is due.
public enum Dormancy {
    /// How long an agreement in force may go without linked activity.
    public static let months = 12

    /// Whether the agreement is dormant on `today`: some party holds it in force, and the
    /// latest of its in-force date and its linked activity lies 12 months or more before today.
    /// An agreement in force with no date at all (the record gives none) is not called dormant.
    public static func isDormant(statuses: [AgreementStatus?], inForceSince: PartialDate?, lastActivity: CalendarDay?, today: CalendarDay) -> Bool {
        guard statuses.contains(where: { $0?.isInForce == true }) else { return false }
        let since = [inForceSince?.lastDay, lastActivity].compactMap { $0 }.max()
        guard let since else { return false }
        return since <= cutoff(today)
    }

    /// The last day whose activity no longer keeps an agreement awake on `today`.
    public static func cutoff(_ today: CalendarDay) -> CalendarDay {
        var year = today.year, month = today.month - months
        while month < 1 { month += 12; year -= 1 }
        let day = min(today.day, CalendarDay.days(inMonth: month, of: year))
        return CalendarDay(String(format: "%04d-%02d-%02d", year, month, day))!
    }
}
