import Foundation
import Testing
@testable import SconServer

/// Runs one of the repository's Python readers (`scripts/NAME`) with the python3 on PATH (the
/// one `.ci/run` installs the readers' packages for): the text on standard input, its JSON
/// answer decoded. Nil, with a recorded issue naming the cause, when the script refuses the text.
enum PythonScript {
    static func read<Answer: Decodable>(_ script: String, _ text: String, as: Answer.Type, refused: String) throws -> Answer? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ICalendarReader.repositoryRoot + "/scripts/" + script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try ProcessLaunch.run(process)
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let answer = try output.fileHandleForReading.readToEnd() ?? Data()
        let complaint = try errors.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("\(refused): \(String(decoding: complaint, as: UTF8.self))")
            return nil
        }
        return try JSONDecoder().decode(Answer.self, from: answer)
    }
}
