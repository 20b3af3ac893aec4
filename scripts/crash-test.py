#!/usr/bin/env python3
"""Crash test: kill the release server with SIGKILL while it writes, and check nothing is lost or doubled.

Usage:
    python3 scripts/crash-test.py [--bin PATH] [--kills 4] [--clients 8] [--draft-clients 2]
                                  [--seconds-between 2-5] [--postgres URL] [--seed N] [--keep]

    --bin              the server binary (default: .build/release/scon of this repository; build it first,
                       `swift build -c release`).
    --kills            how many times the server is killed with SIGKILL (default 4).
    --clients          concurrent booking clients (default 8); --draft-clients more write proposal drafts.
    --seconds-between  the server runs a random time in this range (seconds) before each kill (default 2-5).
    --postgres URL     use this PostgreSQL database instead of a fresh SQLite file in a temporary directory.
                       Its schema `public` is dropped and created again first (needs `psql`).
                       Example: --postgres "$(scripts/postgres.sh url scon_bench)".
    --seed N           seed of the random kill moments (default: random, printed).
    --keep             keep the temporary directory (database, server log) even when every check holds.

What it does: starts the server on a fresh database (it migrates and seeds the demo data), creates a fund
manager and an organisation member with the CLI, then runs the clients: booking clients post 1,000,000 KRW
commitments on SAMPLE-PIS-KH-01 (earmark PIS-ASEAN), each with its own Idempotency-Key; draft clients write
proposal drafts to the open sample call. At random moments the server is killed (SIGKILL) and started again.
A booking that got no answer is retried with the same key until it is answered (the server must replay the
first answer, never book twice). A draft that got no answer is not retried (drafts have no idempotency key).
After the last restart the clients stop, and the script checks:
  1. every acknowledged booking is in the ledger (CSV export and the project's finance) as it was answered;
  2. nothing is doubled: one transaction per key, no number twice, the new rows are exactly the acknowledged keys,
     and a replay of every key after the crashes gives back the first answer byte for byte;
  3. the ledger balances: the project's and the earmark's committed figures grew by exactly the acknowledged
     amounts, and `scon audit verify` (server stopped) exits 0 and says the chain is intact;
  4. every acknowledged draft exists exactly once.
It prints its figures and checks as Markdown tables and exits 0 when every check holds, 1 otherwise
(2 when it could not set up). Python 3 standard library only.
"""

import argparse
import collections
import csv
import http.client
import io
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

AMOUNT = "1000000"
PROJECT_CODE = "SAMPLE-PIS-KH-01"
EARMARK_CODE = "PIS-ASEAN"
NO_ANSWER = (OSError, http.client.HTTPException)
RETRY_STATUSES = {408, 409, 425, 429, 500, 502, 503, 504}


class SetupError(Exception):
    pass


def log(message):
    print(f"[crash-test {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- HTTP


def http_request(port, method, path, token=None, body=None, headers=None, timeout=10.0):
    """One request on a new connection: (status, headers with lower-case names, body bytes).
    Raises OSError / http.client.HTTPException when there is no answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        h = {"Accept": "application/json", "Connection": "close"}
        if token:
            h["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        conn.request(method, path, body=data, headers=h)
        response = conn.getresponse()
        payload = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, payload
    finally:
        conn.close()


# -------------------------------------------------------------------------------------------- Server


class Server:
    def __init__(self, binary, database_url, port, workdir):
        self.binary = binary
        self.database_url = database_url
        self.port = port
        self.workdir = workdir
        self.log_path = workdir / "server.log"
        self.proc = None
        self.up = threading.Event()
        self.starts = 0

    def env(self):
        env = dict(os.environ)
        env.update(DATABASE_URL=self.database_url, SCON_BCRYPT_COST="4", LOG_LEVEL="notice")
        return env

    def start(self, timeout=60.0):
        """Spawns the server and waits for /healthz; returns milliseconds from spawn to healthy."""
        self.starts += 1
        with open(self.log_path, "ab") as f:
            f.write(f"\n===== crash-test: start {self.starts} =====\n".encode())
        logfile = open(self.log_path, "ab")
        began = time.monotonic()
        self.proc = subprocess.Popen([str(self.binary), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     env=self.env(), cwd=self.workdir, stdin=subprocess.DEVNULL,
                                     stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True)
        logfile.close()
        while time.monotonic() - began < timeout:
            if self.proc.poll() is not None:
                raise SetupError(f"the server exited with {self.proc.returncode} while starting (see {self.log_path})")
            try:
                status, _, _ = http_request(self.port, "GET", "/healthz", timeout=1.0)
                if status == 200:
                    elapsed = (time.monotonic() - began) * 1000
                    self.up.set()
                    return elapsed
            except NO_ANSWER:
                pass
            time.sleep(0.02)
        raise SetupError(f"the server was not healthy after {timeout:.0f} s (see {self.log_path})")

    def kill(self):
        self.up.clear()
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        """A graceful stop (SIGTERM), SIGKILL after 20 s."""
        self.up.clear()
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def cli(self, *args, timeout=120):
        return subprocess.run([str(self.binary), *args], env=self.env(), cwd=self.workdir, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=timeout)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ----------------------------------------------------------------------------------------- The test


class CrashTest:
    def __init__(self, args, server):
        self.args = args
        self.server = server
        self.port = server.port
        self.run_id = uuid.uuid4().hex[:8]
        self.lock = threading.Lock()
        self.stop = threading.Event()
        # Bookings
        self.acked = {}  # key -> {"number", "id", "body", "replayed", "attempts"}
        self.rejected = {}  # key -> (status, body) for a definitive non-201 answer
        self.gave_up = {}  # key -> last status, retried too often
        self.retried_keys = 0
        self.retry_replayed = 0
        self.retry_fresh = 0
        self.cut_off = 0  # requests in flight when the server was killed (or timed out): no answer
        self.refused = 0  # requests refused while the server was down
        self.statuses = collections.Counter()
        # Drafts
        self.drafts_acked = {}  # title -> id
        self.drafts_unanswered = []  # titles
        self.draft_statuses = collections.Counter()
        self.drafts_enabled = False
        self.drafts_note = ""
        # Kills
        self.kills = []  # dicts: at (s), acked before, restart ms

    # ------------------------------------------------------------------ setup

    def api(self, method, path, token=None, body=None, headers=None, expect=200):
        status, h, data = http_request(self.port, method, path, token=token, body=body, headers=headers, timeout=30)
        if expect is not None and status != expect:
            raise SetupError(f"{method} {path} answered {status}, not {expect}: {data[:400]!r}")
        return status, h, data

    def make_account(self, email, role, scope=None):
        args = ["user", "create", "--email", email, "--role", role]
        if scope:
            args += ["--scope", scope]
        made = self.server.cli(*args)
        if made.returncode != 0:
            raise SetupError(f"`scon {' '.join(args)}` failed ({made.returncode}): {made.stdout}{made.stderr}")
        token = self.server.cli("token", "create", "--email", email)
        lines = [line.strip() for line in token.stdout.splitlines() if line.strip().startswith("scon_")]
        if token.returncode != 0 or not lines:
            raise SetupError(f"`scon token create --email {email}` gave no token ({token.returncode}): {token.stdout}{token.stderr}")
        return lines[-1]

    def setup(self):
        self.fund_token = self.make_account(f"fund-{self.run_id}@example.org", "fund-manager")
        _, _, data = self.api("GET", "/api/v1/projects?limit=50", token=self.fund_token)
        projects = [p for p in json.loads(data)["items"] if p.get("code") == PROJECT_CODE]
        if not projects:
            raise SetupError(f"no project {PROJECT_CODE} in GET /api/v1/projects?limit=50")
        self.project_id = projects[0]["id"]
        # The earmark's id: the CSV names earmarks by code, the project's finance by id; join them on the number.
        rows = self.ledger_csv()
        finance = self.finance()
        codes = {row["number"]: row["earmark"] for row in rows}
        ids = {codes.get(str(t["number"])) : t.get("earmark") for t in finance["transactions"] if t.get("earmark")}
        self.earmark_id = ids.get(EARMARK_CODE)
        if not self.earmark_id:
            for source in finance.get("sources", []):  # fall back on the source's label
                if source.get("source", "").startswith("earmark:") and "ASEAN" in json.dumps(source.get("label", {})):
                    self.earmark_id = source["source"].split(":", 1)[1]
        if not self.earmark_id:
            raise SetupError(f"could not find the id of earmark {EARMARK_CODE}")
        self.baseline_rows = rows
        self.baseline_project_committed = int(finance["committed"])
        self.baseline_earmark_committed = self.earmark_committed()
        try:
            self.setup_drafts()
            self.drafts_enabled = True
        except (SetupError, KeyError, ValueError, IndexError) as error:
            self.drafts_note = f"drafts skipped: {error}"
            log(self.drafts_note)

    def setup_drafts(self):
        _, _, data = self.api("GET", "/api/v1/calls")
        calls = [c for c in json.loads(data)["items"] if c.get("state") == "open"]
        if not calls:
            raise SetupError("no open call in GET /api/v1/calls")
        call = calls[0]
        self.call_id = call["id"]
        eligible = set(call.get("eligibleCountries") or [])
        _, _, data = self.api("GET", "/api/v1/organisations?country=TH&limit=100")
        organisations = [o for o in json.loads(data)["items"] if o.get("country") == "TH" and (not eligible or "TH" in eligible)]
        organisations.sort(key=lambda o: (o.get("acronym") != "MDES", o.get("sample", False)))
        if not organisations:
            raise SetupError("no Thai organisation in GET /api/v1/organisations")
        self.organisation_id = organisations[0]["id"]
        _, _, data = self.api("GET", "/api/v1/cities?country=TH&limit=100")
        cities = [c for c in json.loads(data)["items"] if c.get("country") == "TH"]
        if not cities:
            raise SetupError("no Thai city in GET /api/v1/cities")
        self.city_id = cities[0]["id"]
        self.member_token = self.make_account(f"member-{self.run_id}@example.org", "organisation-member",
                                              f"organisation:{self.organisation_id}")
        self.baseline_drafts = len(self.call_proposals())

    # ------------------------------------------------------------------ reads

    def ledger_csv(self):
        _, _, data = self.api("GET", "/api/v1/fund/transactions.csv", token=self.fund_token)
        return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))

    def finance(self):
        _, _, data = self.api("GET", f"/api/v1/projects/{self.project_id}/finance", token=self.fund_token)
        return json.loads(data)

    def earmark_committed(self):
        _, _, data = self.api("GET", "/api/v1/fund?by=earmark", token=self.fund_token)
        rows = [r for r in json.loads(data)["rows"] if r.get("key") == EARMARK_CODE]
        if not rows:
            raise SetupError(f"no row {EARMARK_CODE} in GET /api/v1/fund")
        return int(rows[0]["committed"])

    def call_proposals(self):
        _, _, data = self.api("GET", f"/api/v1/calls/{self.call_id}/proposals", token=self.member_token)
        return json.loads(data)["items"]

    # ------------------------------------------------------------------ writers

    def booking_body(self, key):
        return {"movement": "commitment", "amount": AMOUNT, "currency": "KRW", "instrument": "loan",
                "earmark": self.earmark_id, "memo": key}

    def no_answer(self, error):
        with self.lock:
            if isinstance(error, ConnectionRefusedError):
                self.refused += 1
            else:
                self.cut_off += 1

    def book_until_answered(self, key):
        attempts = 0
        lost_answer = False
        while True:
            if not self.server.up.wait(120):
                continue
            attempts += 1
            try:
                status, headers, data = http_request(self.port, "POST", f"/api/v1/projects/{self.project_id}/bookings",
                                                     token=self.fund_token, body=self.booking_body(key),
                                                     headers={"Idempotency-Key": key}, timeout=10)
            except NO_ANSWER as error:
                lost_answer = True
                self.no_answer(error)
                time.sleep(0.05)
                continue
            with self.lock:
                self.statuses[status] += 1
            if status == 201:
                answer = json.loads(data)
                replayed = headers.get("idempotency-replayed") == "true"
                with self.lock:
                    self.acked[key] = {"number": answer["number"], "id": answer["id"], "body": data,
                                       "replayed": replayed, "attempts": attempts}
                    if lost_answer:
                        self.retried_keys += 1
                        if replayed:
                            self.retry_replayed += 1
                        else:
                            self.retry_fresh += 1
                return
            if status in RETRY_STATUSES and attempts < 100:
                time.sleep(0.1)
                continue
            with self.lock:
                if status in RETRY_STATUSES:
                    self.gave_up[key] = (status, data[:300])
                else:
                    self.rejected[key] = (status, data[:300])
            return

    def booking_client(self, n):
        seq = 0
        while not self.stop.is_set():
            seq += 1
            self.book_until_answered(f"crash-{self.run_id}-b{n}-{seq}")

    def draft_client(self, n):
        seq = 0
        while not self.stop.is_set():
            if not self.server.up.wait(1):
                continue
            seq += 1
            title = f"crash-{self.run_id} draft d{n}-{seq}"
            body = {"organisation": self.organisation_id, "city": self.city_id, "title": title,
                    "supportType": "master-plan", "budget": 900000000, "language": "en"}
            try:
                status, _, data = http_request(self.port, "POST", f"/api/v1/calls/{self.call_id}/proposals",
                                               token=self.member_token, body=body, timeout=10)
            except NO_ANSWER as error:
                self.no_answer(error)
                with self.lock:
                    self.drafts_unanswered.append(title)
                time.sleep(0.05)
                continue
            with self.lock:
                self.draft_statuses[status] += 1
                if status == 201:
                    self.drafts_acked[title] = json.loads(data)["id"]
            if status != 201:
                time.sleep(0.1)

    # ------------------------------------------------------------------ run

    def run(self, rng):
        lo, hi = self.args.seconds_between
        threads = [threading.Thread(target=self.booking_client, args=(n,), daemon=True) for n in range(self.args.clients)]
        if self.drafts_enabled:
            threads += [threading.Thread(target=self.draft_client, args=(n,), daemon=True) for n in range(self.args.draft_clients)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for i in range(self.args.kills):
            time.sleep(rng.uniform(lo, hi))
            with self.lock:
                acked = len(self.acked)
            at = time.monotonic() - began
            self.server.kill()
            down = rng.uniform(0.05, 0.4)  # a moment down, so that clients also meet a refused connection
            time.sleep(down)
            ms = self.server.start()
            self.kills.append({"at": at, "acked": acked, "down": down * 1000, "restart_ms": ms})
            log(f"kill {i + 1}/{self.args.kills} at {at:.1f} s ({acked} bookings acknowledged so far), healthy again in {ms:.0f} ms")
        time.sleep(min(lo, 2.0))  # the clients write for a while after the last restart
        self.stop.set()
        for thread in threads:
            thread.join(120)
        self.still_running = sum(thread.is_alive() for thread in threads)
        self.write_seconds = time.monotonic() - began

    # ------------------------------------------------------------------ checks

    def check(self, audit_runner):
        checks = []

        def add(name, ok, detail):
            checks.append((name, ok, detail))

        add("all clients finished (every booking answered)", self.still_running == 0 and not self.gave_up and not self.rejected,
            f"{self.still_running} client(s) still running, {len(self.gave_up)} key(s) given up, {len(self.rejected)} refused"
            + (f"; e.g. {next(iter((self.gave_up or self.rejected).values()))!r}" if (self.gave_up or self.rejected) else ""))

        rows = self.ledger_csv()
        finance = self.finance()
        acked = dict(self.acked)
        by_number = {}
        duplicate_numbers = collections.Counter(row["number"] for row in rows)
        duplicate_numbers = {n: c for n, c in duplicate_numbers.items() if c > 1}
        for row in rows:
            by_number[row["number"]] = row
        finance_by_number = {str(t["number"]): t for t in finance["transactions"]}

        # (1) every acknowledged booking is there, as answered.
        missing, wrong = [], []
        for key, answer in acked.items():
            number = str(answer["number"])
            row, tx = by_number.get(number), finance_by_number.get(number)
            if row is None or tx is None:
                missing.append((key, number))
            elif (row["memo"] != key or tx["id"] != answer["id"] or tx.get("memo") != key or row["amount_krw"] != AMOUNT
                  or row["project"] != PROJECT_CODE or row["earmark"] != EARMARK_CODE or row["movement"] != "commitment"):
                wrong.append((key, number, dict(row), tx.get("id")))
        add("(1) every acknowledged booking is in the ledger (CSV and project finance)", not missing and not wrong,
            f"{len(acked)} checked, {len(missing)} missing, {len(wrong)} different"
            + (f"; e.g. missing {missing[:3]}" if missing else "") + (f"; e.g. {wrong[:2]}" if wrong else ""))

        # (2) nothing doubled.
        numbers_by_key = collections.Counter(answer["number"] for answer in acked.values())
        shared = {n: c for n, c in numbers_by_key.items() if c > 1}
        ours = [row for row in rows if row["memo"].startswith(f"crash-{self.run_id}-")]
        memos = collections.Counter(row["memo"] for row in ours)
        doubled_memos = {m: c for m, c in memos.items() if c > 1}
        unknown = [m for m in memos if m not in acked]
        baseline_numbers = {row["number"] for row in self.baseline_rows}
        new_rows = [row for row in rows if row["number"] not in baseline_numbers]
        new_non_sample = [row for row in new_rows if row["sample"] != "true"]
        add("(2) nothing doubled: one transaction per key, no number twice, new rows = acknowledged keys",
            not shared and not doubled_memos and not unknown and not duplicate_numbers
            and len(ours) == len(acked) == len(new_non_sample) == len(new_rows),
            f"{len(acked)} keys → {len(numbers_by_key)} distinct numbers; ledger rows with our keys {len(ours)}, "
            f"new rows {len(new_rows)} (non-sample {len(new_non_sample)}); numbers shared by keys {len(shared)}, "
            f"keys booked twice {len(doubled_memos)}, rows of unknown keys {len(unknown)}, numbers twice {len(duplicate_numbers)}"
            + (f"; e.g. {list(doubled_memos.items())[:3]}" if doubled_memos else "")
            + (f"; e.g. {unknown[:3]}" if unknown else ""))

        # (2b) a replay of every key after the crashes gives the first answer again.
        mismatched, not_replayed, no_answer = [], [], []

        def replay(item):
            key, answer = item
            try:
                status, headers, data = http_request(self.port, "POST", f"/api/v1/projects/{self.project_id}/bookings",
                                                     token=self.fund_token, body=self.booking_body(key),
                                                     headers={"Idempotency-Key": key}, timeout=30)
            except NO_ANSWER as error:
                return key, "no answer", str(error), None
            return key, status, headers.get("idempotency-replayed"), data

        import concurrent.futures
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(8, self.args.clients))) as pool:
            for key, status, replayed, data in pool.map(replay, acked.items()):
                if status != 201:
                    no_answer.append((key, status, (data or b"")[:200]))
                elif replayed != "true":
                    not_replayed.append(key)
                elif data != acked[key]["body"]:
                    mismatched.append((key, acked[key]["body"][:200], data[:200]))
        add("(2b) replaying every key after the crashes returns the first answer byte for byte",
            not mismatched and not not_replayed and not no_answer,
            f"{len(acked)} replayed; {len(not_replayed)} not marked replayed (booked again), {len(mismatched)} different bodies, "
            f"{len(no_answer)} not 201" + (f"; e.g. {mismatched[:1]}" if mismatched else "")
            + (f"; e.g. {no_answer[:2]}" if no_answer else ""))
        rows_after_replay = self.ledger_csv()
        add("(2c) the replays booked nothing", len(rows_after_replay) == len(rows),
            f"{len(rows)} ledger rows before the replays, {len(rows_after_replay)} after")

        # (3) the ledger balances.
        grown = len(acked) * int(AMOUNT)
        project_committed = int(self.finance()["committed"])
        earmark_committed = self.earmark_committed()
        add("(3a) committed figures grew by exactly the acknowledged bookings",
            project_committed - self.baseline_project_committed == grown and earmark_committed - self.baseline_earmark_committed == grown,
            f"expected +{grown:,} KRW; project {self.baseline_project_committed:,} → {project_committed:,} "
            f"(+{project_committed - self.baseline_project_committed:,}), earmark {EARMARK_CODE} "
            f"{self.baseline_earmark_committed:,} → {earmark_committed:,} (+{earmark_committed - self.baseline_earmark_committed:,})")

        # (4) acknowledged drafts.
        if self.drafts_enabled:
            listed = self.call_proposals()
            titles = collections.Counter(p["title"] for p in listed)
            ids = collections.Counter(p["id"] for p in listed)
            missing_drafts, twice, absent_by_id = [], [], []
            for title, draft_id in self.drafts_acked.items():
                if titles.get(title, 0) == 0:
                    missing_drafts.append(title)
                elif titles[title] > 1 or ids.get(draft_id, 0) != 1:
                    twice.append(title)
            lookups = list(self.drafts_acked.items())

            def get_draft(item):
                title, draft_id = item
                try:
                    status, _, data = http_request(self.port, "GET", f"/api/v1/proposals/{draft_id}", token=self.member_token, timeout=30)
                except NO_ANSWER as error:
                    return title, "no answer", str(error)
                return title, status, json.loads(data).get("title") if status == 200 else data[:200]

            with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
                for title, status, got in pool.map(get_draft, lookups):
                    if status != 200 or got != title:
                        absent_by_id.append((title, status, got))
            unanswered_present = sum(1 for title in self.drafts_unanswered if titles.get(title, 0) >= 1)
            unanswered_twice = sum(1 for title in self.drafts_unanswered if titles.get(title, 0) > 1)
            ours = sum(c for t, c in titles.items() if t.startswith(f"crash-{self.run_id} "))
            self.drafts_unanswered_present = unanswered_present
            ok = not missing_drafts and not twice and not absent_by_id and unanswered_twice == 0 \
                and ours == len(self.drafts_acked) + unanswered_present and len(listed) == self.baseline_drafts + ours
            add("(4) every acknowledged draft exists exactly once", ok,
                f"{len(self.drafts_acked)} checked by id and in the call's list: {len(missing_drafts)} missing from the list, "
                f"{len(absent_by_id)} not found by id, {len(twice)} twice; unanswered drafts present after restart "
                f"{unanswered_present} of {len(self.drafts_unanswered)} (allowed), twice {unanswered_twice}"
                + (f"; e.g. {missing_drafts[:3]}" if missing_drafts else "") + (f"; e.g. {absent_by_id[:3]}" if absent_by_id else ""))
        else:
            self.drafts_unanswered_present = 0
            add("(4) every acknowledged draft exists exactly once", None, self.drafts_note or "drafts not written")

        # (3b) audit verify, server stopped.
        self.server.stop()
        verify = audit_runner()
        output = (verify.stdout + verify.stderr).strip()
        add("(3b) `scon audit verify` with the server stopped", verify.returncode == 0 and "intact" in output,
            f"exit {verify.returncode}: {output.splitlines()[-1] if output else '(no output)'}"
            + (f" | {' / '.join(output.splitlines()[:5])}" if verify.returncode != 0 else ""))
        checks.sort(key=lambda c: c[0])
        self.final_rows = rows
        return checks


# -------------------------------------------------------------------------------------------- Output


def print_tables(test, args, database, first_start_ms, checks, seed):
    restarts = [k["restart_ms"] for k in test.kills]
    numbers = sorted(int(row["number"]) for row in test.final_rows)
    gaps = [n for n in range(1, numbers[-1] + 1) if n not in set(numbers)] if numbers else []
    figures = [
        ("database", database),
        ("seed", seed),
        ("clients (bookings + drafts)", f"{args.clients} + {args.draft_clients if test.drafts_enabled else 0}"),
        ("time writing (s)", f"{test.write_seconds:.1f}"),
        ("kills (SIGKILL)", len(test.kills)),
        ("kill moments (s after the clients started)", ", ".join(f"{k['at']:.1f}" for k in test.kills) or "-"),
        ("first start, migrate + seed (ms)", f"{first_start_ms:.0f}"),
        ("restart times, spawn to healthy (ms)", ", ".join(f"{ms:.0f}" for ms in restarts) or "-"),
        ("restart time max / mean (ms)", f"{max(restarts):.0f} / {sum(restarts) / len(restarts):.0f}" if restarts else "-"),
        ("bookings acknowledged (distinct keys)", len(test.acked)),
        ("bookings retried after no answer", test.retried_keys),
        ("… of which replayed (booked before the kill)", test.retry_replayed),
        ("… of which booked by the retry (lost before commit)", test.retry_fresh),
        ("requests with no answer: in flight at a kill", test.cut_off),
        ("requests with no answer: refused while down", test.refused),
        ("booking answers by status", ", ".join(f"{s}: {c}" for s, c in sorted(test.statuses.items())) or "-"),
        ("drafts acknowledged", len(test.drafts_acked) if test.drafts_enabled else f"skipped ({test.drafts_note})"),
        ("drafts unanswered (not retried) / present after restart",
         f"{len(test.drafts_unanswered)} / {test.drafts_unanswered_present}" if test.drafts_enabled else "-"),
        ("draft answers by status", ", ".join(f"{s}: {c}" for s, c in sorted(test.draft_statuses.items())) or "-"),
        ("ledger rows checked (CSV)", len(test.final_rows)),
        ("gaps in transaction numbers", ", ".join(map(str, gaps[:10])) or "none"),
    ]
    print()
    print("| Figure | Value |")
    print("|---|---|")
    for name, value in figures:
        print(f"| {name} | {value} |")
    print()
    print("| Check | Result | Detail |")
    print("|---|---|---|")
    for name, ok, detail in checks:
        result = "SKIP" if ok is None else ("PASS" if ok else "**FAIL**")
        print(f"| {name} | {result} | {str(detail).replace('|', '/')} |")
    print()


# ---------------------------------------------------------------------------------------------- Main


def parse_range(text):
    try:
        parts = [float(p) for p in text.split("-")]
        lo, hi = (parts[0], parts[0]) if len(parts) == 1 else (parts[0], parts[1])
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError("expected SECONDS or LOW-HIGH, e.g. 2-5")
    if lo <= 0 or hi < lo:
        raise argparse.ArgumentTypeError("expected 0 < LOW <= HIGH")
    return lo, hi


def reset_postgres(url):
    psql = shutil.which("psql")
    if not psql:
        log("psql is not installed: the PostgreSQL database is NOT emptied first (it must be empty)")
        return
    done = subprocess.run([psql, url, "-v", "ON_ERROR_STOP=1", "-q", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SetupError(f"emptying the PostgreSQL database failed: {done.stderr.strip()}")
    log("emptied the PostgreSQL database (DROP SCHEMA public CASCADE; CREATE SCHEMA public)")


def main():
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description="Kill the K-SCON server while it writes; check nothing is lost or doubled.")
    parser.add_argument("--bin", default=str(repo / ".build" / "release" / "scon"), help="the server binary")
    parser.add_argument("--kills", type=int, default=4, help="SIGKILLs (default 4)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent booking clients (default 8)")
    parser.add_argument("--draft-clients", type=int, default=2, help="concurrent proposal draft clients (default 2)")
    parser.add_argument("--seconds-between", type=parse_range, default=(2.0, 5.0), help="run time before a kill, LOW-HIGH s (default 2-5)")
    parser.add_argument("--postgres", metavar="URL", help="use this PostgreSQL database (emptied first) instead of SQLite")
    parser.add_argument("--seed", type=int, help="seed for the random kill moments")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if args.kills < 1 or args.clients < 1 or args.draft_clients < 0:
        parser.error("--kills and --clients must be at least 1, --draft-clients at least 0")
    binary = Path(args.bin).resolve()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        parser.error(f"no executable server at {binary} (build it: swift build -c release, or pass --bin)")
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    rng = random.Random(seed)

    workdir = Path(tempfile.mkdtemp(prefix="scon-crash-"))
    if args.postgres:
        database_url, database = args.postgres, "PostgreSQL " + args.postgres.rsplit("@", 1)[-1]
    else:
        database_url, database = f"sqlite:{workdir / 'scon.sqlite'}", "SQLite (fresh file)"
    server = Server(binary, database_url, free_port(), workdir)
    log(f"binary {binary}, {database}, port {server.port}, seed {seed}, temporary directory {workdir}")
    ok = False
    try:
        if args.postgres:
            reset_postgres(args.postgres)
        first_start_ms = server.start()
        log(f"first start (migrate + seed) healthy in {first_start_ms:.0f} ms")
        test = CrashTest(args, server)
        test.setup()
        log(f"writing with {args.clients} booking client(s)"
            + (f" and {args.draft_clients} draft client(s)" if test.drafts_enabled else "") + f"; {args.kills} kill(s) ahead")
        test.run(rng)
        log(f"clients stopped: {len(test.acked)} bookings and {len(test.drafts_acked)} drafts acknowledged; checking")
        checks = test.check(lambda: server.cli("audit", "verify"))
        print_tables(test, args, database, first_start_ms, checks, seed)
        ok = all(result is not False for _, result, _ in checks)
        print("Result: " + ("PASS, every check holds." if ok else "FAIL."))
    except SetupError as error:
        log(f"setup failed: {error}")
        server.stop()
        print(f"Could not run the crash test: {error}")
        print(f"The server log and the database are kept in {workdir}")
        return 2
    finally:
        server.stop()
        if ok and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            log(f"kept {workdir} (server.log, database)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
