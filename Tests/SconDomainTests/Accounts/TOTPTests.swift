import Foundation
import Testing
@testable import SconDomain

@Suite struct Base32Tests {
    @Test func encodesAndDecodesTheRFC4648Vectors() {
        let vectors = [("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
                       ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======")]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
            let bare = encoded.filter { $0 != "=" }
            #expect(Base32.encode(Array(plain.utf8), padding: false) == bare)
            #expect(Base32.decode(bare.lowercased()) == Array(plain.utf8))
        }
    }

    @Test func refusesWhatIsNotBase32() {
        #expect(Base32.decode("MZXW1YTB") == nil) // 1 is not in the alphabet
        #expect(Base32.decode("M") == nil) // 5 bits make no byte
        #expect(Base32.decode("MZ=XW6===") == nil) // data after padding
        #expect(Base32.decode("MZXQ==") == nil) // incomplete padding
        #expect(Base32.decode("MY") == Array("f".utf8)) // without padding
        #expect(Base32.decode("MB") == nil) // leftover bits not zero
        #expect(Base32.decode("MZXW 6YTB-OI") == Array("foobar".utf8))
    }

    @Test func roundTripsRandomBytes() {
        var random = SplitMix64(seed: 4648)
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
            #expect(Base32.decode(Base32.encode(bytes, padding: false)) == bytes)
        }
    }
}

@Suite struct TOTPTests {
    static let sha1Secret = Array("12345678901234567890".utf8)
    static let sha256Secret = Array("12345678901234567890123456789012".utf8)
    static let sha512Secret = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    @Test func hotpMatchesRFC4226AppendixD() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        for (counter, code) in expected.enumerated() {
            #expect(TOTP.hotp(secret: Self.sha1Secret, counter: UInt64(counter), digits: 6) == code)
        }
        // Appendix D's truncated values for counts 0 and 9.
        #expect(TOTP.truncated(Array(HMACVector.count0)) == 0x4c93cf18)
    }

    @Test func totpMatchesRFC6238AppendixB() throws {
        let table: [(Int64, String, String, String)] = [
            (59, "94287082", "46119246", "90693936"),
            (1_111_111_109, "07081804", "68084774", "25091201"),
            (1_111_111_111, "14050471", "67062674", "99943326"),
            (1_234_567_890, "89005924", "91819424", "93441116"),
            (2_000_000_000, "69279037", "90698825", "38618901"),
            (20_000_000_000, "65353130", "77737706", "47863826"),
        ]
        let sha1 = try TOTP(secret: Self.sha1Secret, algorithm: .sha1, digits: 8)
        let sha256 = try TOTP(secret: Self.sha256Secret, algorithm: .sha256, digits: 8)
        let sha512 = try TOTP(secret: Self.sha512Secret, algorithm: .sha512, digits: 8)
        for (seconds, one, two, five) in table {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(sha1.code(at: date) == one, "SHA1 at \(seconds)")
            #expect(sha256.code(at: date) == two, "SHA256 at \(seconds)")
            #expect(sha512.code(at: date) == five, "SHA512 at \(seconds)")
        }
        #expect(sha1.step(at: Date(timeIntervalSince1970: 1_111_111_109)) == 0x23523EC)
    }

    @Test func verifiesWithinOneStepAndRefusesReplays() throws {
        let totp = try TOTP(secret: Self.sha1Secret)
        let now = Date(timeIntervalSince1970: 1_700_000_015)
        let step = totp.step(at: now)
        #expect(totp.verify(totp.code(step: step), at: now, lastUsedStep: nil) == .accepted(step: step))
        #expect(totp.verify(totp.code(step: step - 1), at: now, lastUsedStep: nil) == .accepted(step: step - 1))
        #expect(totp.verify(totp.code(step: step + 1), at: now, lastUsedStep: nil) == .accepted(step: step + 1))
        #expect(totp.verify(totp.code(step: step - 2), at: now, lastUsedStep: nil) == .wrong)
        #expect(totp.verify(totp.code(step: step + 2), at: now, lastUsedStep: nil) == .wrong)
        // The same code again, or an older one of the window after a newer was used.
        #expect(totp.verify(totp.code(step: step), at: now, lastUsedStep: step) == .reused(step: step))
        #expect(totp.verify(totp.code(step: step - 1), at: now, lastUsedStep: step) == .reused(step: step - 1))
        #expect(totp.verify(totp.code(step: step + 1), at: now, lastUsedStep: step) == .accepted(step: step + 1))
        let code = totp.code(step: step)
        #expect(totp.verify(String(code.prefix(3)) + " " + String(code.suffix(3)), at: now, lastUsedStep: nil).isAccepted)
        #expect(totp.verify("12345", at: now, lastUsedStep: nil) == .malformed)
        #expect(totp.verify("12345a", at: now, lastUsedStep: nil) == .malformed)
        #expect(throws: DomainError.self) { try TOTP(secret: Self.sha1Secret, digits: 7) }
        #expect(throws: DomainError.self) { try TOTP(secret: Array(Self.sha1Secret.prefix(10))) }
    }

    @Test func enrolmentURIAndSecret() throws {
        var random = SplitMix64(seed: 6238)
        let secret = TOTPEnrolment.newSecret(using: &random)
        #expect(secret.count == 20)
        #expect(TOTPEnrolment.newSecret() != TOTPEnrolment.newSecret())
        let totp = try TOTP(secret: Array("12345678901234567890".utf8))
        let uri = TOTPEnrolment.uri(for: totp, account: try #require(EmailAddress("Officer+2FA@kscon.example")))
        #expect(uri == "otpauth://totp/K-SCON:officer%2B2fa%40kscon.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=K-SCON&algorithm=SHA1&digits=6&period=30")
        #expect(TOTPEnrolment.typedSecret(totp.secret) == "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")
        #expect(try QRCode.encode(uri).version == 8) // 138 bytes: 49 × 49 modules at level M
    }
}

/// HMAC-SHA-1 of counter 0 under RFC 4226's secret (Appendix D).
enum HMACVector {
    static let count0: [UInt8] = [0xcc, 0x93, 0xcf, 0x18, 0x50, 0x8d, 0x94, 0x93, 0x4c, 0x64,
                                  0xb6, 0x5d, 0x8b, 0xa7, 0x66, 0x7f, 0xb7, 0xcd, 0xe4, 0xb0]
}

@Suite struct RecoveryCodesTests {
    @Test func tenDistinctCodesAndOnlyDigestsToStore() {
        var random = SplitMix64(seed: 10)
        let set = RecoveryCodes.generate(using: &random)
        #expect(set.codes.count == 10 && Set(set.codes).count == 10)
        for (code, digest) in zip(set.codes, set.digests) {
            #expect(code.count == 9 && code.dropFirst(4).first == "-")
            #expect(!code.contains(where: { "ilou".contains($0) }))
            #expect(digest.count == 64 && !digest.contains(code.replacingOccurrences(of: "-", with: "")))
        }
    }

    @Test func acceptsWhatPeopleTypeOnce() throws {
        var random = SplitMix64(seed: 11)
        let set = RecoveryCodes.generate(using: &random)
        let code = set.codes[3]
        #expect(RecoveryCodes.redeem(code, unusedDigests: set.digests) == 3)
        #expect(RecoveryCodes.redeem(" " + code.uppercased().replacingOccurrences(of: "-", with: " ") + " ", unusedDigests: set.digests) == 3)
        #expect(RecoveryCodes.redeem(code.replacingOccurrences(of: "-", with: ""), unusedDigests: set.digests) == 3)
        // Used codes are removed by the caller; then the same code is refused.
        var unused = set.digests
        unused.remove(at: 3)
        #expect(RecoveryCodes.redeem(code, unusedDigests: unused) == nil)
        #expect(RecoveryCodes.redeem("abcd-efg", unusedDigests: set.digests) == nil)
        #expect(RecoveryCodes.redeem("", unusedDigests: set.digests) == nil)
        #expect(RecoveryCodes.normalised("ABCD-EFOL") == "abcdef01")
        #expect(RecoveryCodes.normalised("abcd-efgu") == nil)
    }
}
