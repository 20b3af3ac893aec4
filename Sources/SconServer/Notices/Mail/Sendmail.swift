import Foundation

/// The system's standard mail interface: `<path> -i -t` with the message on stdin (sendmail,
/// Postfix's and Exim's sendmail, msmtp, …); the recipients come from the `To` header.
struct Sendmail: Sendable {
    let path: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Hands one message to the program and waits for it; a start failure or a non-zero exit
    /// status throws (with what the program wrote to stderr).
    func send(_ message: String) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "-t"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try ProcessLaunch.run(process)
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: Failure(description: "\(path) could not start: \(error)"))
                return
            }
            let data = Data(message.utf8)
            DispatchQueue.global().async {
                try? input.fileHandleForWriting.write(contentsOf: data)
                try? input.fileHandleForWriting.close()
            }
        }
        let stderr = (try? errors.fileHandleForReading.readToEnd()).flatMap { $0.map { String(decoding: $0, as: UTF8.self) } } ?? ""
        guard status == 0 else {
            throw Failure(description: "\(path) exited with status \(status)\(stderr.isEmpty ? "" : ": " + stderr.prefix(300))")
        }
    }
}
