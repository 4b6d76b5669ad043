#!/usr/bin/env python3
"""The autosave storm and the deadline rush of scripts/bench-http.sh.

Uses only Python's standard library. Needs the demo seeded with
`seed-demo --bench-drafts 700`: 700 complete drafts with a CV whose
accounts (brouillon.I@candidats.demo.cohorte.localhost) sign in with the
demo password.

- storm: 200 applicants autosave their own draft at the same moment, as
  the autosave island does (JSON answer). Counts errors, then checks in the
  database that every acknowledged save is there (0 lost updates).
- rush: 500 other applicants submit their dossier all at once (50 in
  flight). Counts errors and checks that every submission is recorded
  (state, submission time, audit entry).

`--print promotion|defi|dossier` prints an id the shell script needs.
"""

import argparse
import concurrent.futures as cf
import http.cookiejar
import json
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "demo-cohorte-2027"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Db:
    def __init__(self, url):
        self.url = url
        if url.startswith("sqlite://"):
            path = url[len("sqlite://"):].split("?")[0]
            self.conn = sqlite3.connect(path, timeout=30)
        else:
            self.conn = None

    def rows(self, sql):
        if self.conn is not None:
            return [tuple(str(c) if c is not None else "" for c in r)
                    for r in self.conn.execute(sql).fetchall()]
        out = subprocess.run(["psql", self.url, "-AtF", "\t", "-c", sql],
                             check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]


class Client:
    """One browser: its own cookies and its own client address."""

    def __init__(self, base, n):
        self.base = base
        self.ip = f"10.{200 + n // 65536}.{(n // 256) % 256}.{n % 256}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def post(self, path, fields, accept="text/html", referer="/"):
        data = urllib.parse.urlencode(fields).encode()
        req = urllib.request.Request(self.base + path, data=data, method="POST")
        req.add_header("Accept", accept)
        req.add_header("Origin", self.base)
        req.add_header("Referer", self.base + referer)
        req.add_header("X-Forwarded-For", self.ip)
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=60) as res:
                return res.status, dict(res.headers), res.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def sign_in(self, email):
        status, headers, _ = self.post("/api/connexion", [("email", email), ("password", PASSWORD)],
                                       referer="/connexion")
        location = headers.get("Location", headers.get("location", ""))
        if status != 302 or "__err" in location:
            raise RuntimeError(f"sign-in of {email}: {status} {location}")


def form_of(db, app_id, motivation):
    """Every field of a draft, as its form posts them, with a new text."""
    cols = ["first_name", "last_name", "phone", "profile", "experience", "skills",
            "experience_text", "portfolio_url", "code_url", "mobility", "support_role"]
    row = db.rows(f"SELECT {', '.join(cols)}, remote, version FROM applications WHERE id = {app_id}")[0]
    fields = [("id", str(app_id))] + list(zip(cols, row[:len(cols)]))
    fields.append(("motivation", motivation))
    if row[len(cols)] in ("1", "t", "True", "true"):
        fields.append(("remote", "on"))
    fields += [("decl_civil_servant", "on"), ("decl_student", "on"), ("decl_jury", "on"),
               ("consent", "on")]
    choices = db.rows(
        f"SELECT defi_id, rank FROM application_choices WHERE application_id = {app_id} ORDER BY rank")
    for i, (defi, rank) in enumerate(choices):
        fields += [(f"offered[{i}]", defi), (f"ranks[{i}]", rank)]
    return fields, int(row[-1])


def drafts(db):
    return db.rows(
        "SELECT a.id, u.email FROM applications a JOIN users u ON u.id = a.user_id "
        "WHERE u.email LIKE 'brouillon.%' AND a.state = 'draft' ORDER BY a.id")


def sign_in_all(base, people):
    clients = [Client(base, i) for i in range(len(people))]
    with cf.ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda c_p: c_p[0].sign_in(c_p[1][1]), zip(clients, people)))
    return clients


def storm(base, db, people):
    clients = sign_in_all(base, people)
    forms = [form_of(db, p[0], f"Tempête de sauvegardes {p[0]}") for p in people]
    errors = []

    def save(i):
        fields, version = forms[i]
        status, _, body = clients[i].post("/api/enregistrer-candidature",
                                          fields + [("version", str(version))],
                                          accept="application/json",
                                          referer=f"/candidature/{people[i][0]}")
        if status != 200:
            errors.append((people[i][0], status, body[:200]))
            return None
        return json.loads(body)["version"]

    t0 = time.monotonic()
    with cf.ThreadPoolExecutor(len(people)) as pool:
        versions = list(pool.map(save, range(len(people))))
    took = time.monotonic() - t0
    lost = 0
    for (app_id, _), v in zip(people, versions):
        if v is None:
            continue
        text, version = db.rows(f"SELECT motivation, version FROM applications WHERE id = {app_id}")[0]
        if text != f"Tempête de sauvegardes {app_id}" or int(version) != v:
            lost += 1
    print(f"autosave storm: {len(people)} concurrent autosaves of distinct drafts in {took:.2f} s: "
          f"{len(errors)} errors, {lost} lost updates")
    for e in errors[:5]:
        print("  error:", e)
    return not errors and lost == 0


def rush(base, db, people, in_flight=50):
    clients = sign_in_all(base, people)
    forms = [form_of(db, p[0], f"Dépôt de dernière minute {p[0]}") for p in people]
    errors = []

    def submit(i):
        fields, version = forms[i]
        status, headers, body = clients[i].post(
            "/api/enregistrer-candidature",
            fields + [("version", str(version)), ("intent", "submit")],
            referer=f"/candidature/{people[i][0]}")
        location = headers.get("Location", headers.get("location", ""))
        if status != 302 or "__err" in location:
            errors.append((people[i][0], status, location[:200]))

    t0 = time.monotonic()
    with cf.ThreadPoolExecutor(in_flight) as pool:
        list(pool.map(submit, range(len(people))))
    took = time.monotonic() - t0
    ids = ",".join(str(p[0]) for p in people)
    recorded = int(db.rows(
        f"SELECT count(*) FROM applications WHERE id IN ({ids}) "
        "AND state = 'submitted' AND submitted_at IS NOT NULL")[0][0])
    audited = int(db.rows(
        "SELECT count(DISTINCT target_id) FROM audit_log WHERE action = 'application.submitted' "
        f"AND target_id IN ({ids})")[0][0])
    print(f"deadline rush: {len(people)} submissions ({in_flight} in flight) in {took:.2f} s "
          f"({len(people) / took:.0f}/s): {len(errors)} errors, {recorded} recorded, {audited} audited")
    for e in errors[:5]:
        print("  error:", e)
    return not errors and recorded == len(people) and audited == len(people)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--print", choices=["promotion", "defi", "dossier"])
    ap.add_argument("--run", action="store_true")
    args = ap.parse_args()
    db = Db(args.db)
    if args.print == "promotion":
        print(db.rows("SELECT promotion_id FROM applications GROUP BY promotion_id ORDER BY count(*) DESC LIMIT 1")[0][0])
    elif args.print == "defi":
        print(db.rows("SELECT id FROM defis WHERE published_at IS NOT NULL ORDER BY id LIMIT 1")[0][0])
    elif args.print == "dossier":
        print(db.rows("SELECT id FROM applications WHERE state = 'submitted' ORDER BY id LIMIT 1")[0][0])
    if args.run:
        people = drafts(db)
        if len(people) < 700:
            sys.exit(f"only {len(people)} benchmark drafts: seed with --bench-drafts 700")
        ok = storm(args.base, db, people[:200])
        ok = rush(args.base, db, people[200:700]) and ok
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
