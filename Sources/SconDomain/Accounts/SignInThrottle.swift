/// Sign-in rate limiting: after `maxFailuresPerAccount` failed attempts for one e-mail, or
/// `maxFailuresPerAddress` from one network address, within `window` seconds, further
/// attempts are refused until the oldest counted failure leaves the window.
public struct SignInThrottle: Sendable {
    public var window: Int
    /// Failed attempts on one account before each further attempt waits.
    public var freeAttemptsPerAccount: Int
    /// The longest wait after an account's failure, in seconds.
    public var longestWait: Int
    public var maxFailuresPerAddress: Int

    public init(window: Int = 15 * 60, freeAttemptsPerAccount: Int = 5, longestWait: Int = 60, maxFailuresPerAddress: Int = 20) {
        self.window = window
        self.freeAttemptsPerAccount = freeAttemptsPerAccount
        self.longestWait = longestWait
        self.maxFailuresPerAddress = maxFailuresPerAddress
    }

    /// How long an account waits after its last failure, given its failures in the window:
    /// nothing for the first few, then 2, 4, 8 … seconds, at most `longestWait`. The account is
    /// slowed down, never locked: its owner with the right password gets in after a short wait,
    /// and a guesser gets about one try a minute.
    public func accountWait(failures: Int) -> Int {
        guard failures >= freeAttemptsPerAccount else { return 0 }
        let doublings = min(failures - freeAttemptsPerAccount + 1, 20)
        return min(longestWait, 1 << doublings)
    }

    /// `accountFailures` and `addressFailures` are the times (seconds since the epoch) of failed
    /// attempts within the window. Throws `rateLimited` when the attempt must wait: the
    /// account's wait after its last failure, or, for a client address that failed on many
    /// accounts, until enough of those failures leave the window.
    public func check(now: Int, accountFailures: [Int], addressFailures: [Int]) throws(DomainError) {
        var waits: [Int] = []
        let account = accountFailures.filter { $0 > now - window }
        if let last = account.max() {
            let until = last + accountWait(failures: account.count)
            if until > now { waits.append(until - now) }
        }
        let address = addressFailures.filter { $0 > now - window }.sorted()
        if address.count >= maxFailuresPerAddress {
            waits.append(max(1, address[address.count - maxFailuresPerAddress] + window - now))
        }
        if let longest = waits.max() { throw .rateLimited(retryAfterSeconds: longest) }
    }
}

/// Sign-ups from one client address: at most `perHour` in any hour, so that nobody creates
/// accounts by the thousand (or probes addresses, which sign-up does not reveal anyway).
public struct SignUpThrottle: Sendable {
    public var perHour: Int

    public init(perHour: Int = 10) { self.perHour = perHour }

    /// `recent`: the times (seconds since the epoch) of this address's sign-ups in the last hour.
    public func check(now: Int, recent: [Int]) throws(DomainError) {
        let inWindow = recent.filter { $0 > now - 3_600 }
        guard inWindow.count >= perHour, let oldest = inWindow.min() else { return }
        throw .rateLimited(retryAfterSeconds: max(1, oldest + 3_600 - now))
    }
}
