import Foundation
import Testing
@testable import SconDomain

@Suite struct QRCodeTests {
    @Test func matchesTheReferenceSymbolsModuleForModule() throws {
        for symbol in QRCodeFixtures.symbols {
            let code = try QRCode.encode(symbol.text, correction: symbol.correction, version: symbol.version, mask: symbol.mask)
            #expect(code.mode == symbol.mode, "\(symbol.text)")
            #expect(code.size == symbol.rows.count)
            #expect(code.rows == symbol.rows, "\(symbol.text) v\(symbol.version) \(symbol.correction.rawValue) mask \(symbol.mask)")
        }
    }

    @Test func matchesTheReferenceDigestsForEveryVersionAndLevel() throws {
        #expect(QRCodeFixtures.digests.count == 160)
        for (version, level, modeName, mask, count, digest) in QRCodeFixtures.digests {
            let mode = try #require(QRCode.Mode(rawValue: modeName))
            let text = QRCodeFixtures.filler(modeName, count: count)
            let code = try QRCode.encode(text, correction: #require(QRCode.Correction(rawValue: level)), version: version, mask: mask, mode: mode)
            #expect(code.fingerprint == digest, "v\(version) \(level) \(modeName) mask \(mask)")
        }
    }

    @Test func choosesTheSmallestVersionAndTheModeTheTextAllows() throws {
        #expect(try QRCode.encode("01234567890123456789012345678901234567").mode == .numeric)
        #expect(try QRCode.encode("HTTPS://KSCON.EXAMPLE/C/K7QF").mode == .alphanumeric)
        #expect(try QRCode.encode("https://kscon.example/c/K7QF").mode == .byte)
        // Version 1-M holds 14 bytes, 20 alphanumeric characters, 34 digits.
        #expect(try QRCode.encode(String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode.encode(String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode.encode(String(repeating: "A", count: 20)).version == 1)
        #expect(try QRCode.encode(String(repeating: "7", count: 34)).version == 1)
        #expect(try QRCode.encode(String(repeating: "7", count: 35)).version == 2)
        #expect(try QRCode.encode("a", correction: .high).correction == .high)
        // Version 40-L holds 2953 bytes; one more is refused.
        #expect(try QRCode.encode(String(repeating: "a", count: 2953), correction: .low).version == 40)
        #expect(throws: DomainError.self) { try QRCode.encode(String(repeating: "a", count: 2954), correction: .low) }
        #expect(throws: DomainError.self) { try QRCode.encode("abc", version: 41) }
        #expect(throws: DomainError.self) { try QRCode.encode("abc", mask: 8) }
        #expect(throws: DomainError.self) { try QRCode.encode("abc", mode: .numeric) }
        #expect(throws: DomainError.self) { try QRCode.encode(String(repeating: "a", count: 20), version: 1) }
    }

    @Test func theAutomaticMaskHasTheLowestPenalty() throws {
        for text in ["https://kscon.example/certificates/K7QF-9MZC-XR3T", "HELLO WORLD", "수료증 확인"] {
            let chosen = try QRCode.encode(text)
            for mask in 0..<8 {
                let other = try QRCode.encode(text, version: chosen.version, mask: mask)
                var matrix = QRCodeMatrix(version: chosen.version)
                matrix.modules = other.modules
                let penalty = matrix.penalty()
                matrix.modules = chosen.modules
                #expect(matrix.penalty() <= penalty, "\(text): mask \(chosen.mask) against \(mask)")
            }
        }
    }

    @Test func reedSolomonMatchesTheStandardsExample() {
        // ISO/IEC 18004 Annex I: "01234567" at 1-M has these 16 data and 10 EC codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(QRCode.codewords(Array("01234567".utf8), mode: .numeric, version: 1, correction: .medium) == data)
        let ecc = QRCodeTables.remainder(data[...], generator: QRCodeTables.generator(degree: 10))
        #expect(ecc == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test func svgIsOneCompactAccessibleElement() throws {
        let code = try QRCode.encode("https://kscon.example/c/K7QF-9MZC-XR3T")
        let svg = code.svg(moduleSize: 4, quietZone: 4, title: "Certificate <K7QF> & \"check\"")
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(side * 4)\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title>Certificate &lt;K7QF&gt; &amp; &quot;check&quot;</title>"))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(!svg.contains("href") && !svg.contains("<script") && !svg.contains("id=") && !svg.contains("\n"))
        // The path covers exactly the dark modules: its rectangles' areas add up to their count.
        let dark = (0..<code.size).reduce(0) { sum, y in sum + (0..<code.size).filter { code.isDark(x: $0, y: y) }.count }
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        let widths = path.split(separator: "h").compactMap { piece in Int(piece.prefix { $0.isNumber }) }
        #expect(widths.reduce(0, +) == dark)
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: 0, y: code.size))
    }
}
