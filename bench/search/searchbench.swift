// Reference copy of the measurement program behind the figures in docs/search.md. It is not part
// of the package: it ran as the executable target `searchbench` of a scratch package holding a
// copy of Sources/SconDomain (`swift build -c release --product searchbench`, from the repository
// root). The lead's `scon bench search` does the same with SconDomain's SearchBenchmark.
//
// The measurement of bench/search: nDCG@10 of the analysis (in-memory FTS5-equivalent BM25),
// plain whitespace BM25 and the FTS5 trigram baseline (a run file written by trigram_baseline.py).
//
//   searchbench [--dir bench/search] [--split tune|heldout|all] [--variant name] [--dump-tokens FILE] [--per-query]
import Foundation
import SconDomain

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let directory = option("--dir") ?? "bench/search"
let split = option("--split") ?? "tune"
let perQuery = arguments.contains("--per-query")

func readLines<T: Decodable>(_ path: String, as type: T.Type) throws -> [T] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
}

let entries = try MarketplaceEntry.decodeLines(String(contentsOfFile: directory + "/corpus.jsonl", encoding: .utf8)).map { try $0.validated() }
let allQueries = try readLines(directory + "/queries.jsonl", as: JudgedQuery.self)
let queries = split == "all" ? allQueries : allQueries.filter { $0.split == split }
let languages = Dictionary(uniqueKeysWithValues: entries.map { ($0.ref, $0.language) })

var settings = AnalysisSettings.standard
for variant in (option("--variant") ?? "").split(separator: ",") {
    switch variant {
    case "nopairs": settings.pairLanguages = []
    case "allpairs": settings.pairLanguages = [.vi, .en, .id, .ms, .tl]
    case "vitlpairs": settings.pairLanguages = [.vi, .tl]
    case "exact": settings.exactAccents = true
    case "nounigrams": settings.unspacedUnigrams = false
    case "trigrams": settings.unspacedTrigrams = true
    case "clusters": settings.syllableUnits = false
    case "noconcepts": settings.concepts = false
    case let v where v.hasPrefix("cr="): settings.conceptRepeat = Int(v.dropFirst(3)) ?? 1
    case let v where v.hasPrefix("title="): settings.titleWeight = Double(v.dropFirst(6)) ?? 2
    default: print("unknown variant \(variant)")
    }
}

let start = Date()
let benchmark = SearchBenchmark(entries: entries, settings: settings)
let indexing = Date().timeIntervalSince(start)
var ours: [String: [String]] = [:]
var whitespace: [String: [String]] = [:]
let queryStart = Date()
for query in queries {
    ours[query.id] = benchmark.rank(query.q)
}
let querying = Date().timeIntervalSince(queryStart)
for query in queries { whitespace[query.id] = benchmark.rankWhitespace(query.q) }

var systems: [(name: String, report: SearchEvaluationReport)] = [
    ("analysis", SearchEvaluation.report(queries, rankings: ours)),
    ("white", SearchEvaluation.report(queries, rankings: whitespace)),
]
for name in ["trigram-or", "trigram-and", "trigram-like"] {
    let path = directory + "/runs/\(name).json"
    guard let data = FileManager.default.contents(atPath: path),
          let run = try? JSONDecoder().decode([String: [String]].self, from: data) else { continue }
    systems.append((String(name.dropFirst(8)) == "or" ? "tri-or" : "tri-" + name.dropFirst(8), SearchEvaluation.report(queries, rankings: run)))
}
print("split \(split): \(queries.count) queries, \(entries.count) documents; variant \(option("--variant") ?? "standard")")
print(SearchBenchmark.table(systems, queries: queries))
let cross = queries.filter { $0.kind == "cross" }
if !cross.isEmpty {
    for (name, run) in [("analysis", ours), ("white", whitespace)] {
        let any = SearchEvaluation.crossLanguageHitRate(cross, rankings: run, languages: languages)
        let thvi = SearchEvaluation.crossLanguageHitRate(cross.filter { $0.lang == .ko || $0.lang == .en }, rankings: run, languages: languages, targets: [.th, .vi])
        print("cross-language hit rate \(name): other language in top 10 \(String(format: "%.2f", any)); ko/en query → th or vi in top 10 \(String(format: "%.2f", thvi))")
    }
}
print(String(format: "indexing %.2f s, %d queries in %.3f s", indexing, queries.count, querying))
if perQuery {
    let reportOurs = systems[0].report, reportWhite = systems[1].report
    let tri = systems.count > 2 ? systems[2].report : nil
    for query in queries {
        print(String(format: "%@ %-8@ %.3f white %.3f tri %.3f  %@  top: %@", query.id, query.kind, reportOurs.perQuery[query.id] ?? 0,
                     reportWhite.perQuery[query.id] ?? 0, tri?.perQuery[query.id] ?? 0, query.q, (ours[query.id] ?? []).prefix(5).joined(separator: ",")))
    }
}
if let path = option("--dump-tokens") {
    var lines: [String] = []
    for entry in entries {
        let indexed = SearchAnalyzer.indexedDocument(title: entry.title, body: entry.body, language: entry.language, settings: settings)
        let object: [String: String] = ["ref": entry.ref, "title": indexed.titleTokens, "body": indexed.bodyTokens]
        lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
    }
    for query in allQueries {
        let analyzed = SearchAnalyzer.queryTerms(query.q, settings: settings)
        let object: [String: String] = ["query": query.id, "match": analyzed.ftsExpression]
        lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
    }
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let all = Dictionary(uniqueKeysWithValues: allQueries.map { ($0.id, benchmark.rank($0.q)) })
    try String(decoding: JSONEncoder().encode(all), as: UTF8.self).write(toFile: path + ".run.json", atomically: true, encoding: .utf8)
}
if arguments.contains("--timing") {
    func measure(_ label: String, repeat count: Int, _ body: () -> Void) {
        let start = Date()
        for _ in 0..<count { body() }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "%@: %.1f µs each (%d runs)", label, seconds / Double(count) * 1e6, count))
    }
    var sink = 0
    measure("analyse a document (title + body, all 400 in turn)", repeat: 4000) {
        let entry = entries[sink % entries.count]
        sink &+= SearchAnalyzer.indexedDocument(title: entry.title, body: entry.body, language: entry.language, settings: settings).bodyTokens.count
    }
    measure("analyse a query (all 204 in turn)", repeat: 20400) {
        sink &+= SearchAnalyzer.queryTerms(allQueries[sink % allQueries.count].q, settings: settings).terms.count
    }
    let long = String(repeating: "스마트주차 flooding ngập lụt ปัญหาน้ำท่วม ", count: 400)
    measure("analyse a 10,000-character query", repeat: 1000) { sink &+= SearchAnalyzer.queryTerms(long, settings: settings).terms.count }
    measure("highlight a body", repeat: 4000) {
        let entry = entries[sink % entries.count]
        sink &+= SearchHighlighter.highlight(text: entry.body, language: entry.language, query: SearchAnalyzer.queryTerms("flood 침수 น้ำท่วม"), settings: settings).count
    }
    let big = (0..<25).flatMap { copy in entries.map { entry -> MarketplaceEntry.Fields in var e = entry; e.ref += "-\(copy)"; return e } }
    let bigStart = Date()
    let bigBench = SearchBenchmark(entries: big, settings: settings)
    print(String(format: "index %d documents in memory: %.2f s", big.count, Date().timeIntervalSince(bigStart)))
    measure("rank a query over \(big.count) documents in memory", repeat: 2040) { sink &+= bigBench.rank(allQueries[sink % allQueries.count].q).count }
    let tokensPerDocument = entries.map { entry in
        let indexed = SearchAnalyzer.indexedDocument(title: entry.title, body: entry.body, language: entry.language, settings: settings)
        return indexed.titleTokens.split(separator: " ").count + indexed.bodyTokens.split(separator: " ").count
    }
    print("tokens per document: mean \(tokensPerDocument.reduce(0, +) / tokensPerDocument.count), max \(tokensPerDocument.max() ?? 0); sink \(sink % 7)")
}
