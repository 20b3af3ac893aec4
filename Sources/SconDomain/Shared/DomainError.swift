/// The typed errors of the domain. SconServer maps each case once to an HTTP problem.
public enum DomainError: Error, Sendable, Equatable {
    /// The input broke one or more rules; nothing was written.
    case invalid([FieldIssue])
    /// A request parameter (a filter, page size or cursor; a header such as Idempotency-Key) is not valid.
    case badParameter([FieldIssue])
    /// The object does not exist, or the caller may not know that it exists.
    case notFound(String)
    /// The caller is known but not allowed to do this.
    case forbidden(String)
    /// The caller must sign in first.
    case unauthenticated
    /// The action conflicts with the current state (a duplicate, a stale update).
    case conflict(String)
    /// Too many attempts; try again after the given number of seconds.
    case rateLimited(retryAfterSeconds: Int)
}
