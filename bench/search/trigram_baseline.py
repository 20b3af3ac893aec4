"""The SQLite FTS5 trigram baseline of bench/search, and a check of the analysis' storage form.

    python3 bench/search/trigram_baseline.py            # writes runs/trigram-{or,and,like}.json, prints nDCG@10
    python3 bench/search/trigram_baseline.py --tokens FILE
        # FILE from `searchbench --dump-tokens FILE`: indexes the analysis' tokens in an FTS5 table
        # (unicode61 tokenizer), ranks with bm25(t, 0, 2.0, 1.0) (ref, title, body) and compares with FILE.run.json

Baseline: CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='trigram'); the query's
whitespace tokens of three or more characters, each quoted, joined by OR (trigram-or) or by AND
(trigram-and), ranked by bm25(docs). A query without such a token finds nothing (the trigram
index cannot look up shorter strings). trigram-like adds, for such short tokens only, a LIKE
'%token%' scan ranked by the number of occurrences — a generous variant, reported for reference.
Needs SQLite >= 3.34 (trigram tokenizer).
"""
import json
import math
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ndcg(ranking, relevant, depth=10):
    dcg = sum((2 ** relevant.get(ref, 0) - 1) / math.log2(i + 2) for i, ref in enumerate(ranking[:depth]))
    ideal = sorted(relevant.values(), reverse=True)[:depth]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def trigram_runs(corpus, queries):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(ref UNINDEXED, title, body, tokenize='trigram')")
    db.executemany("INSERT INTO docs(ref, title, body) VALUES (?, ?, ?)", [(d["ref"], d["title"], d["body"]) for d in corpus])
    runs = {"or": {}, "and": {}, "like": {}}
    for q in queries:
        tokens = q["q"].split()
        long_tokens = ['"' + t.replace('"', '""') + '"' for t in tokens if len(t) >= 3]
        short_tokens = [t for t in tokens if len(t) < 3]
        for mode, joiner in (("or", " OR "), ("and", " AND ")):
            if long_tokens:
                rows = db.execute("SELECT ref FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10",
                                  (joiner.join(long_tokens),)).fetchall()
                runs[mode][q["id"]] = [r[0] for r in rows]
            else:
                runs[mode][q["id"]] = []
        ranking = list(runs["or"][q["id"]])
        if short_tokens:
            scored = []
            for ref, title, body in db.execute("SELECT ref, title, body FROM docs"):
                text = (title + " " + body).lower()
                count = sum(text.count(t.lower()) for t in short_tokens)
                if count:
                    scored.append((-count, ref))
            ranking += [ref for _, ref in sorted(scored) if ref not in ranking]
        runs["like"][q["id"]] = ranking[:10]
    return runs


def report(name, queries, run):
    by_lang, by_kind = {}, {}
    for q in queries:
        score = ndcg(run.get(q["id"], []), q["relevant"])
        by_lang.setdefault(q["lang"], []).append(score)
        by_kind.setdefault(q["kind"], []).append(score)
    mean = lambda xs: sum(xs) / len(xs)
    overall = mean([s for xs in by_lang.values() for s in xs])
    langs = " ".join(f"{k}={mean(v):.3f}" for k, v in sorted(by_lang.items()))
    print(f"{name:12s} overall={overall:.3f}  {langs}")


def check_tokens(path, queries):
    corpus, matches = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if "ref" in item:
                corpus.append(item)
            else:
                matches[item["query"]] = item["match"]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(ref UNINDEXED, title, body)")
    db.executemany("INSERT INTO t(ref, title, body) VALUES (?, ?, ?)", [(d["ref"], d["title"], d["body"]) for d in corpus])
    run = {}
    for q in queries:
        expression = matches.get(q["id"], "")
        rows = db.execute("SELECT ref FROM t WHERE t MATCH ? ORDER BY bm25(t, 0.0, 2.0, 1.0) LIMIT 10", (expression,)).fetchall() if expression else []
        run[q["id"]] = [r[0] for r in rows]
    # the same ranking from a plain postings table, as docs/search.md proposes for PostgreSQL
    db.execute("CREATE TABLE postings(ref TEXT, token TEXT, tf_title INT, tf_body INT)")
    db.execute("CREATE TABLE lengths(ref TEXT PRIMARY KEY, length INT)")
    for d in corpus:
        title, body = d["title"].split(), d["body"].split()
        counts = {}
        for t in title:
            counts.setdefault(t, [0, 0])[0] += 1
        for t in body:
            counts.setdefault(t, [0, 0])[1] += 1
        db.executemany("INSERT INTO postings VALUES (?, ?, ?, ?)", [(d["ref"], t, c[0], c[1]) for t, c in counts.items()])
        db.execute("INSERT INTO lengths VALUES (?, ?)", (d["ref"], len(title) + len(body)))
    db.execute("CREATE INDEX postings_token ON postings(token)")
    sql = '''
        WITH q(token) AS (SELECT value FROM json_each(?)),
        stats AS (SELECT count(*) * 1.0 AS n, avg(length) AS avgdl FROM lengths),
        df AS (SELECT p.token, count(*) * 1.0 AS df FROM postings p WHERE p.token IN (SELECT token FROM q) GROUP BY p.token)
        SELECT p.ref, sum(max(ln((s.n - df.df + 0.5) / (df.df + 0.5)), 1e-6)
                          * (2.0 * p.tf_title + p.tf_body) * 2.2
                          / ((2.0 * p.tf_title + p.tf_body) + 1.2 * (0.25 + 0.75 * l.length / s.avgdl))) AS score
        FROM postings p JOIN q ON q.token = p.token JOIN df ON df.token = p.token
             JOIN lengths l ON l.ref = p.ref CROSS JOIN stats s
        GROUP BY p.ref ORDER BY score DESC, p.ref LIMIT 10'''
    postings_run = {}
    for q in queries:
        tokens = [t for t in matches.get(q["id"], "").split(" OR ") if t]
        postings_run[q["id"]] = [r[0] for r in db.execute(sql, (json.dumps(tokens),)).fetchall()] if tokens else []
    same_postings = sum(1 for q in queries if set(postings_run[q["id"]]) == set(run[q["id"]]))
    print(f"BM25 in SQL over a postings table: same top-10 set as FTS5 for {same_postings}/{len(queries)} queries")
    with open(path + ".run.json", encoding="utf-8") as f:
        swift = json.load(f)
    same = sum(1 for q in queries if run[q["id"]] == swift.get(q["id"]))
    same_sets = sum(1 for q in queries if set(run[q["id"]]) == set(swift.get(q["id"], [])))
    print(f"FTS5 over the analysis' tokens: identical top-10 for {same}/{len(queries)} queries, same top-10 set for {same_sets}")
    report("fts5-tokens", queries, run)
    report("in-memory", queries, swift)


def main():
    corpus, queries = load("corpus.jsonl"), load("queries.jsonl")
    print("SQLite", sqlite3.sqlite_version)
    if "--tokens" in sys.argv:
        check_tokens(sys.argv[sys.argv.index("--tokens") + 1], queries)
        return
    runs = trigram_runs(corpus, queries)
    os.makedirs(os.path.join(HERE, "runs"), exist_ok=True)
    for mode, run in runs.items():
        with open(os.path.join(HERE, "runs", f"trigram-{mode}.json"), "w", encoding="utf-8") as f:
            json.dump(run, f, ensure_ascii=False, indent=0, sort_keys=True)
    for split in ("tune", "heldout", None):
        subset = [q for q in queries if split is None or q["split"] == split]
        print(f"-- split {split or 'all'} ({len(subset)} queries)")
        for mode, run in runs.items():
            report("trigram-" + mode, subset, run)


if __name__ == "__main__":
    main()
