/// Possible roots of an Indonesian or Malay word, without a dictionary: `persampahan` → `sampah`,
/// `kebanjiran` → `banjir`, `pemantauan` → `pantau`, `mengurangi` → `kurang`.
///
/// The rules are those of Nazief & Adriani (particles `-lah -kah -tah -pun`, possessives `-ku -mu -nya`,
/// suffixes `-kan -an -i`, prefixes `di- ke- se- ter- ber- me- pe- per-` with the nasal forms
/// `mem- men- meng- meny- menge-` and `pem- pen- peng- peny- penge-`, which may hide the root's first
/// letter: `memantau` ← `pantau`, `menanam` ← `tanam`, `menyapu` ← `sapu`, `mengirim` ← `kirim`).
/// Without a dictionary to say which reading is right, every reading is kept: a document carries
/// all of them, and a query matches when one of its readings is one of the document's. Wrong
/// readings are rare letter strings that seldom meet another word's reading.
enum MalayStemmer {
    private static let particles = ["lah", "kah", "tah", "pun"]
    private static let possessives = ["nya", "ku", "mu"]
    private static let suffixes = ["kan", "an", "i", "wan", "wati"]

    /// The word itself and its possible roots (at most 12, each at least 4 letters, or 3 after `menge-`/`penge-`).
    static func roots(_ word: String) -> [String] {
        guard word.utf8.count >= 4, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [word] }
        var found: [String] = [word]
        func add(_ candidate: String, minimum: Int = 4) {
            if candidate.utf8.count >= minimum, hasVowel(candidate), !found.contains(candidate) { found.append(candidate) }
        }
        var bases = [word]
        for particle in particles where word.hasSuffix(particle) { bases.append(String(word.dropLast(particle.count))) }
        for base in bases {
            for possessive in possessives where base.hasSuffix(possessive) { bases.append(String(base.dropLast(possessive.count))) }
        }
        var stems = bases
        for base in bases {
            for suffix in suffixes where base.hasSuffix(suffix) {
                let stem = String(base.dropLast(suffix.count))
                if suffix == "i" && (stem.hasSuffix("s") || stem.hasSuffix("k")) { continue }
                if suffix == "kan" && stem.hasSuffix("k") { continue }
                stems.append(stem)
            }
        }
        for stem in stems {
            add(stem)
            for (first, minimum) in withoutPrefix(stem) {
                add(first, minimum: minimum)
                for (second, secondMinimum) in withoutPrefix(first) where first.utf8.count > 5 && minimum == 4 {
                    add(second, minimum: secondMinimum)
                }
            }
        }
        return Array(found.prefix(12))
    }

    private static func hasVowel(_ text: String) -> Bool { text.contains { "aeiou".contains($0) } }

    private static func startsWithVowel(_ text: Substring) -> Bool { text.first.map { "aeiou".contains($0) } ?? false }

    /// The readings of `word` with one prefix removed, with the shortest root length each allows.
    static func withoutPrefix(_ word: String) -> [(String, Int)] {
        var readings: [(String, Int)] = []
        func rest(_ count: Int) -> Substring { word.dropFirst(count) }
        for plain in ["di", "ke", "se", "ter", "ber", "per", "be", "te"] where word.hasPrefix(plain) {
            readings.append((String(rest(plain.count)), 4))
        }
        for nasal in ["me", "pe"] where word.hasPrefix(nasal) {
            let tail = word.dropFirst(2)
            if tail.hasPrefix("nge") { readings.append((String(tail.dropFirst(3)), 3)) }
            if tail.hasPrefix("ng") {
                let root = tail.dropFirst(2)
                readings.append((String(root), 4))
                if startsWithVowel(root) { readings.append(("k" + root, 4)) }
            } else if tail.hasPrefix("ny") {
                readings.append(("s" + tail.dropFirst(2), 4))
            } else if tail.hasPrefix("m") {
                let root = tail.dropFirst(1)
                readings.append((String(root), 4))
                if startsWithVowel(root) { readings.append(("p" + root, 4)) }
            } else if tail.hasPrefix("n") {
                let root = tail.dropFirst(1)
                readings.append((String(root), 4))
                if startsWithVowel(root) { readings.append(("t" + root, 4)) }
            } else {
                readings.append((String(tail), 4))
            }
        }
        return readings
    }
}
