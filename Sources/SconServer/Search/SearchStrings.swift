extension SearchContext {
    /// This context's user-facing strings: key → (English, Korean).
    static let table: StringTable = [
        "nav.search": ("Search", "검색"),
        "search.title": ("Search", "검색"),
        "search.lead": ("One box for challenges, solutions, organisations, cities, calls and projects, in any of the region's ten languages: a Korean or English word also finds texts in Thai or Vietnamese on the same subject.", "도시문제, 솔루션, 기관, 도시, 공모, 사업을 한 번에 찾습니다. 아세안 10개 언어 어느 것으로든 검색할 수 있고, 한국어나 영어 검색어로 같은 주제의 태국어·베트남어 글도 찾습니다."),
        "search.label": ("Search for", "검색어"),
        "search.go": ("Search", "검색"),
        "search.kind": ("Only", "종류"),
        "search.empty": ("Type a word or two, in any language.", "어떤 언어로든 한두 단어를 입력하세요."),
        "search.none": ("Nothing found for “{query}”.", "‘{query}’에 대한 결과가 없습니다."),
        "search.kind.challenge": ("Urban challenge", "도시문제"),
        "search.kind.solution": ("Solution", "솔루션"),
        "search.kind.organisation": ("Organisation", "기관"),
        "search.kind.city": ("City", "도시"),
        "search.kind.call": ("Open call", "공모"),
        "search.kind.project": ("Project", "사업"),
        "search.kind.agreement": ("Agreement", "업무협약"),
    ]
}
