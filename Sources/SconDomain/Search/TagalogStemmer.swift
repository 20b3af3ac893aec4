/// Possible roots of a Tagalog word, without a dictionary: `pagbaha` → `baha`, `binaha` → `baha`,
/// `bumabaha` → `baha`, `tumatagas` → `tagas`, `paradahan` → `parada`, `mainit` → `init`.
///
/// Tagalog builds words with prefixes (`mag- nag- pag- ma- na- pa- ka- maka- naka- pinag- ipag- i- ika-
/// mang- nang- pang- taga-`), the infixes `-um-` and `-in-` after the first consonant, the suffixes
/// `-an -han -in -hin`, and reduplication of the root's first syllable (`ba-baha`). As for Malay,
/// every reading (up to three removals) is kept.
enum TagalogStemmer {
    private static let prefixes = ["pinaka", "napaka", "pinag", "ipinag", "nakaka", "makaka", "maka", "naka", "paka", "ipag", "ipa",
                                   "ika", "taga", "mag", "nag", "pag", "mang", "nang", "pang", "man", "nan", "pan", "mam", "nam", "pam",
                                   "ma", "na", "pa", "ka", "i"]
    private static let suffixes = ["han", "hin", "an", "in"]

    /// The word itself and its possible roots (at most 12, each at least 3 letters with a vowel).
    static func roots(_ word: String) -> [String] {
        guard word.utf8.count >= 4, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [word] }
        var found: [String] = [word]
        var frontier = [word]
        for _ in 0..<3 {
            var next: [String] = []
            for form in frontier {
                for reading in readings(form) where reading.utf8.count >= 3 && isPlausible(reading) && !found.contains(reading) {
                    found.append(reading)
                    next.append(reading)
                }
            }
            frontier = next
        }
        return Array(found.prefix(12))
    }

    private static func isPlausible(_ text: String) -> Bool { text.contains { "aeiou".contains($0) } }

    private static func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }

    /// Readings of `word` with one affix or one reduplication removed.
    static func readings(_ word: String) -> [String] {
        var result: [String] = []
        let letters = Array(word)
        for prefix in prefixes where word.hasPrefix(prefix) && word.count - prefix.count >= 3 {
            result.append(String(word.dropFirst(prefix.count)))
        }
        for suffix in suffixes where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            result.append(String(word.dropLast(suffix.count)))
        }
        // infixes -um- and -in- after the first consonant: b-in-aha, t-um-agas
        if letters.count >= 5, !isVowel(letters[0]) {
            let infix = String(letters[1...2])
            if infix == "um" || infix == "in" { result.append(String(letters[0]) + String(letters[3...])) }
        }
        // -in- / -um- as a prefix before a vowel: inayos, umalis
        if letters.count >= 5, word.hasPrefix("in") || word.hasPrefix("um"), isVowel(letters[2]) {
            result.append(String(letters[2...]))
        }
        // reduplicated first syllable: babaha → baha, aalala → alala
        if letters.count >= 5 {
            if isVowel(letters[0]) && letters[1] == letters[0] {
                result.append(String(letters[1...]))
            } else if !isVowel(letters[0]) && isVowel(letters[1]) && letters[2] == letters[0] && letters[3] == letters[1] {
                result.append(String(letters[2...]))
            }
        }
        return result
    }
}
