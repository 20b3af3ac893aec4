/// Where an official's application to a cohort is:
///
/// ```
/// draft → submitted → nominated → ranked → selected ──→ accepted → completed
///                                        ↘ waitlisted ↗ (moved up)   ↘ not-completed
///                                        ↘ not-selected
/// selected → declined (or the offer lapses);  waitlisted → declined
/// any state before completed/not-completed → withdrawn
/// ```
/// Submitted and nominated applications also get a decision (not ranked: not selected).
public enum TraineeApplicationState: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case submitted
    /// Nominated by the applicant's organisation.
    case nominated
    /// Ranked by the country's focal point.
    case ranked
    /// Offered a seat (by the selection, or moved up from the waitlist); waiting for acceptance.
    case selected
    case waitlisted
    case notSelected = "not-selected"
    case accepted
    /// Declined the offer, left the waitlist, or let the offer lapse.
    case declined
    case withdrawn
    case completed
    case notCompleted = "not-completed"

    /// No move leaves these.
    public var isFinal: Bool { [.notSelected, .declined, .withdrawn, .completed, .notCompleted].contains(self) }

    /// States that take a selection decision.
    public var awaitsDecision: Bool { [.submitted, .nominated, .ranked].contains(self) }
}
