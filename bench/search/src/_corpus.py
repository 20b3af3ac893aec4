"""Authoring helpers for the judged search corpus (see ../README.md).

Each language file lists documents with `doc(...)`: the import fields of
`scon import marketplace` plus `grades`, the author's judgment of how relevant the
document is to a search about each topic (3 = about it, 2 = substantially about it,
1 = mentions it in passing). build.py writes ../corpus.jsonl (import fields only) and
../doc-grades.json (the grades), from which queries are judged.
"""

TOPICS = [
    "flood", "drainage", "water", "wastewater", "traffic", "transit", "parking", "waste",
    "air", "energy", "lighting", "housing", "cctv", "warning", "egov", "health",
    "tourism", "platform", "ev", "heat",
]

SECTORS = {"urban-development", "safety", "transport", "water", "energy", "environment",
           "housing", "governance", "health", "digital"}


def doc(ref, kind, country, sectors, grades, title, body):
    assert kind in ("challenge", "solution"), ref
    assert all(s in SECTORS for s in sectors), ref
    assert all(t in TOPICS for t in grades), (ref, grades)
    assert all(g in (1, 2, 3) for g in grades.values()), ref
    return {"ref": ref, "kind": kind, "country": country, "sectors": sectors,
            "grades": grades, "title": title.strip(), "body": " ".join(body.split())}
