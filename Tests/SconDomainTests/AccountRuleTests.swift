import Foundation
import Testing
@testable import SconDomain

@Suite struct PasswordAndSignUpTests {
    @Test func passwordRules() {
        let email = EmailAddress("somchai@example.org")
        #expect(PasswordPolicy.check("short", email: email).map(\.code) == ["too-short"])
        #expect(PasswordPolicy.check("password1234", email: email).map(\.code) == ["too-common"])
        #expect(PasswordPolicy.check("somchai-rules-the-world", email: email).map(\.code) == ["contains-email"])
        #expect(PasswordPolicy.check(String(repeating: "가", count: 25), email: email).map(\.code).contains("too-long"))
        #expect(PasswordPolicy.check("river lantern copper tea", email: email).isEmpty)
    }

    @Test func signUpNamesEachBadField() {
        do {
            _ = try SignUpDraft(email: "no-at-sign", displayName: "", password: "x").validated()
            Issue.record("accepted a bad sign-up")
        } catch let DomainError.invalid(issues) {
            #expect(Set(issues.map(\.field)) == ["email", "displayName", "password"])
        } catch { Issue.record("unexpected \(error)") }
    }
}

@Suite struct RoleAndScopeTests {
    @Test func eachRoleIsHeldOnlyInItsKindOfScope() throws {
        let grant = try Grant.validated(role: "country-focal-point", scopeKind: "country", scopeID: "th")
        #expect(grant.scope == .country(CountryCode("TH")!))
        #expect(throws: DomainError.self) { try Grant.validated(role: "administrator", scopeKind: "country", scopeID: "TH") }
        #expect(throws: DomainError.self) { try Grant.validated(role: "organisation-member", scopeKind: "organisation", scopeID: "") }
        #expect(throws: DomainError.self) { try Grant.validated(role: "organisation-member", scopeKind: "organisation", scopeID: "not-a-uuid") }
        #expect(throws: DomainError.self) { try Grant.validated(role: "emperor", scopeKind: "global", scopeID: nil) }
        #expect(try Grant.validated(role: "administrator", scopeKind: "global", scopeID: "ignored").scope == .global)
    }

    @Test func requireSaysWhoMustSignInAndWhoIsRefused() {
        let member = Principal(userID: UUID(), grants: [Grant(role: .organisationMember, scope: .organisation(UUID().uuidString.lowercased()))])
        #expect(throws: DomainError.unauthenticated) { try Principal.anonymous.require(false, "x") }
        #expect(throws: DomainError.forbidden("x")) { try member.require(false, "x") }
    }
}

@Suite struct SignInThrottleTests {
    let throttle = SignInThrottle(window: 900, freeAttemptsPerAccount: 5, longestWait: 60, maxFailuresPerAddress: 20)

    @Test func anAccountIsSlowedDownNeverLockedOut() throws {
        let now = 10_000
        // Four failures: no wait.
        try throttle.check(now: now, accountFailures: [now - 4, now - 3, now - 2, now - 1], addressFailures: [])
        // The fifth failure a second ago: two seconds after it.
        #expect(throws: DomainError.rateLimited(retryAfterSeconds: 1)) {
            try throttle.check(now: now, accountFailures: [now - 5, now - 4, now - 3, now - 2, now - 1], addressFailures: [])
        }
        // … and then the right password gets through (no 15-minute lock).
        try throttle.check(now: now, accountFailures: [now - 60, now - 50, now - 40, now - 30, now - 20], addressFailures: [])
        // The waits double, up to a minute.
        #expect((0..<12).map { throttle.accountWait(failures: $0) } == [0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 60, 60])
        #expect(throws: DomainError.rateLimited(retryAfterSeconds: 50)) {
            try throttle.check(now: now, accountFailures: (0..<30).map { now - 10 - $0 }, addressFailures: [])
        }
        // Failures older than the window do not count.
        try throttle.check(now: now, accountFailures: Array(repeating: now - 1000, count: 30), addressFailures: [])
    }

    @Test func limitsOneAddressTryingManyAccounts() {
        let now = 10_000
        #expect(throws: DomainError.self) {
            try throttle.check(now: now, accountFailures: [], addressFailures: Array(repeating: now - 10, count: 20))
        }
    }
}

@Suite struct SignUpThrottleTests {
    @Test func tenAnHourFromOneAddress() throws {
        let now = 100_000
        try SignUpThrottle().check(now: now, recent: Array(repeating: now - 10, count: 9))
        #expect(throws: DomainError.rateLimited(retryAfterSeconds: 3_000)) {
            try SignUpThrottle().check(now: now, recent: (0..<10).map { now - 600 + $0 })
        }
        try SignUpThrottle().check(now: now, recent: Array(repeating: now - 4_000, count: 50))
    }
}
