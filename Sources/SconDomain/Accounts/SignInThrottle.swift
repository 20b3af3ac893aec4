/// Sign-in rate limiting: after `maxFailuresPerAccount` failed attempts for one e-mail, or
/// `maxFailuresPerAddress` from one network address, within `window` seconds, further
/// attempts are refused until the oldest counted failure leaves the window.
public struct SignInThrottle: Sendable {
    public var window: Int
    public var maxFailuresPerAccount: Int
    public var maxFailuresPerAddress: Int

    public init(window: Int = 15 * 60, maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20) {
        self.window = window
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
    }

    /// `accountFailures` and `addressFailures` are the times (seconds since the epoch) of failed
    /// attempts within the window, oldest first. Throws `rateLimited` when the attempt must wait.
    public func check(now: Int, accountFailures: [Int], addressFailures: [Int]) throws(DomainError) {
        func wait(_ failures: [Int], limit: Int) -> Int? {
            let recent = failures.filter { $0 > now - window }.sorted()
            guard recent.count >= limit else { return nil }
            let oldestCounted = recent[recent.count - limit]
            return max(1, oldestCounted + window - now)
        }
        let waits = [wait(accountFailures, limit: maxFailuresPerAccount), wait(addressFailures, limit: maxFailuresPerAddress)].compactMap { $0 }
        if let longest = waits.max() { throw .rateLimited(retryAfterSeconds: longest) }
    }
}
