/// The writing system of one character, as far as search needs to know it: how words are
/// delimited and which analysis applies.
enum TextScript: Sendable, Hashable {
    /// Latin letters (en, vi, id, ms, tl): words between spaces; folded, stemmed.
    case latin
    /// Letters of other space-delimited alphabets (Cyrillic, Greek, Arabic...): words, no stemming.
    case otherWord
    /// Decimal digits of any script (mapped to ASCII digits).
    case digit
    /// Hangul syllables and jamo.
    case hangul
    /// Han ideographs and kana (CJK without spaces).
    case han
    /// Thai, Lao, Khmer and Myanmar: written without spaces between words.
    case thai, lao, khmer, myanmar
    /// Anything that separates words: spaces, punctuation, symbols, controls.
    case separator

    /// Scripts written without spaces between words, analysed by character n-grams.
    var isUnspaced: Bool {
        switch self {
        case .hangul, .han, .thai, .lao, .khmer, .myanmar: true
        case .latin, .otherWord, .digit, .separator: false
        }
    }

    /// Scripts whose words are delimited by spaces or punctuation.
    var isWordScript: Bool { self == .latin || self == .otherWord || self == .digit }

    /// The script of a Unicode scalar.
    static func of(_ scalar: Unicode.Scalar) -> TextScript {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .latin
            default: return .separator
            }
        }
        switch value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF:
            return .hangul
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3005:
            return .han
        case 0x0E00...0x0E7F: return scalar.properties.numericType == .decimal ? .digit : .thai
        case 0x0E80...0x0EFF: return scalar.properties.numericType == .decimal ? .digit : .lao
        case 0x1780...0x17FF, 0x19E0...0x19FF: return scalar.properties.numericType == .decimal ? .digit : .khmer
        case 0x1000...0x109F, 0xAA60...0xAA7F, 0xA9E0...0xA9FF:
            return scalar.properties.numericType == .decimal ? .digit : .myanmar
        default: break
        }
        let properties = scalar.properties
        if properties.numericType == .decimal { return .digit }
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark {
            switch value {
            case 0x00C0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0x0300...0x036F:
                return .latin
            default:
                return .otherWord
            }
        }
        return .separator
    }
}
