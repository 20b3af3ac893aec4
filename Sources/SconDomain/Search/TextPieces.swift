import Foundation

/// One run of text of a single kind: a word of a space-delimited script (letters and digits),
/// or a run of an unspaced script (Hangul, Han, Thai, Lao, Khmer, Myanmar). Its units are
/// normalised characters (NFKC, lower case, ASCII digits), each with the UTF-16 range of the
/// original character it came from, so that matches can be shown in the original text.
struct TextPiece: Sendable, Hashable {
    var script: TextScript
    var units: [String]
    var ranges: [Range<Int>]
    /// No separator at all between this piece and the previous one (a script change inside a word).
    var touchesPrevious: Bool
    /// Only white space (no punctuation) between this piece and the previous one.
    var spaceBefore: Bool

    var text: String { units.joined() }
    var range: Range<Int> { (ranges.first?.lowerBound ?? 0)..<(ranges.last?.upperBound ?? 0) }

    func range(_ units: Range<Int>) -> Range<Int> { ranges[units.lowerBound].lowerBound..<ranges[units.upperBound - 1].upperBound }
}

/// Splits text into pieces. Normalisation is done one original character (grapheme cluster)
/// at a time so that every unit keeps its place in the original text; zero-width joiners,
/// soft hyphens, direction marks and other default-ignorable characters are dropped,
/// zero-width spaces, controls, spaces and punctuation separate.
enum TextPieces {
    /// Splits `text`, reading at most `limit` characters.
    static func split(_ text: String, limit: Int = .max) -> [TextPiece] {
        var pieces: [TextPiece] = []
        var current: TextPiece?
        var offset = 0
        var sawSeparator = true
        var sawPunctuation = false
        var count = 0
        var cache: [Character: [(String, TextScript)]] = [:]
        for character in text {
            count += 1
            if count > limit { break }
            let width = character.utf16.count
            let range = offset..<(offset + width)
            offset += width
            let units: [(String, TextScript)]
            if character.isASCII {
                units = normalise(character)
            } else if let known = cache[character] {
                units = known
            } else {
                units = normalise(character)
                cache[character] = units
            }
            if units.isEmpty {
                if !character.unicodeScalars.allSatisfy(isIgnorable) {
                    if let piece = current { pieces.append(piece); current = nil }
                    sawSeparator = true
                    if !character.isWhitespace { sawPunctuation = true }
                }
                continue
            }
            for (unit, script) in units {
                if var piece = current, joins(piece.script, script) {
                    piece.units.append(unit)
                    piece.ranges.append(range)
                    if piece.script == .digit && script != .digit { piece.script = script }
                    current = piece
                } else {
                    if let piece = current { pieces.append(piece) }
                    current = TextPiece(script: script, units: [unit], ranges: [range], touchesPrevious: !sawSeparator && current != nil,
                                        spaceBefore: !sawPunctuation)
                }
                sawSeparator = false
                sawPunctuation = false
            }
        }
        if let piece = current { pieces.append(piece) }
        return pieces
    }

    /// Word scripts join letters and digits into one word (`pm2`, `3d`); unspaced scripts join
    /// only with themselves.
    private static func joins(_ previous: TextScript, _ next: TextScript) -> Bool {
        if previous == next { return true }
        return previous.isWordScript && next.isWordScript
    }

    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x180E, 0x200C...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFE00...0xFE0F,
             0xE0100...0xE01EF: true
        default: false
        }
    }

    /// The normalised characters of one original character, with their scripts; empty for a separator.
    static func normalise(_ character: Character) -> [(String, TextScript)] {
        if let ascii = character.asciiValue {
            switch ascii {
            case 0x41...0x5A: return [(String(UnicodeScalar(ascii + 0x20)), .latin)]
            case 0x61...0x7A, 0x30...0x39: return [(String(character), ascii >= 0x61 ? .latin : .digit)]
            default: return []
            }
        }
        var kept = String.UnicodeScalarView()
        for scalar in character.unicodeScalars where !isIgnorable(scalar) {
            if scalar.properties.generalCategory == .control || scalar.value == 0x200B { return [] }
            kept.append(scalar)
        }
        if kept.isEmpty { return [] }
        let normalised = String(kept).precomposedStringWithCompatibilityMapping.lowercased()
        var result: [(String, TextScript)] = []
        for piece in normalised {
            guard let first = piece.unicodeScalars.first else { continue }
            let script = TextScript.of(first)
            switch script {
            case .separator: continue
            case .digit:
                let value = first.properties.numericValue.map { Int($0) } ?? 0
                result.append((String(value), .digit))
            default:
                result.append((String(piece), script))
            }
        }
        return result
    }

    /// Latin text without diacritics: `ngập lụt` → `ngap lut`, `đường` → `duong`, `straße` → `strasse`.
    static func foldLatin(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF: continue
            case 0x0111, 0x00F0: folded.append("d")
            case 0x00F8: folded.append("o")
            case 0x0142: folded.append("l")
            case 0x0131: folded.append("i")
            case 0x00DF: folded.append(contentsOf: "ss".unicodeScalars)
            case 0x00E6: folded.append(contentsOf: "ae".unicodeScalars)
            case 0x0153: folded.append(contentsOf: "oe".unicodeScalars)
            default: folded.append(scalar)
            }
        }
        return String(folded)
    }
}
