#!/usr/bin/env python3
"""Writes Sources/SconServer/Resources/OpenAPI/Marketplace.json and Search.json (the documents are
generated here to keep the repeated parts — auth, CSRF, the shared responses — written once).
Run from the repository root after changing the marketplace's or the search's API."""
import json

AUTH = " Authenticate with a personal API token (`Authorization: Bearer scon_…`) or with the web session cookie `scon_session`; when the session cookie is used, the request must also carry the `X-CSRF-Token` header equal to the `scon_csrf` cookie."
SIGNED = [{"bearerToken": []}, {"sessionCookie": []}]
R = lambda name: {"$ref": f"#/components/responses/{name}"}
S = lambda name: {"$ref": f"#/components/schemas/{name}"}
P = lambda name: {"$ref": f"#/components/parameters/{name}"}
LANG = ["ko", "en", "th", "vi", "id", "ms", "km", "lo", "my", "tl"]


def ok(description, schema, status="200"):
    return {status: {"description": description, "content": {"application/json": {"schema": S(schema)}}}}


def conflict(description):
    return {"409": {"description": description, "content": {"application/problem+json": {"schema": S("Problem")}}}}


def path_id(name, description):
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string", "format": "uuid"}}


def query(name, description, schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def write_op(op_id, summary, description, params, body, responses, extra_errors=()):
    op = {"operationId": op_id, "summary": summary, "description": description + AUTH, "tags": ["Marketplace"],
          "parameters": params + [P("CsrfToken")], "security": SIGNED}
    if body:
        op["requestBody"] = {"required": True, "description": body[1], "content": {"application/json": {"schema": S(body[0])}}}
    op["responses"] = dict(responses)
    for code, name in [("400", "BadRequest"), ("401", "Unauthorized"), ("403", "Forbidden"), ("404", "NotFound"),
                       ("413", "PayloadTooLarge"), ("415", "UnsupportedMediaType"), ("422", "UnprocessableContent")]:
        if code in ("404",) and "no404" in extra_errors:
            continue
        op["responses"].setdefault(code, R(name))
    return op


def read_op(op_id, summary, description, params, responses, signed=False, tag="Marketplace"):
    op = {"operationId": op_id, "summary": summary, "description": description + (AUTH if signed else ""), "tags": [tag],
          "parameters": params, "security": SIGNED if signed else []}
    op["responses"] = dict(responses)
    op["responses"].setdefault("400", R("BadRequest"))
    if signed:
        op["responses"].setdefault("401", R("Unauthorized"))
    return op


filters = [query("country", "Only entries of this country.", S("CountryCode")),
           query("sector", "Only entries in this sector.", S("Sector")),
           query("lang", "Only entries written in this language.", S("ContentLanguage")),
           query("mine", "`true`: the caller's own organisations' entries, drafts included.", {"type": "boolean"})]
challenge_filters = [filters[0], query("city", "Only challenges of this city (a city's id).", {"type": "string", "format": "uuid"}),
                     filters[1], query("status", "One status (drafts only with `mine`); by default open, in discussion, matched and closed, archived left out.", S("ChallengeStatus")),
                     filters[2], filters[3]]
solution_filters = filters[:2] + [query("status", "One status (drafts only with `mine`); by default the published ones.", S("SolutionStatus"))] + filters[2:]
csv = {"200": {"description": "The filtered list as CSV (RFC 4180, UTF-8 with a byte-order mark; formula-like cells prefixed with `'`), at most 10,000 rows.",
               "content": {"text/csv": {"schema": {"type": "string"}}}}}
ID = path_id("id", "The record's id.")
CH = path_id("challenge", "The challenge's id.")
SO = path_id("solution", "The solution's id.")
status_conflict = conflict("The move is not allowed from the current status (`refusal.marketplace.status`).")

paths = {
    "/api/v1/challenges": {
        "get": read_op("listChallenges", "List urban challenges", "Published challenges newest first, filtered; keyset-paginated. Public (drafts only to their organisation with `mine=true`).",
                       challenge_filters + [P("Limit"), P("Cursor")], ok("A page of challenges.", "ChallengePage")),
        "post": write_op("createChallenge", "Post a challenge", "Members of an organisation post challenges of cities in its country; programme officers, administrators and cooperation-centre staff post for any city. A draft unless `publish` is true. Audited (`challenge.create`); a published challenge is indexed for search at once.",
                         [], ("ChallengeInput", "The challenge."), ok("The challenge.", "Challenge", "201"), ["no404"]),
    },
    "/api/v1/challenges.csv": {"get": read_op("downloadChallenges", "Download challenges as CSV", "The list's filter, as CSV. Public.", challenge_filters, csv)},
    "/api/v1/challenges/{id}": {
        "get": read_op("getChallenge", "Read a challenge", "A published challenge, or a draft for its organisation and the programme office (404 for others). Public.", [ID],
                       {**ok("The challenge.", "Challenge"), "404": R("NotFound")}),
        "patch": write_op("updateChallenge", "Change a challenge", "Changes the fields in the body (the posting organisation's members and the programme office). Audited (`challenge.update`).",
                          [ID], ("ChallengePatch", "The fields to change."), ok("The challenge.", "Challenge")),
    },
    "/api/v1/challenges/{id}/status": {"post": write_op("moveChallenge", "Move a challenge to another status",
        "draft → open → in-discussion → matched → closed, archived from anywhere but archived; closed may reopen. Audited (`challenge.status`); a challenge out of the public statuses leaves the search index.",
        [ID], ("StatusInput", "The status to move to."), {**ok("The challenge.", "Challenge"), **status_conflict})},
    "/api/v1/challenges/{id}/matches": {"get": read_op("challengeMatches", "Suggested solutions for a challenge",
        "Up to 10 published solutions, best first, each with a score out of 100 and its reasons: shared sectors, terms or concepts in common (across languages), experience in the challenge's country, a common working language, deployed. Public for published challenges.",
        [ID], {**ok("The suggestions.", "MatchList"), "404": R("NotFound")})},
    "/api/v1/solutions": {
        "get": read_op("listSolutions", "List solutions", "Published solutions newest first, filtered; keyset-paginated. Public.",
                       solution_filters + [P("Limit"), P("Cursor")], ok("A page of solutions.", "SolutionPage")),
        "post": write_op("createSolution", "Offer a solution", "Members of an organisation (and the programme office) post its solutions. A draft unless `publish` is true. Audited (`solution.create`).",
                         [], ("SolutionInput", "The solution."), ok("The solution.", "Solution", "201"), ["no404"]),
    },
    "/api/v1/solutions.csv": {"get": read_op("downloadSolutions", "Download solutions as CSV", "The list's filter, as CSV. Public.", solution_filters, csv)},
    "/api/v1/solutions/{id}": {
        "get": read_op("getSolution", "Read a solution", "A published solution, or a draft for its organisation and the programme office. Public.", [ID],
                       {**ok("The solution.", "Solution"), "404": R("NotFound")}),
        "patch": write_op("updateSolution", "Change a solution", "Changes the fields in the body (the organisation's members and the programme office). Audited (`solution.update`).",
                          [ID], ("SolutionPatch", "The fields to change."), ok("The solution.", "Solution")),
    },
    "/api/v1/solutions/{id}/status": {"post": write_op("moveSolution", "Move a solution to another status",
        "draft → published → archived (and back to published). Audited (`solution.status`).", [ID], ("StatusInput", "The status to move to."),
        {**ok("The solution.", "Solution"), **status_conflict})},
    "/api/v1/solutions/{id}/matches": {"get": read_op("solutionMatches", "Suggested challenges for a solution",
        "Up to 10 challenges still looking for solutions (open or in discussion), best first, with the reasons.", [ID], {**ok("The suggestions.", "MatchList"), "404": R("NotFound")})},
    "/api/v1/matches/{challenge}/{solution}/interest": {
        "get": read_op("getInterest", "Who is interested in a pair", "Whether each side said it is interested; `mutual` opens the conversation. For signed-in callers who may see both records.",
                       [CH, SO], {**ok("The interest.", "Interest"), "403": R("Forbidden"), "404": R("NotFound")}, signed=True),
        "post": write_op("expressInterest", "Say the caller's side is interested", "Records interest for each side the caller is a member of (the challenge's organisation, the solution's, or both); 403 when neither. Both records must be published (409). Audited (`marketplace.interest`).",
                         [CH, SO], None, {**ok("The interest.", "Interest"), **conflict("A record of the pair is not published.")}),
    },
    "/api/v1/matches/{challenge}/{solution}/messages": {
        "get": read_op("listMessages", "Read a pair's conversation", "The messages, oldest first (at most 500), for the two organisations' members and the programme office; 404 for anyone else.",
                       [CH, SO], {**ok("The messages.", "MessageList"), "404": R("NotFound")}, signed=True),
        "post": write_op("postMessage", "Write in a pair's conversation", "A member of either organisation writes once both sides are interested (409 before). 1–4,000 characters. Audited (`marketplace.message`).",
                         [CH, SO], ("MessageInput", "The message."), {**ok("The message.", "Message", "201"), **conflict("The sides are not both interested yet (`refusal.marketplace.not-mutual`).")}),
    },
}

text = lambda desc, mx: {"type": "string", "maxLength": mx, "description": desc}
budget = {"type": "string", "maxLength": 30, "description": "An amount in whole units of `budgetCurrency` (thousands separators allowed), at least 0; with the other end of the range."}
challenge_props = {
    "city": {"type": "string", "format": "uuid", "description": "A city of the directory (required)."},
    "organisation": {"type": "string", "format": "uuid", "description": "The posting organisation (required)."},
    "sectors": {"type": "array", "items": S("Sector"), "minItems": 1, "maxItems": 5},
    "language": S("ContentLanguage"),
    "title": text("3–300 characters, in `language`.", 300), "body": text("10–20,000 characters, in `language`.", 20000),
    "titleKo": text("Optional Korean title.", 300), "bodyKo": text("Optional Korean text.", 20000),
    "titleEn": text("Optional English title.", 300), "bodyEn": text("Optional English text.", 20000),
    "peopleAffected": {"type": "integer", "minimum": 0, "maximum": 100000000},
    "budgetMin": budget, "budgetMax": budget, "budgetCurrency": S("Currency"),
    "timing": text("When the city wants it solved.", 200), "contact": text("Who to contact.", 300),
    "publish": {"type": "boolean", "description": "Publish at once (default false: a draft)."},
}
solution_props = {
    "organisation": {"type": "string", "format": "uuid", "description": "The offering organisation (required)."},
    "sectors": {"type": "array", "items": S("Sector"), "minItems": 1, "maxItems": 5},
    "language": S("ContentLanguage"),
    "title": text("3–300 characters.", 300), "body": text("10–20,000 characters.", 20000),
    "titleKo": text("Optional Korean title.", 300), "bodyKo": text("Optional Korean text.", 20000),
    "titleEn": text("Optional English title.", 300), "bodyEn": text("Optional English text.", 20000),
    "readiness": S("Readiness"), "priceModel": S("PriceModel"),
    "references": {"type": "array", "maxItems": 50, "items": {"type": "string", "format": "uuid"}, "description": "Cities where it runs."},
    "languages": {"type": "array", "items": S("ContentLanguage"), "description": "Languages the team works in (default: `language`)."},
    "publish": {"type": "boolean"},
}
nullable_str = {"type": ["string", "null"]}
schemas = {
    "ContentLanguage": {"type": "string", "enum": LANG, "description": "The language a text is written in (ISO 639-1; Filipino `tl`)."},
    "ChallengeStatus": {"type": "string", "enum": ["draft", "open", "in-discussion", "matched", "closed", "archived"]},
    "SolutionStatus": {"type": "string", "enum": ["draft", "published", "archived"]},
    "Readiness": {"type": "string", "enum": ["idea", "pilot", "deployed"]},
    "PriceModel": {"type": "string", "enum": ["licence", "subscription", "project", "per-unit", "free", "negotiable"]},
    "ChallengeInput": {"type": "object", "additionalProperties": False, "required": ["city", "organisation", "sectors", "language", "title", "body"], "properties": challenge_props},
    "ChallengePatch": {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": {k: v for k, v in challenge_props.items() if k != "publish"}},
    "SolutionInput": {"type": "object", "additionalProperties": False, "required": ["organisation", "sectors", "language", "title", "body", "readiness"], "properties": solution_props},
    "SolutionPatch": {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": {k: v for k, v in solution_props.items() if k != "publish"}},
    "StatusInput": {"type": "object", "additionalProperties": False, "required": ["status"], "properties": {"status": {"type": "string", "maxLength": 20}}},
    "MessageInput": {"type": "object", "additionalProperties": False, "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 4000}}},
    "Challenge": {"type": "object", "additionalProperties": False,
                  "required": ["id", "externalRef", "organisation", "city", "country", "sectors", "language", "title", "body", "titleKo", "bodyKo", "titleEn", "bodyEn",
                               "peopleAffected", "budget", "timing", "contact", "status", "sample"],
                  "properties": {"id": {"type": "string", "format": "uuid"}, "externalRef": {**nullable_str, "description": "The `ref` of an imported entry."},
                                 "organisation": {"type": "string", "format": "uuid"}, "city": {"type": ["string", "null"], "format": "uuid", "description": "Null for imported entries."},
                                 "country": S("CountryCode"), "sectors": {"type": "array", "items": S("Sector")}, "language": S("ContentLanguage"),
                                 "title": {"type": "string"}, "body": {"type": "string"}, "titleKo": {"type": "string"}, "bodyKo": {"type": "string"},
                                 "titleEn": {"type": "string"}, "bodyEn": {"type": "string"}, "peopleAffected": {"type": ["integer", "null"]},
                                 "budget": {"oneOf": [{"type": "null"}, {"type": "object", "additionalProperties": False, "required": ["currency", "minimum", "maximum"],
                                            "properties": {"currency": S("Currency"), "minimum": {"type": "string"}, "maximum": {"type": "string"}}}]},
                                 "timing": {"type": "string"}, "contact": {"type": "string"}, "status": S("ChallengeStatus"), "sample": {"type": "boolean"}}},
    "Solution": {"type": "object", "additionalProperties": False,
                 "required": ["id", "externalRef", "organisation", "country", "sectors", "language", "title", "body", "titleKo", "bodyKo", "titleEn", "bodyEn",
                              "readiness", "references", "priceModel", "languages", "status", "sample"],
                 "properties": {"id": {"type": "string", "format": "uuid"}, "externalRef": nullable_str, "organisation": {"type": "string", "format": "uuid"},
                                "country": S("CountryCode"), "sectors": {"type": "array", "items": S("Sector")}, "language": S("ContentLanguage"),
                                "title": {"type": "string"}, "body": {"type": "string"}, "titleKo": {"type": "string"}, "bodyKo": {"type": "string"},
                                "titleEn": {"type": "string"}, "bodyEn": {"type": "string"}, "readiness": S("Readiness"),
                                "references": {"type": "array", "items": {"type": "string", "format": "uuid"}}, "priceModel": S("PriceModel"),
                                "languages": {"type": "array", "items": S("ContentLanguage")}, "status": S("SolutionStatus"), "sample": {"type": "boolean"}}},
    "ChallengePage": {"type": "object", "additionalProperties": False, "required": ["items", "nextCursor"],
                      "properties": {"items": {"type": "array", "items": S("Challenge")}, "nextCursor": {**nullable_str, "description": "The next page's cursor, or null."}}},
    "SolutionPage": {"type": "object", "additionalProperties": False, "required": ["items", "nextCursor"],
                     "properties": {"items": {"type": "array", "items": S("Solution")}, "nextCursor": nullable_str}},
    "Match": {"type": "object", "additionalProperties": False, "required": ["kind", "id", "title", "challenge", "solution", "score", "reasons"],
              "properties": {"kind": {"type": "string", "enum": ["challenge", "solution"], "description": "The suggested record's kind."},
                             "id": {"type": "string", "format": "uuid"}, "title": {"type": "string"},
                             "challenge": {"type": "string", "format": "uuid"}, "solution": {"type": "string", "format": "uuid"},
                             "score": {"type": "integer", "minimum": 0, "maximum": 100},
                             "reasons": {"type": "array", "items": {"type": "object", "additionalProperties": False, "required": ["code", "value"],
                                         "properties": {"code": {"type": "string", "enum": ["sectors", "terms", "country", "language", "deployed"]},
                                                        "value": {"type": "string", "description": "Sector codes (comma-separated), a count, a country or language code; empty for `deployed`."}}}}}},
    "MatchList": {"type": "object", "additionalProperties": False, "required": ["items", "nextCursor"], "properties": {"items": {"type": "array", "items": S("Match")}, "nextCursor": {"type": "null"}}},
    "Interest": {"type": "object", "additionalProperties": False, "required": ["challenge", "solution", "challengeSide", "solutionSide", "mutual"],
                 "properties": {"challenge": {"type": "string", "format": "uuid"}, "solution": {"type": "string", "format": "uuid"},
                                "challengeSide": {"type": "boolean"}, "solutionSide": {"type": "boolean"}, "mutual": {"type": "boolean"}}},
    "Message": {"type": "object", "additionalProperties": False, "required": ["id", "author", "organisation", "text", "createdAt"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "author": {"type": "string", "format": "uuid"}, "organisation": {"type": "string", "format": "uuid"},
                               "text": {"type": "string"}, "createdAt": {"type": "string", "format": "date-time"}}},
    "MessageList": {"type": "object", "additionalProperties": False, "required": ["items", "nextCursor"], "properties": {"items": {"type": "array", "items": S("Message")}, "nextCursor": {"type": "null"}}},
}
marketplace = {"paths": paths, "components": {"schemas": schemas},
               "tags": [{"name": "Marketplace", "description": "Urban challenges that ASEAN cities post and solutions that organisations offer, suggested matches with their reasons, interest and conversations; `scon import marketplace FILE` loads JSON Lines. See docs/marketplace.md."}]}

search = {"paths": {"/api/v1/search": {"get": read_op("search", "Search everything public",
    "One query over challenges, solutions, organisations, cities, calls and projects, in any of ko, en, th, vi, id, ms, km, lo, my, tl (docs/search.md): ranked by BM25 over the analysed terms, best first, with the matched words between « and » in `highlight`. Only what anyone may see is in the index. An empty query answers no items. Public.",
    [query("q", "What was typed (at most 500 characters).", {"type": "string", "maxLength": 500}),
     query("kind", "Only this kind.", {"type": "string", "enum": ["challenge", "solution", "organisation", "city", "call", "project"]}),
     query("country", "Only records of this country.", S("CountryCode")), query("sector", "Only records in this sector.", S("Sector")),
     query("lang", "Only records written in this language.", S("ContentLanguage")), P("Limit"), P("Cursor")],
    ok("The hits, best first.", "SearchPage"), tag="Search")}},
    "components": {"schemas": {"SearchHit": {"type": "object", "additionalProperties": False, "required": ["kind", "id", "externalRef", "title", "language", "score", "highlight"],
        "properties": {"kind": {"type": "string", "enum": ["challenge", "solution", "organisation", "city", "call", "project"]}, "id": {"type": "string", "format": "uuid"},
                       "externalRef": {"type": ["string", "null"], "description": "The import `ref` of a challenge or solution."}, "title": {"type": "string"},
                       "language": S("ContentLanguage"), "score": {"type": "number", "description": "BM25 score (higher is better)."},
                       "highlight": {"type": "string", "description": "An excerpt with the matched words between « and »."}}},
        "SearchPage": {"type": "object", "additionalProperties": False, "required": ["items", "nextCursor"], "properties": {"items": {"type": "array", "items": S("SearchHit")}, "nextCursor": {"type": ["string", "null"]}}}}},
    "tags": [{"name": "Search", "description": "The one search box over the platform's public records, in the region's ten languages. See docs/search.md."}]}

for name, doc in [("Marketplace", marketplace), ("Search", search)]:
    with open(f"Sources/SconServer/Resources/OpenAPI/{name}.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
print("written")
