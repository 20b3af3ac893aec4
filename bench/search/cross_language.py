"""How often a Korean or English query finds Thai or Vietnamese documents about the same thing.

    python3 bench/search/cross_language.py RUN.json
        # RUN.json: query id -> refs, best first (`searchbench --dump-tokens FILE` writes FILE.run.json)

For every ko and en query, a document is "about the same thing" when the author graded it >= 2
for one of the query's topics (src/*.py), whatever its language; the script prints the share of
queries with such a document written in th or vi (and in any other language) in the top 10.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "src"))
import build  # noqa: E402
from queries import QUERIES  # noqa: E402


def main():
    run = json.load(open(sys.argv[1], encoding="utf-8"))
    docs = {d["ref"]: d for d in build.load_docs()}
    rows = []
    for lang in ("ko", "en"):
        for index, query in enumerate(QUERIES[lang]):
            qid = f"{lang}-q{index + 1:02d}"
            on_topic = [r for r in run.get(qid, [])[:10]
                        if max(docs[r]["grades"].get(t, 0) for t in query["topics"]) >= 2]
            rows.append((query["kind"], any(docs[r]["lang"] in ("th", "vi") for r in on_topic),
                         any(docs[r]["lang"] != lang for r in on_topic)))
    for label, subset in (("cross queries", [r for r in rows if r[0] == "cross"]),
                          ("other ko/en queries", [r for r in rows if r[0] != "cross"]), ("all ko/en queries", rows)):
        th_vi = sum(r[1] for r in subset) / len(subset)
        other = sum(r[2] for r in subset) / len(subset)
        print(f"{label:20s} ({len(subset):2d}): th or vi document on the topic in the top 10: {th_vi:.2f}; "
              f"any other language: {other:.2f}")


if __name__ == "__main__":
    main()
