import Foundation

/// Starts child processes one at a time: Foundation's `Process.run()` on Linux can crash when
/// several threads start processes at once (seen in the test suite, which starts sendmail
/// stand-ins and Python readers in parallel).
enum ProcessLaunch {
    private static let lock = NSLock()

    static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
