/// Korean particles (josa) and common verbal endings that follow a noun inside one spaced word
/// (eojeol): `스마트주차시스템을` → `스마트주차시스템`, `도시에서는` → `도시`, `수집하는` → `수집`.
/// The stripped form is indexed as a whole-word term next to the syllable bigrams, so that an
/// exact word ranks above a match inside a compound; both documents and queries are stripped
/// the same way, so an occasional wrong cut (`지도` → `지`) does not lose a match.
enum KoreanParticles {
    /// Longest first. Single-syllable particles are stripped only from words of three or more
    /// syllables, or from two-syllable words for the case markers 을/를/은/는/이/가/에/의/로.
    private static let endings: [[Character]] = [
        "에서부터", "으로부터", "에서는", "에서도", "으로는", "으로도", "으로서", "으로써", "에게서", "까지는", "부터는",
        "이라는", "이라고", "하였다", "되었다", "하고자", "시키는", "적으로",
        "에서", "에게", "한테", "으로", "로서", "로써", "까지", "부터", "마다", "처럼", "보다", "와의", "과의", "에는", "에도",
        "이나", "이며", "이고", "이다", "이라", "라는", "하는", "하고", "하여", "해서", "한다", "했다", "하며", "하면", "되는",
        "된다", "되어", "되고", "되며", "적인", "들이", "들을", "들은", "들의", "들도",
        "을", "를", "은", "는", "이", "가", "의", "에", "와", "과", "도", "로", "만", "들", "께", "나",
    ].map { Array($0) }
    private static let caseMarkers: Set<Character> = ["을", "를", "은", "는", "이", "가", "에", "의", "로"]

    /// The number of leading syllables that remain once a trailing particle or ending is removed.
    static func stemLength(_ syllables: [String]) -> Int {
        let word = syllables.compactMap(\.first)
        guard word.count == syllables.count, word.count >= 2 else { return syllables.count }
        for ending in endings where ending.count < word.count && word.suffix(ending.count).elementsEqual(ending) {
            if ending.count == 1 && word.count == 2 && !caseMarkers.contains(ending[0]) { continue }
            return word.count - ending.count
        }
        return syllables.count
    }
}
