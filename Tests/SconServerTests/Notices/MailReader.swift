import Foundation
import Testing
@testable import SconServer

/// Reads a message with Python's standard `email` package (scripts/mail-read.py): the headers
/// decoded per RFC 2047, the date parsed per RFC 5322, the body decoded.
struct MailReader {
    struct Message: Decodable {
        let from: String
        let to: String
        let subject: String
        /// ISO 8601, as Python parsed the `Date` header.
        let date: String?
        let messageID: String
        let mimeVersion: String
        let contentType: String
        let charset: String?
        let listUnsubscribe: String
        let body: String
        let defects: [String]
    }

    static func read(_ text: String) throws -> Message? {
        try PythonScript.read("mail-read.py", text, as: Message.self, refused: "Python's email package refused the message")
    }
}

/// A stand-in `sendmail` in a temporary folder: a shell script that checks it was called with
/// `-i -t` and keeps each message it is given in a file of its own (or fails, when asked to).
struct StandInSendmail {
    let folder: String
    var path: String { folder + "/sendmail" }

    init(failing: Bool = false) throws {
        folder = NSTemporaryDirectory() + "scon-sendmail-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        let script = failing
            ? "#!/bin/sh\ncat > /dev/null\necho 'sendmail: cannot connect to the relay' >&2\nexit 75\n"
            : "#!/bin/sh\n[ \"$1\" = \"-i\" ] && [ \"$2\" = \"-t\" ] || { echo \"usage: -i -t\" >&2; exit 64; }\n"
                + "cat > \"\(folder)/out/$(date +%s%N)-$$.eml\"\n"
        _ = FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
    }

    /// The messages given so far, in the order they came.
    var messages: [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/out")) ?? []).sorted()
        return names.compactMap { FileManager.default.contents(atPath: folder + "/out/" + $0).map { String(decoding: $0, as: UTF8.self) } }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
