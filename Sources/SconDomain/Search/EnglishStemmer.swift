/// The Porter2 ("English") stemmer of the Snowball project (Martin Porter, 2002), on lower-case
/// ASCII words: `flooding` → `flood`, `lights` → `light`, `congestion` → `congest`.
/// Words with other characters are returned unchanged.
enum EnglishStemmer {
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
        "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
    private static let afterStep1a: Set<String> = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]

    static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x27 }) else { return word }
        if let exception = exceptions[word] { return exception }
        var w = Array(word.utf8)
        if w.first == 0x27 { w.removeFirst() }
        guard w.count > 2 else { return String(decoding: w, as: UTF8.self) }
        // y at the start or after a vowel is a consonant: mark it Y (0x59)
        for i in w.indices where w[i] == 0x79 && (i == 0 || isVowel(w[i - 1])) { w[i] = 0x59 }
        let (r1, r2) = regions(w)
        var word = Stem(letters: w, r1: r1, r2: r2)
        word.step0()
        word.step1a()
        if afterStep1a.contains(word.text) { return word.text }
        word.step1b()
        word.step1c()
        word.step2()
        word.step3()
        word.step4()
        word.step5()
        return word.text
    }

    static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79 }

    private static func regions(_ w: [UInt8]) -> (Int, Int) {
        func after(_ start: Int) -> Int {
            var i = start + 1
            while i < w.count {
                if !isVowel(w[i]) && isVowel(w[i - 1]) { return i + 1 }
                i += 1
            }
            return w.count
        }
        var r1 = after(0)
        for prefix in ["gener", "commun", "arsen"] where w.starts(with: Array(prefix.utf8)) { r1 = prefix.utf8.count }
        let r2 = r1 < w.count ? after(r1) : w.count
        return (min(r1, w.count), min(r2, w.count))
    }
}

/// A word being stemmed, with its R1 and R2 regions.
private struct Stem {
    var letters: [UInt8]
    var r1: Int
    var r2: Int

    var text: String { String(decoding: letters.map { $0 == 0x59 ? 0x79 : $0 }, as: UTF8.self) }

    func ends(_ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return letters.count >= s.count && Array(letters.suffix(s.count)) == s
    }

    /// The longest of `suffixes` the word ends with.
    func longest(_ suffixes: [String]) -> String? {
        suffixes.filter(ends).max { $0.utf8.count < $1.utf8.count }
    }

    func inR1(_ suffix: String) -> Bool { letters.count - suffix.utf8.count >= r1 }
    func inR2(_ suffix: String) -> Bool { letters.count - suffix.utf8.count >= r2 }

    mutating func replace(_ suffix: String, with replacement: String) {
        letters.removeLast(suffix.utf8.count)
        letters.append(contentsOf: Array(replacement.utf8))
    }

    func hasVowel(before count: Int) -> Bool { letters.prefix(count).contains(where: EnglishStemmer.isVowel) }

    /// A short syllable ends the word at `end`: consonant-vowel-consonant (last not w, x, Y),
    /// or vowel-consonant at the start of the word.
    func endsShortSyllable(_ end: Int) -> Bool {
        let v = EnglishStemmer.isVowel
        if end == 2 { return v(letters[0]) && !v(letters[1]) }
        guard end >= 3 else { return false }
        let (a, b, c) = (letters[end - 3], letters[end - 2], letters[end - 1])
        return !v(a) && v(b) && !v(c) && c != 0x77 && c != 0x78 && c != 0x59
    }

    var isShort: Bool { r1 >= letters.count && endsShortSyllable(letters.count) }

    mutating func step0() {
        if let s = longest(["'s'", "'s", "'"]) { letters.removeLast(s.utf8.count) }
    }

    mutating func step1a() {
        guard let s = longest(["sses", "ied", "ies", "us", "ss", "s"]) else { return }
        switch s {
        case "sses": replace(s, with: "ss")
        case "ied", "ies": replace(s, with: letters.count - 3 > 1 ? "i" : "ie")
        case "s": if hasVowel(before: letters.count - 2) { letters.removeLast() }
        default: break
        }
    }

    mutating func step1b() {
        guard let s = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
        if s == "eed" || s == "eedly" {
            if inR1(s) { replace(s, with: "ee") }
            return
        }
        guard hasVowel(before: letters.count - s.utf8.count) else { return }
        letters.removeLast(s.utf8.count)
        if ends("at") || ends("bl") || ends("iz") {
            letters.append(0x65)
        } else if let last = letters.last, letters.count >= 2, last == letters[letters.count - 2],
                  "bdfgmnprt".utf8.contains(last) {
            letters.removeLast()
        } else if isShort {
            letters.append(0x65)
        }
    }

    mutating func step1c() {
        guard letters.count > 2, let last = letters.last, last == 0x79 || last == 0x59,
              !EnglishStemmer.isVowel(letters[letters.count - 2]) else { return }
        letters[letters.count - 1] = 0x69
    }

    mutating func step2() {
        let rules: [String: String] = [
            "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent", "izer": "ize", "ization": "ize",
            "ational": "ate", "ation": "ate", "ator": "ate", "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful",
            "ousli": "ous", "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble", "ogi": "og",
            "fulli": "ful", "lessli": "less", "li": "",
        ]
        guard let s = longest(Array(rules.keys)), inR1(s) else { return }
        if s == "ogi" {
            if letters.count >= 4 && letters[letters.count - 4] == 0x6C { replace(s, with: "og") }
        } else if s == "li" {
            if letters.count >= 3 && "cdeghkmnrt".utf8.contains(letters[letters.count - 3]) { letters.removeLast(2) }
        } else {
            replace(s, with: rules[s]!)
        }
    }

    mutating func step3() {
        let rules: [String: String] = [
            "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic", "ful": "", "ness": "", "ative": "",
        ]
        guard let s = longest(Array(rules.keys)), inR1(s) else { return }
        if s == "ative" {
            if inR2(s) { letters.removeLast(5) }
        } else {
            replace(s, with: rules[s]!)
        }
    }

    mutating func step4() {
        let suffixes = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion"]
        guard let s = longest(suffixes), inR2(s) else { return }
        if s == "ion" {
            let before = letters.count - 4
            if before >= 0 && (letters[before] == 0x73 || letters[before] == 0x74) { letters.removeLast(3) }
        } else {
            letters.removeLast(s.utf8.count)
        }
    }

    mutating func step5() {
        if ends("e") {
            if inR2("e") || (inR1("e") && !endsShortSyllable(letters.count - 1)) { letters.removeLast() }
        } else if ends("l") && inR2("l") && letters.count >= 2 && letters[letters.count - 2] == 0x6C {
            letters.removeLast()
        }
    }
}
