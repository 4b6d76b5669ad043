#!/usr/bin/env python3
"""Kill -9 under load (docs/reliability.md).

Starts `cohorte serve` on a fresh data directory (SQLite, or the empty
PostgreSQL database given with --db), with mail going by SMTP to a sink
in this script. Drives APPLICANTS applicants who autosave their draft a
few times then submit it, and COORDINATORS coordinator sessions that
request corrections in batch on what was submitted, while a killer sends
SIGKILL to the server at random moments (at least KILLS times) and
starts it again at once. Then it lets the last server send what the
outbox holds, and checks:

- every acknowledged autosave is in the database (the row holds it, or a
  later save of the same person that was sent after it);
- every receipted submission is recorded (submitted time set, its audit
  entry there), and every submitted dossier has its audit entry (no
  half-written change);
- every acknowledged batch has its audit entry;
- every message queued is delivered: each outbox row's Message-ID
  reached the sink; `duplicates` counts Message-IDs the sink received
  more than once (a send repeated after a kill between the SMTP answer
  and the row's update; the sink, as a receiving server does, keeps one).

Uses only Python's standard library; reuses scripts/bench_rush.py.
Prints one summary line; status 1 if anything was lost.

  python3 scripts/kill9.py --bin target/release/cohorte [--db postgres://…]
"""

import argparse
import http.client
import asyncio
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import json
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_rush import Client, Db, form_of  # noqa: E402


class SharedDb(Db):
    """bench_rush's database reader, shared by the threads."""

    def __init__(self, url):
        super().__init__(url)
        self.lock = threading.Lock()
        if self.conn is not None:
            import sqlite3
            self.conn = sqlite3.connect(self.conn_path(url), timeout=30, check_same_thread=False)

    @staticmethod
    def conn_path(url):
        return url[len("sqlite://"):].split("?")[0]

    def rows(self, sql):
        with self.lock:
            return super().rows(sql)


class Sink:
    """An SMTP server that keeps every message's Message-ID."""

    def __init__(self):
        self.received = {}
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait()

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            asyncio.start_server(self._session, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _session(self, reader, writer):
        writer.write(b"220 sink ESMTP\r\n")
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                verb = line[:4].upper()
                if verb == b"EHLO":
                    writer.write(b"250-sink\r\n250 8BITMIME\r\n")
                elif verb == b"DATA":
                    writer.write(b"354 go on\r\n")
                    await writer.drain()
                    mid = None
                    while True:
                        l = await reader.readline()
                        if l in (b".\r\n", b".\n", b""):
                            break
                        m = re.match(rb"(?i)message-id:\s*(\S+)", l)
                        if m and mid is None:
                            mid = m.group(1).decode()
                    with self.lock:
                        self.received[mid] = self.received.get(mid, 0) + 1
                    writer.write(b"250 kept\r\n")
                elif verb == b"QUIT":
                    writer.write(b"221 bye\r\n")
                    await writer.drain()
                    return
                else:
                    writer.write(b"250 ok\r\n")
                await writer.drain()
        except ConnectionError:
            return


class Server:
    """The server process, killed and started again."""

    def __init__(self, binary, env, base, log):
        self.binary, self.env, self.base, self.log = binary, env, base, log
        self.proc = None
        self.kills = 0

    def start(self):
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env,
                                     stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1).read()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("the server exited at start-up: see its log")
                time.sleep(0.02)
        raise RuntimeError("the server did not start in 60 s")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.kills += 1


def accepted(answer):
    """A form post's receipt: a redirect that carries no refusal (the
    server moves a refusal to the flash and names it in Cohorte-Refusal)."""
    status, headers, _ = answer
    names = {k.lower() for k in headers}
    return status == 302 and "cohorte-refusal" not in names


def with_retries(action, stop):
    """Runs `action` until it gets an answer (the server may be down)."""
    while not stop.is_set():
        try:
            return action()
        except OSError:
            time.sleep(0.05)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/cohorte")
    ap.add_argument("--db", help="an empty PostgreSQL database (default: SQLite)")
    ap.add_argument("--applicants", type=int, default=200)
    ap.add_argument("--coordinators", type=int, default=10)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--saves", type=int, default=6, help="autosaves per applicant")
    ap.add_argument("--port", type=int, default=3950)
    args = ap.parse_args()

    data = tempfile.mkdtemp(prefix="cohorte-kill9-")
    sink = Sink()
    base = f"http://127.0.0.1:{args.port}"
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("COHORTE_"):
            del env[k]
    env.update({
        "COHORTE_DATA_DIR": data + "/data",
        "COHORTE_ADDR": f"127.0.0.1:{args.port}",
        "COHORTE_BASE_URL": base,
        "COHORTE_MAIL": "smtp",
        "COHORTE_SMTP_URL": f"smtp://127.0.0.1:{sink.port}",
        "COHORTE_TRUST_PROXY": "1",
        "COHORTE_LOG": "warn",
        "LEPTOS_SITE_ROOT": env.get("LEPTOS_SITE_ROOT", "target/site"),
    })
    db_url = args.db or f"sqlite://{data}/data/cohorte.sqlite"
    if args.db:
        env["COHORTE_DATABASE_URL"] = args.db
    subprocess.run([args.bin, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([args.bin, "seed-demo", "--bench-drafts", str(args.applicants)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    db = SharedDb(db_url)
    people = db.rows(
        "SELECT a.id, u.email FROM applications a JOIN users u ON u.id = a.user_id "
        "WHERE u.email LIKE 'brouillon.%' AND a.state = 'draft' ORDER BY a.id")[:args.applicants]
    promotion = db.rows(f"SELECT promotion_id FROM applications WHERE id = {people[0][0]}")[0][0]
    log = open(os.path.join(data, "server.log"), "ab")
    server = Server(args.bin, env, base, log)
    server.start()

    stop = threading.Event()
    failures = []   # what went wrong in a thread (the run then fails)
    acked = {}      # dossier -> (version, text) of its last acknowledged save
    sent = {}       # dossier -> [(version, text)] sent after it
    receipted, batches, batch_ids = set(), [0], []
    lock = threading.Lock()

    def guarded(work):
        """A thread's work; anything it raises fails the run."""
        def run(*a):
            try:
                work(*a)
            except BaseException as e:  # noqa: BLE001 - reported below
                failures.append(f"{work.__name__}{a}: {e!r}")
                stop.set()
        return run

    def applicant(i):
        app_id, email = int(people[i][0]), people[i][1]
        c = Client(base, i)
        sign_in(c, email)
        fields, version = form_of(db, app_id, "début")
        for n in range(args.saves):
            text = f"Sauvegarde {n} du dossier {app_id} — {random.random():.6f}"
            f = [(k, v) for k, v in fields if k != "motivation"] + [("motivation", text)]
            with lock:
                sent.setdefault(app_id, []).append((version + 1, text))
            r = with_retries(lambda: c.post("/api/enregistrer-candidature",
                                            f + [("version", str(version))],
                                            accept="application/json",
                                            referer=f"/candidature/{app_id}"), stop)
            if r and r[0] == 200:
                version = json.loads(r[2])["version"]
                with lock:
                    acked[app_id] = (version, text)
            else:
                # No answer (killed) or a conflict: read the page again.
                version = int(db.rows(f"SELECT version FROM applications WHERE id = {app_id}")[0][0])
            time.sleep(random.uniform(0, 0.3))
        while not stop.is_set():
            fields, version = form_of(db, app_id, acked.get(app_id, (0, "fin"))[1])
            r = with_retries(lambda: c.post("/api/enregistrer-candidature",
                                            fields + [("version", str(version)), ("intent", "submit")],
                                            referer=f"/candidature/{app_id}"), stop)
            if r and accepted(r):
                with lock:
                    receipted.add(app_id)
                    acked[app_id] = (version + 1, acked.get(app_id, (0, "fin"))[1])
                return
            if db.rows(f"SELECT state FROM applications WHERE id = {app_id}")[0][0] != "draft":
                return  # submitted by a request whose answer was lost
            time.sleep(0.1)

    def sign_in(c, email):
        """Signs in, again while the server is down or busy (503)."""
        while not stop.is_set():
            try:
                return c.sign_in(email)
            except (OSError, RuntimeError, http.client.HTTPException):
                time.sleep(0.1)

    def coordinator(i):
        c = Client(base, 100000 + i)
        sign_in(c, "coordination@demo.cohorte.localhost")
        while not stop.is_set():
            time.sleep(random.uniform(0.5, 1.5))
            ids = [r[0] for r in db.rows(
                f"SELECT id FROM applications WHERE promotion_id = {promotion} "
                "AND state = 'submitted' ORDER BY random() LIMIT 5")]
            if not ids:
                continue
            fields = [("promotion", str(promotion)), ("review", "request_correction"),
                      ("message", "Merci de préciser votre motivation.")]
            fields += [(f"ids[{k}]", v) for k, v in enumerate(ids)]
            r = with_retries(lambda: c.post("/api/examiner-candidatures", fields,
                                            referer=f"/coordination/promotions/{promotion}/candidatures"),
                             stop)
            if r and accepted(r):
                with lock:
                    batches[0] += 1
                    batch_ids.append(sorted(int(x) for x in ids))

    def killer():
        while not stop.is_set():
            time.sleep(random.uniform(0.4, 2.0))
            if stop.is_set():
                return
            server.kill()
            server.start()
        # (a start that fails raises: `guarded` stops the run)

    t0 = time.monotonic()
    workers = [threading.Thread(target=guarded(applicant), args=(i,)) for i in range(len(people))]
    workers += [threading.Thread(target=guarded(coordinator), args=(i,), daemon=True)
                for i in range(args.coordinators)]
    kill_thread = threading.Thread(target=guarded(killer), daemon=True)
    for w in workers:
        w.start()
    kill_thread.start()
    for w in workers[:len(people)]:
        w.join()
    # At least KILLS kills, under the coordinators' load.
    while server.kills < args.kills and not stop.is_set():
        time.sleep(0.2)
    stop.set()
    kill_thread.join()
    if failures:
        server.proc.kill()
        print("kill -9 under load: the run itself failed:", *failures[:5], sep="\n  ")
        print(f"kept for inspection: {data}")
        sys.exit(1)
    took = time.monotonic() - t0

    # The last server sends what is left (a message claimed by a killed
    # worker waits for its lease to expire: 45 s).
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        left = int(db.rows("SELECT count(*) FROM outbox WHERE state = 'queued'")[0][0])
        if left == 0:
            break
        time.sleep(0.5)
    # What a later pass queues (a reminder) is not this run's.
    last_id = int(db.rows("SELECT coalesce(max(id), 0) FROM outbox")[0][0])
    server.proc.send_signal(signal.SIGTERM)
    server.proc.wait(timeout=60)

    lost_saves = 0
    for app_id, (version, text) in acked.items():
        v, stored = db.rows(f"SELECT version, motivation FROM applications WHERE id = {app_id}")[0]
        later = [t for sv, t in sent.get(app_id, []) if sv > version]
        if int(v) < version or (int(v) == version and stored != text) or (
                int(v) > version and stored not in later + [text]):
            lost_saves += 1
    ids = ",".join(str(i) for i in receipted) or "0"
    recorded = int(db.rows(
        f"SELECT count(*) FROM applications WHERE id IN ({ids}) AND submitted_at IS NOT NULL")[0][0])
    mine = ",".join(str(p[0]) for p in people)
    submitted_audit = {int(r[0]) for r in db.rows(
        "SELECT DISTINCT target_id FROM audit_log WHERE action = 'application.submitted' "
        f"AND target_id IN ({mine})")}
    submitted_rows = {int(r[0]) for r in db.rows(
        f"SELECT id FROM applications WHERE submitted_at IS NOT NULL AND id IN ({mine})")}
    half_written = len(submitted_rows - submitted_audit) + len(submitted_audit - submitted_rows)
    # Each acknowledged batch is one audit entry asking for its dossiers.
    asked = []
    for (details,) in db.rows(
            "SELECT details FROM audit_log WHERE action = 'application.batch_reviewed'"):
        asked.append(sorted(json.loads(details).get("asked", [])))
    lost_batches = 0
    for ids in batch_ids:
        if ids in asked:
            asked.remove(ids)
        else:
            lost_batches += 1
    outbox = db.rows(f"SELECT id, created_at, state FROM outbox WHERE id <= {last_id}")
    sent_rows = [r for r in outbox if r[2] == "sent"]
    # (`failed`: the demo's message to an address that does not exist.)
    waiting = sum(1 for r in outbox if r[2] == "queued")
    mids = {m: n for m, n in sink.received.items() if m}
    missing = 0
    by_id = {}
    for m in mids:
        found = re.match(r"<cohorte\.(\d+)\.", m)
        if found:
            by_id[int(found.group(1))] = mids[m]
    for r in sent_rows:
        if int(r[0]) not in by_id:
            missing += 1
    duplicates = sum(n - 1 for n in mids.values() if n > 1)
    lost = lost_saves + (len(receipted) - recorded) + half_written + lost_batches + missing + waiting
    print(f"kill -9 under load ({'PostgreSQL' if args.db else 'SQLite'}): {server.kills} kills in "
          f"{took:.0f} s; acknowledged: {len(acked)} dossiers' last saves, {len(receipted)} "
          f"submissions, {batches[0]} batches; emails: {len(outbox)} queued, {len(sent_rows)} sent, "
          f"{len(by_id)} distinct received, {waiting} waiting; lost = {lost} (saves {lost_saves}, "
          f"submissions {len(receipted) - recorded}, half-written {half_written}, batches "
          f"{lost_batches}, emails {missing}); duplicates = {duplicates}")
    if lost == 0:
        subprocess.run(["rm", "-rf", data])
    else:
        print(f"kept for inspection: {data}")
    sys.exit(0 if lost == 0 else 1)


if __name__ == "__main__":
    main()
