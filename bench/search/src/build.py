"""Writes ../corpus.jsonl and ../queries.jsonl from the authoring files in this folder.

    python3 bench/search/src/build.py

corpus.jsonl is in the import format of `scon import marketplace` (one JSON object a line:
ref, kind, lang, title, body, country, sectors). queries.jsonl holds one judged query a line:
id, lang, kind, q, split ("tune" or "heldout": every fourth query of a language is held out
from tuning), relevant (ref -> grade 1..3; unlisted documents are not relevant).
"""
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from queries import QUERIES  # noqa: E402

LANGS = ["ko", "en", "th", "vi", "id", "ms", "km", "lo", "my", "tl"]
SIBLINGS = {"id": {"id", "ms"}, "ms": {"id", "ms"}}


def load_docs():
    docs = []
    for lang in LANGS:
        module = importlib.import_module(lang)
        assert module.LANG == lang
        for d in module.DOCS:
            assert d["ref"].startswith(lang + "-"), d["ref"]
            docs.append(dict(d, lang=lang))
    refs = [d["ref"] for d in docs]
    assert len(refs) == len(set(refs)), "duplicate refs"
    return docs


def judge(query, lang, docs):
    pool = set(LANGS) if query["kind"] == "cross" else SIBLINGS.get(lang, {lang})
    relevant = {}
    for d in docs:
        if d["lang"] not in pool:
            continue
        values = [min(d["grades"].get(t, 0), cap) for t, cap in query["topics"].items()]
        grade = max(values)
        if query["mode"] == "all" and any(d["grades"].get(t, 0) < 2 for t in query["topics"]):
            grade -= 1
        if query["only"] and d["ref"] not in query["only"]:
            grade -= 1
        if grade > 0:
            relevant[d["ref"]] = grade
    assert relevant, query
    return relevant


def main():
    docs = load_docs()
    out = os.path.dirname(HERE)
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            line = {k: d[k] for k in ("ref", "kind", "lang", "title", "body", "country", "sectors")}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    count = 0
    with open(os.path.join(out, "queries.jsonl"), "w", encoding="utf-8") as f:
        for lang in LANGS:
            for index, query in enumerate(QUERIES[lang]):
                line = {"id": f"{lang}-q{index + 1:02d}", "lang": lang, "kind": query["kind"],
                        "q": query["q"], "split": "heldout" if index % 4 == 3 else "tune",
                        "relevant": judge(query, lang, docs)}
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
    print(f"{len(docs)} documents, {count} queries")


if __name__ == "__main__":
    main()
