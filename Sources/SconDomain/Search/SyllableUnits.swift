/// Groups the character clusters of a Thai, Lao, Khmer or Myanmar run into syllable-like units,
/// by rules of the scripts that need no dictionary:
/// - Thai and Lao: a leading vowel (`เ แ โ ใ ไ`, `ເ ແ ໂ ໃ ໄ`) belongs to the consonant after it;
///   the trailing vowels `ะ า ำ` (and Lao `ະ າ ຳ`) to the cluster before them.
/// - Khmer: a consonant written below another (after the coeng sign `្`) belongs to it.
/// - Myanmar: a final consonant (with asat `်`) and a stacked consonant (after virama `္`)
///   belong to the syllable before.
enum SyllableUnits {
    static func merge(_ piece: TextPiece) -> TextPiece {
        guard [.thai, .lao, .khmer, .myanmar].contains(piece.script), piece.units.count > 1 else { return piece }
        var units: [String] = []
        var ranges: [Range<Int>] = []
        var pendingLead: (String, Range<Int>)?
        for (unit, range) in zip(piece.units, piece.ranges) {
            var unit = unit
            var range = range
            if let (lead, leadRange) = pendingLead {
                unit = lead + unit
                range = leadRange.lowerBound..<range.upperBound
                pendingLead = nil
            }
            if isLeadingVowel(unit, piece.script) {
                pendingLead = (unit, range)
                continue
            }
            if let last = units.last, attachesBackward(unit, after: last, piece.script) {
                units[units.count - 1] = last + unit
                ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<range.upperBound
            } else {
                units.append(unit)
                ranges.append(range)
            }
        }
        if let (lead, leadRange) = pendingLead {
            units.append(lead)
            ranges.append(leadRange)
        }
        var merged = piece
        merged.units = units
        merged.ranges = ranges
        return merged
    }

    private static func isLeadingVowel(_ unit: String, _ script: TextScript) -> Bool {
        guard unit.unicodeScalars.count == 1, let value = unit.unicodeScalars.first?.value else { return false }
        switch script {
        case .thai: return (0x0E40...0x0E44).contains(value)
        case .lao: return (0x0EC0...0x0EC4).contains(value)
        default: return false
        }
    }

    private static func attachesBackward(_ unit: String, after previous: String, _ script: TextScript) -> Bool {
        guard let first = unit.unicodeScalars.first?.value else { return false }
        let previousLast = previous.unicodeScalars.last?.value ?? 0
        switch script {
        case .thai: return first == 0x0E30 || first == 0x0E32 || first == 0x0E33 || first == 0x0E45
        case .lao: return first == 0x0EB0 || first == 0x0EB2 || first == 0x0EB3
        case .khmer: return previousLast == 0x17D2
        case .myanmar: return previousLast == 0x1039 || unit.unicodeScalars.contains { $0.value == 0x103A }
        default: return false
        }
    }
}
