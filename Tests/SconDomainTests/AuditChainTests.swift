import Foundation
import Testing
@testable import SconDomain

@Suite struct AuditChainTests {
    static func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for index in 0..<count {
            entries.append(AuditChain.entry(after: entries.last, recordedAt: Date(timeIntervalSince1970: 1_600_000_000 + Double(index)),
                                            actor: "user:\(index % 3)", action: "call.transition", subject: "call:k-scon-2020",
                                            details: #"{"to":"open"}"#))
        }
        return entries
    }

    @Test func anUntouchedChainVerifies() {
        let entries = Self.chain(5)
        #expect(AuditChain.verify(entries) == .intact(entries: 5))
        #expect(entries[0].previousHash == AuditChain.genesis)
        #expect(entries[0].recordedAt == "2020-09-13T12:26:40.000Z")
        #expect(entries[3].previousHash == entries[2].hash)
    }

    @Test func namesTheFirstEntryThatDoesNotFit() {
        var changed = Self.chain(5)
        changed[2].details = #"{"to":"cancelled"}"#
        #expect(AuditChain.verify(changed) == .broken(sequence: 3, reason: "its content does not match its hash (it was changed)"))

        var resealed = Self.chain(5)
        resealed[2].actor = "user:intruder"
        resealed[2].hash = AuditChain.hash(of: resealed[2])
        guard case .broken(let sequence, _) = AuditChain.verify(resealed) else { Issue.record("a resealed entry went unnoticed"); return }
        #expect(sequence == 4)

        var missing = Self.chain(5)
        missing.remove(at: 1)
        guard case .broken(let gap, _) = AuditChain.verify(missing) else { Issue.record("a removed entry went unnoticed"); return }
        #expect(gap == 3)
    }
}
