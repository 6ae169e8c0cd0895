#!/usr/bin/env python3
"""Tests of `avtal serve` over real sockets (Python standard library only,
plus python3-jsonschema for the OpenAPI group).

    serve_test.py AVTAL_BINARY SOURCE_DIR GROUP

Each group starts its own service on 127.0.0.1 with --port 0, reads the URL
it prints, talks only to it, and stops it with SIGTERM at the end (the
service must then exit 0 within its drain deadline: a sanitizer report
would make it exit otherwise). Every wait is bounded.
"""
import http.client
import json
import os
import random
import re
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

AVTAL = SOURCE = None
AGREEMENTS = "examples/agreements"
NORRSTROM = "examples/agreements/norrstrom-fjallviken.json"


def source(path):
    return os.path.join(SOURCE, path)


def read(path, mode="rb"):
    with open(source(path), mode) as f:
        return f.read()


def cli(*args, stdin=None):
    """Runs the avtal command: (exit code, stdout bytes, stderr text)."""
    p = subprocess.run([AVTAL, *args], input=stdin, capture_output=True, timeout=60, cwd=SOURCE)
    return p.returncode, p.stdout, p.stderr.decode()


class Service:
    """One `avtal serve` process on an ephemeral loopback port."""

    def __init__(self, *args, threads=2):
        self.dir = tempfile.TemporaryDirectory()
        self.log = os.path.join(self.dir.name, "access.log")
        self.err = open(os.path.join(self.dir.name, "stderr"), "w+b")
        self.proc = subprocess.Popen(
            [AVTAL, "serve", "--port", "0", "--threads", str(threads), "--access-log", self.log, *args],
            stdout=subprocess.PIPE, stderr=self.err)
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout=60):
            self.proc.kill()
            raise RuntimeError("avtal serve printed no URL within 60 s")
        line = self.proc.stdout.readline().decode().strip()
        m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise RuntimeError("unexpected first line: %r" % line)
        self.url, self.host, self.port = line, "127.0.0.1", int(m.group(1))

    def request(self, method, path, body=None, headers=None, timeout=30):
        c = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            c.close()

    def raw(self, data, timeout=10, wait_close=True):
        """Sends raw bytes; returns everything read until the service closes
        (or the timeout)."""
        s = socket.create_connection((self.host, self.port), timeout=timeout)
        try:
            s.sendall(data)
            out = b""
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    break
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                out += chunk
                if not wait_close and b"\r\n\r\n" in out:
                    break
            return out
        finally:
            s.close()

    def metrics_once(self, ready, seconds):
        """GETs /metrics until `ready(text)` holds or `seconds` pass (bounded
        polling: a request is counted, and a connection opened or closed,
        a moment after the client sees it); returns the last answer."""
        deadline = time.monotonic() + seconds
        while True:
            status, headers, body = self.request("GET", "/metrics")
            if ready(body.decode()) or time.monotonic() > deadline:
                return status, headers, body
            time.sleep(0.02)

    def wait_for_connections(self, n, seconds=30):
        """Waits until the service holds `n` connections besides the one
        that asks (its avtal_http_connections gauge), so that a test acts on
        connections the service has accepted, not ones still in the backlog."""
        def held(text):
            m = re.search(r"^avtal_http_connections (\d+)$", text, re.M)
            return m is not None and int(m.group(1)) >= n + 1
        _, _, body = self.metrics_once(held, seconds)
        if not held(body.decode()):
            raise AssertionError("the service did not hold %d connections within %d s" % (n, seconds))

    def alive(self):
        status, _, body = self.request("GET", "/healthz")
        return status == 200 and json.loads(body)["status"] == "ok"

    def stop(self, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("avtal serve did not stop within %d s of SIGTERM" % timeout)
        self.err.seek(0)
        stderr = self.err.read().decode(errors="replace")
        self.err.close()
        self.proc.stdout.close()
        return code, stderr

    def access_log(self):
        with open(self.log, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def access_log_once(self, ready, seconds=10):
        """Reads the access log until `ready(entries)` holds or `seconds`
        pass (a line is written once its answer has gone out, a moment after
        the client has read it); returns the last entries read."""
        deadline = time.monotonic() + seconds
        while True:
            entries = self.access_log()
            if ready(entries) or time.monotonic() > deadline:
                return entries
            time.sleep(0.02)


def status_of(response):
    m = re.match(rb"HTTP/1\.[01] (\d{3}) ", response)
    return int(m.group(1)) if m else None


def body_of(response):
    """The body of the first answer in `response` (by its Content-Length)."""
    head, _, rest = response.partition(b"\r\n\r\n")
    m = re.search(rb"(?i)\r\ncontent-length: (\d+)", head)
    return rest[:int(m.group(1))] if m else rest


class ServiceTest(unittest.TestCase):
    """Starts one service for the class; stopping it cleanly is a test too."""
    args = ()
    threads = 2

    @classmethod
    def setUpClass(cls):
        cls.service = Service(*cls.args, threads=cls.threads)

    @classmethod
    def tearDownClass(cls):
        code, stderr = cls.service.stop()
        if code != 0:
            raise AssertionError("avtal serve exited %d:\n%s" % (code, stderr[-4000:]))

    def post(self, path, body, content_type="application/json", headers=None):
        h = {"Content-Type": content_type}
        h.update(headers or {})
        return self.service.request("POST", path, body=body, headers=h)

    def get(self, path, headers=None):
        return self.service.request("GET", path, headers=headers)

    def assertProblem(self, status, headers, body, expected):
        self.assertEqual(status, expected, body[:500])
        self.assertEqual(headers["content-type"], "application/problem+json")
        p = json.loads(body)
        self.assertEqual(p["status"], expected)
        for key in ("type", "title", "detail"):
            self.assertIsInstance(p[key], str)
        return p


# ---- endpoints -------------------------------------------------------------------


class Endpoints(ServiceTest):
    def test_check_json_is_the_cli_report(self):
        status, headers, body = self.post("/v1/check", read(NORRSTROM))
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/json")
        code, out, _ = cli("check", NORRSTROM, "--format", "json")
        self.assertEqual(body, out)
        self.assertEqual(headers["avtal-exit-code"], str(code))
        self.assertEqual(json.loads(body)["schema"], "avtal-report/1")

    def test_check_formats_languages_all_and_date(self):
        for fmt, media in (("text", "text/plain; charset=utf-8"), ("markdown", "text/markdown; charset=utf-8"), ("json", "application/json")):
            for lang in ("sv", "en"):
                status, headers, body = self.post("/v1/check?format=%s&lang=%s&all=true&date=2026-01-15" % (fmt, lang), read(NORRSTROM))
                self.assertEqual(status, 200)
                self.assertEqual(headers["content-type"], media)
                _, out, _ = cli("check", NORRSTROM, "--format", fmt, "--lang", lang, "--all", "--date", "2026-01-15")
                self.assertEqual(body, out, (fmt, lang))
        # explain=true is the CLI's --explain: every finding listed carries its explanation tree.
        for fmt in ("json", "text"):
            status, headers, body = self.post("/v1/check?format=%s&all=true&explain=true" % fmt, read(NORRSTROM))
            self.assertEqual(status, 200)
            self.assertEqual(body, cli("check", NORRSTROM, "--format", fmt, "--all", "--explain")[1], fmt)
        findings = json.loads(self.post("/v1/check?explain=1", read(NORRSTROM))[2])["findings"]
        self.assertTrue(findings and all(f["explanation"]["citation"] for f in findings), findings)
        self.assertNotIn("explanation", json.loads(self.post("/v1/check?explain=false", read(NORRSTROM))[2])["findings"][0])
        p = self.assertProblem(*self.post("/v1/check?explain=maybe", read(NORRSTROM)), 400)
        self.assertIn("explain must be true or false", p["detail"])

    def test_check_violations_and_incomplete_are_200_with_the_exit_code(self):
        for name, code in (("flawed-huvudmannaskap.json", "1"), ("incomplete-2026.json", "3")):
            status, headers, body = self.post("/v1/check", read(os.path.join(AGREEMENTS, name)))
            self.assertEqual((status, headers["avtal-exit-code"]), (200, code), name)

    def test_batch_array_keeps_the_order_with_errors_in_place(self):
        good = json.loads(read(NORRSTROM))
        flawed = json.loads(read(os.path.join(AGREEMENTS, "flawed-huvudmannaskap.json")))
        bad = {"schema": "avtal/1", "nonsense": True}
        batch = json.dumps([good, bad, flawed]).encode()
        status, headers, body = self.post("/v1/check/batch?lang=en", batch)
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/json")
        results = json.loads(body)
        self.assertEqual([r["schema"] for r in results], ["avtal-report/1", "avtal-error/1", "avtal-report/1"])
        self.assertEqual(results[1]["index"], 1)
        self.assertTrue(all(p["path"] is not None for p in results[1]["problems"]))
        self.assertEqual(results[0]["agreement"], good["id"])
        self.assertEqual(results[2]["agreement"], flawed["id"])
        self.assertEqual(headers["avtal-exit-code"], "2")
        # The reports are the CLI's for the same bytes.
        code, out, _ = cli("check", "-", "--format", "json", "--lang", "en", stdin=batch)
        self.assertEqual(code, 2)
        cli_lines = [json.loads(line) for line in out.decode().splitlines()]
        self.assertEqual([r["schema"] for r in cli_lines], ["avtal-report/1", "avtal-error/1", "avtal-report/1"])
        self.assertEqual([results[0], results[2]], [cli_lines[0], cli_lines[2]])

    def test_batch_json_lines_is_answered_as_json_lines(self):
        lines = read("tests/cli/batch.jsonl")
        status, headers, body = self.post("/v1/check/batch", lines, "application/x-ndjson")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/x-ndjson")
        results = [json.loads(line) for line in body.decode().splitlines()]
        inputs = [line for line in lines.decode().splitlines() if line.strip()]
        self.assertEqual(len(results), len(inputs))
        code, out, _ = cli("check", "tests/cli/batch.jsonl", "--format", "json")
        reports = [line for line in body.decode().splitlines() if '"schema":"avtal-report/1"' in line]
        self.assertEqual(reports, [line for line in out.decode().splitlines() if '"schema":"avtal-report/1"' in line])
        self.assertEqual(headers["avtal-exit-code"], str(code))

    def test_allocate(self):
        for fmt in ("json", "text"):
            status, headers, body = self.post("/v1/allocate?format=" + fmt, read(NORRSTROM))
            self.assertEqual(status, 200)
            _, out, _ = cli("allocate", NORRSTROM, "--format", fmt)
            self.assertEqual(body, out)
        status, _, body = self.post("/v1/allocate", read(NORRSTROM))
        self.assertEqual(json.loads(body)[0]["amount"], "5000000.00")

    def test_thresholds(self):
        for query, args in (("", ()), ("?format=text", ("--format", "text")), ("?date=2024-03-01", ("--date", "2024-03-01"))):
            status, headers, body = self.get("/v1/thresholds" + query)
            self.assertEqual(status, 200)
            _, out, _ = cli("thresholds", *(args if "--format" in args else ("--format", "json", *args)))
            self.assertEqual(body, out, query)
        status, headers, body = self.get("/v1/thresholds?date=1990-01-01")
        self.assertProblem(status, headers, body, 404)

    def test_rules_catalogue_lists_every_rule_the_cli_explains(self):
        status, headers, body = self.get("/v1/rules")
        self.assertEqual(status, 200)
        catalogue = json.loads(body)
        ids = [r["id"] for r in catalogue["rules"]] + [e["id"] for e in catalogue["exceptions"]]
        code, _, err = cli("explain", "no.such.rule")
        self.assertEqual(code, 2)
        known = err.split("Kända regler:")[1].split()
        self.assertEqual(sorted(ids), sorted(known))
        for rule_id in ids:
            status, _, body = self.get("/v1/rules/%s?format=text&lang=en" % rule_id)
            self.assertEqual(status, 200, rule_id)
            _, out, _ = cli("explain", rule_id, "--lang", "en")
            self.assertEqual(body, out, rule_id)
            status, _, body = self.get("/v1/rules/" + rule_id)
            self.assertEqual(json.loads(body)["id"], rule_id)

    def test_unknown_rule_is_404(self):
        status, headers, body = self.get("/v1/rules/no.such.rule")
        self.assertProblem(status, headers, body, 404)

    def test_forms(self):
        for fmt in ("json", "text"):
            status, _, body = self.post("/v1/forms?format=" + fmt, read("tests/cli/needs-quick.json"))
            self.assertEqual(status, 200)
            _, out, _ = cli("forms", "tests/cli/needs-quick.json", "--format", fmt)
            self.assertEqual(body, out)

    def test_guide_is_the_cli_guide(self):
        for fmt, media in (("markdown", "text/markdown; charset=utf-8"), ("text", "text/plain; charset=utf-8")):
            for lang in ("sv", "en"):
                status, headers, body = self.post("/v1/guide?format=%s&lang=%s&date=2026-01-15" % (fmt, lang), read(NORRSTROM))
                self.assertEqual(status, 200)
                self.assertEqual(headers["content-type"], media)
                code, out, _ = cli("guide", NORRSTROM, "--format", fmt, "--lang", lang, "--date", "2026-01-15")
                self.assertEqual((body, code), (out, 0), (fmt, lang))
        # Markdown by default; JSON (avtal-guide/1) for the web page's side panel, as the CLI writes it.
        status, headers, body = self.post("/v1/guide", read(NORRSTROM))
        self.assertEqual((status, headers["content-type"]), (200, "text/markdown; charset=utf-8"))
        self.assertEqual(body, cli("guide", NORRSTROM, "--format", "markdown")[1])
        status, headers, body = self.post("/v1/guide?format=json&lang=en", read(NORRSTROM))
        self.assertEqual((status, headers["content-type"].split(";")[0]), (200, "application/json"))
        self.assertEqual(body, cli("guide", NORRSTROM, "--format", "json", "--lang", "en")[1])
        g = json.loads(body)
        self.assertEqual([s["code"] for s in g["steps"]], ["1", "2A", "2B", "2C", "3A", "3B", "3C", "4"])
        self.assertEqual([p["part"] for p in g["steps"][1]["parts"]], ["organisational", "economic", "legal"])
        self.assertTrue(all(i["status"] in ("done", "open", "unknown") and i["source"] in ("stated", "check", "none")
                            for s in g["steps"] for i in s["items"]), g)
        self.assertTrue(any(i["source"] == "check" and i["status"] == "done" for s in g["steps"] for i in s["items"]), g)
        self.assertEqual(g["next"], next((s["code"] for s in g["steps"] if s["status"] != "done"), None))
        p = self.assertProblem(*self.post("/v1/guide?lang=en", b'{"schema": "avtal/1", "princpals": []}'), 400)
        self.assertTrue(any(q["path"] == "/princpals" for e in p["errors"] for q in e["problems"]), p)

    def test_portfolio_is_the_cli_portfolio(self):
        # Lund's six files under their own names: the same bytes as the command line's report.
        names = sorted(n for n in os.listdir(source(AGREEMENTS)) if n.startswith("lund-"))
        self.assertEqual(len(names), 6)
        paths = [os.path.join(AGREEMENTS, n) for n in names]
        documents = json.dumps({"documents": [{"source": p, "text": read(p).decode()} for p in paths]}).encode()
        media = {"json": "application/json", "markdown": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8",
                 "html": "text/html; charset=utf-8", "svg": "image/svg+xml"}
        for fmt in media:
            for lang in ("sv", "en"):
                status, headers, body = self.post("/v1/portfolio?party=lund&year=2025&format=%s&lang=%s" % (fmt, lang), documents)
                self.assertEqual((status, headers["content-type"]), (200, media[fmt]), body[:300])
                self.assertEqual((headers["avtal-exit-code"], headers["avtal-unreadable"]), ("0", "0"))
                code, out, _ = cli("portfolio", "--party", "lund", "--year", "2025", "--format", fmt, "--lang", lang, *paths)
                self.assertEqual((body, code), (out, 0), (fmt, lang))
        # JSON by default; a JSON array of agreements and JSON Lines are read as one document, "request".
        agreements = [json.loads(read(p)) for p in paths]
        status, headers, body = self.post("/v1/portfolio?party=lund&year=2025", json.dumps(agreements).encode())
        self.assertEqual((status, headers["content-type"]), (200, "application/json"))
        report = json.loads(body)
        self.assertEqual((report["schema"], report["party"]["id"], report["year"]), ("avtal-portfolio/1", "lund", 2025))
        self.assertEqual(sorted(a["id"] for a in report["agreements"]), [n[:-5] for n in names])
        self.assertEqual(sorted(a["source"] for a in report["agreements"]), ["request[%d]" % i for i in range(6)])
        lines = "".join(json.dumps(a) + "\n" for a in agreements).encode()
        status, _, body_lines = self.post("/v1/portfolio?party=lund&year=2025", lines, content_type="application/x-ndjson")
        self.assertEqual(json.loads(body_lines)["totals"], report["totals"])
        # Every party: the summary covers the fourteen parties of the Östergötland HVB.
        status, headers, body = self.post("/v1/portfolio?all_parties=true&year=2024",
                                          read(os.path.join(AGREEMENTS, "ostergotland-hvb.json")))
        self.assertEqual(status, 200, body[:300])
        summary = json.loads(body)
        self.assertEqual(summary["schema"], "avtal-portfolio-summary/1")
        self.assertEqual(len(summary["parties"]), 14)

    def test_portfolio_reads_past_a_bad_document_and_names_it(self):
        good = os.path.join(AGREEMENTS, "lund-barnahus.json")
        documents = {"documents": [{"source": "lund-barnahus.json", "text": read(good).decode()},
                                   {"source": "ref-principal.json", "text": read("tests/malformed/ref-principal.json").decode()},
                                   {"source": "kris.jsonl", "text": json.dumps(json.loads(read(os.path.join(AGREEMENTS, "lund-kriscentrum.json")))) + "\n{\n"}]}
        status, headers, body = self.post("/v1/portfolio?party=lund&year=2025", json.dumps(documents).encode())
        self.assertEqual(status, 200, body[:500])
        self.assertEqual((headers["avtal-exit-code"], headers["avtal-unreadable"]), ("2", "2"))
        report = json.loads(body)
        self.assertEqual(sorted(a["id"] for a in report["agreements"]), ["lund-barnahus", "lund-kriscentrum"])
        unreadable = {u["source"]: u["problems"] for u in report["unreadable"]}
        self.assertEqual(sorted(unreadable), ["kris.jsonl:2", "ref-principal.json"])
        self.assertIn("/tasks/0/principals/1", [p["path"] for p in unreadable["ref-principal.json"]])
        # Only a bad document: the report says the party was not found among what could be read, and names the file.
        status, headers, body = self.post("/v1/portfolio?party=lund", read("tests/malformed/ref-principal.json"))
        self.assertEqual((status, headers["avtal-exit-code"], headers["avtal-unreadable"]), (200, "2", "1"), body[:300])
        report = json.loads(body)
        self.assertEqual((report["found"], report["agreements"]), (False, []))
        self.assertIn("/tasks/0/principals/1", [p["path"] for u in report["unreadable"] for p in u["problems"]])
        # Every document read and none names the party: 400.
        p = self.assertProblem(*self.post("/v1/portfolio?party=atlantis", read(good)), 400)
        self.assertIn("atlantis", p["detail"])
        for query, word in (("", "party"), ("?party=lund&format=pdf", "svg"), ("?party=lund&year=25", "year"),
                            ("?party=lund&all_parties=maybe", "all_parties")):
            p = self.assertProblem(*self.post("/v1/portfolio" + query, read(good)), 400)
            self.assertIn(word, p["detail"], query)
        p = self.assertProblem(*self.post("/v1/portfolio?party=lund", b'{"documents": [{"source": "a.json"}]}'), 400)
        self.assertIn("documents", p["detail"])

    def test_documents(self):
        status, headers, body = self.get("/v1/openapi.json")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body), json.loads(read("src/serve/openapi.json")))
        status, headers, body = self.get("/v1/schema/agreement")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/schema+json")
        self.assertEqual(body, read("docs/schema/avtal-1.schema.json"))
        self.assertEqual(json.loads(body)["$schema"], "https://json-schema.org/draft/2020-12/schema")

    def test_probes_and_head(self):
        self.assertTrue(self.service.alive())
        status, _, body = self.get("/readyz")
        self.assertEqual((status, json.loads(body)), (200, {"status": "ready"}))
        status, headers, body = self.service.request("HEAD", "/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertGreater(int(headers["content-length"]), 0)

    def test_root_has_the_page_or_an_index_with_a_strict_policy(self):
        status, headers, body = self.get("/")
        self.assertEqual(status, 200)
        self.assertIn("default-src 'none'", headers["content-security-policy"])
        self.assertIn("frame-ancestors 'none'", headers["content-security-policy"])
        self.assertEqual(headers["x-content-type-options"], "nosniff")

    def test_metrics_count_requests_statuses_latency_and_bad_inputs(self):
        self.post("/v1/check", b"{not json")
        self.get("/nowhere")
        expected = [
            r'avtal_http_requests_total\{endpoint="/v1/check",status="400"\} [1-9]',
            r'avtal_http_requests_total\{endpoint="unmatched",status="404"\} [1-9]',
            r'avtal_http_request_duration_seconds_bucket\{endpoint="/v1/check",le="\+Inf"\} [1-9]',
            r'avtal_bad_inputs_total\{endpoint="/v1/check"\} [1-9]',
            r"avtal_http_connections [1-9]",
        ]
        # A request is counted once its answer is written, which may be a
        # moment after the client has read it, and the two requests above
        # may be counted in either order (each on its own connection): wait
        # for every series, not only the last request's.
        status, headers, body = self.service.metrics_once(lambda t: all(re.search(e, t) for e in expected), 5)
        text = body.decode()
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/plain; version=0.0.4"))
        for e in expected:
            self.assertRegex(text, e)
        for line in text.splitlines():
            self.assertRegex(line, r'^(# (HELP|TYPE) .+|[a-z_]+(\{[^}]*\})? [0-9.e+-]+)$')

    def test_access_log_has_the_fields_and_never_the_body(self):
        marker = "personnummer-19121212-1212"
        doc = json.loads(read(NORRSTROM))
        doc["title"] = marker
        before = len([e for e in self.service.access_log() if e["path"] == "/v1/check"])
        self.post("/v1/check?lang=en", json.dumps(doc).encode())
        entries = self.service.access_log_once(lambda es: len([e for e in es if e["path"] == "/v1/check"]) > before)
        self.assertGreater(len([e for e in entries if e["path"] == "/v1/check"]), before)
        for e in entries:
            self.assertEqual(set(e), {"time", "method", "path", "status", "bytes", "duration_ms"})
            self.assertRegex(e["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        with open(self.service.log, encoding="utf-8") as f:
            text = f.read()
        self.assertNotIn(marker, text)
        self.assertNotIn("lang=en", text)
        self.assertIn('"path":"/v1/check"', text)


# ---- error statuses -----------------------------------------------------------------


class Errors(ServiceTest):
    args = ("--max-body", "64KiB", "--max-header", "4KiB", "--read-timeout", "1")

    def test_400_bad_json_lists_every_problem_with_its_path(self):
        for name in sorted(os.listdir(source("tests/malformed"))):
            if not name.endswith(".json"):
                continue
            doc = read(os.path.join("tests/malformed", name))
            if len(doc) > 60000:
                continue
            status, headers, body = self.post("/v1/check", doc)
            p = self.assertProblem(status, headers, body, 400)
            self.assertEqual(p["type"], "urn:avtal:problem:invalid-document")
            self.assertEqual(p["errors"][0]["schema"], "avtal-error/1")
            code, _, err = cli("check", os.path.join("tests/malformed", name))
            self.assertEqual(code, 2)
            prefix = os.path.join("tests/malformed", name) + ": "
            expected = [line[len(prefix):] for line in err.splitlines() if line.startswith(prefix)]
            got = [(q["path"] + ": " if q["path"] else "") + q["message"] for q in p["errors"][0]["problems"]]
            self.assertEqual(got, expected, name)
            self.assertEqual(p["detail"].splitlines(), ["request: " + e for e in expected])

    def test_400_an_array_belongs_to_batch(self):
        status, headers, body = self.post("/v1/check", b"  [" + read(NORRSTROM) + b"]")
        p = self.assertProblem(status, headers, body, 400)
        self.assertIn("/v1/check/batch", p["detail"])

    def test_empty_batch_is_one_error_in_place(self):
        status, headers, body = self.post("/v1/check/batch", b"[]")
        self.assertEqual(status, 200)
        self.assertEqual(headers["avtal-exit-code"], "2")
        self.assertEqual([r["schema"] for r in json.loads(body)], ["avtal-error/1"])

    def test_400_bad_query(self):
        for query in ("?lang=de", "?format=xml", "?date=2024-02-30", "?all=maybe", "?colour=blue", "?lang=sv&lang=en", "?lang=%zz"):
            status, headers, body = self.post("/v1/check" + query, read(NORRSTROM))
            self.assertProblem(status, headers, body, 400)
        status, headers, body = self.get("/v1/thresholds?format=markdown")
        self.assertProblem(status, headers, body, 400)

    def test_404(self):
        for path in ("/v2/check", "/v1/nothing", "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/v1/rules/", "/v1/rules/a/b", "/index.php", "/src/serve/openapi.json"):
            status, headers, body = self.get(path)
            self.assertProblem(status, headers, body, 404)

    def test_405_says_what_is_allowed(self):
        for method, path, allow in (("GET", "/v1/check", "POST"), ("PUT", "/v1/check", "POST"), ("DELETE", "/v1/rules", "GET, HEAD"),
                                    ("POST", "/healthz", "GET, HEAD"), ("OPTIONS", "/v1/check", "POST")):
            status, headers, body = self.service.request(method, path, body=b"{}" if method in ("POST", "PUT") else None)
            self.assertProblem(status, headers, body, 405)
            self.assertEqual(headers["allow"], allow)

    def test_413_body_too_large(self):
        big = b'{"schema":"avtal/1","title":"' + b"x" * 70000 + b'"}'
        status, headers, body = self.post("/v1/check", big)
        self.assertProblem(status, headers, body, 413)
        # Chunked, with no length given in advance.
        req = b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        for _ in range(20):
            req += b"1000\r\n" + b"x" * 0x1000 + b"\r\n"
        req += b"0\r\n\r\n"
        self.assertEqual(status_of(self.service.raw(req)), 413)
        self.assertTrue(self.service.alive())

    def test_415_not_json(self):
        for ctype in ("application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", "image/png"):
            status, headers, body = self.post("/v1/check", read(NORRSTROM), ctype)
            self.assertProblem(status, headers, body, 415)
        # curl's default type for --data-binary is accepted.
        status, _, _ = self.post("/v1/check", read(NORRSTROM), "application/x-www-form-urlencoded")
        self.assertEqual(status, 200)

    def test_408_slow_loris(self):
        start = time.monotonic()
        out = self.service.raw(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Le", timeout=10)
        self.assertEqual(status_of(out), 408)
        self.assertLess(time.monotonic() - start, 5)
        # A body that stops half way gets 408 as well.
        out = self.service.raw(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{\"schema\"", timeout=10)
        self.assertEqual(status_of(out), 408)
        p = json.loads(body_of(out))
        self.assertEqual(p["status"], 408)
        # An idle keep-alive connection is closed without an answer.
        self.assertEqual(self.service.raw(b"", timeout=10), b"")

    def test_431_header_too_large(self):
        out = self.service.raw(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + b"a" * 8000 + b"\r\n\r\n")
        self.assertEqual(status_of(out), 431)

    def test_every_problem_is_rfc9457(self):
        status, headers, body = self.get("/nowhere")
        p = self.assertProblem(status, headers, body, 404)
        self.assertEqual(p["type"], "about:blank")
        self.assertEqual(p["title"], "Not Found")


class Limits(ServiceTest):
    args = ("--max-connections", "3")

    def test_503_above_the_connection_limit(self):
        held = [socket.create_connection((self.service.host, self.service.port), timeout=10) for _ in range(3)]
        try:
            # The three are accepted a moment after connect() returns: ask
            # until the service has taken them (bounded), then it must refuse.
            deadline = time.monotonic() + 10
            while True:
                out = self.service.raw(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                if status_of(out) == 503 or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            self.assertEqual(status_of(out), 503)
            self.assertIn(b"Retry-After: 1", out)
        finally:
            for s in held:
                s.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            out = self.service.raw(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            if status_of(out) == 200:
                break
            time.sleep(0.1)
        self.assertEqual(status_of(out), 200)


class Token(ServiceTest):
    @classmethod
    def setUpClass(cls):
        cls.tokens = tempfile.TemporaryDirectory()
        path = os.path.join(cls.tokens.name, "token")
        with open(path, "w") as f:
            f.write("s3cret-token\n")
        cls.args = ("--token-file", path, "--cors", "https://kommun.example")
        super().setUpClass()

    def test_401_without_the_token(self):
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic czNjcmV0LXRva2Vu"}, {"Authorization": "Bearer s3cret-token-and-more"}):
            status, h, body = self.post("/v1/check", read(NORRSTROM), headers=headers)
            self.assertProblem(status, h, body, 401)
            self.assertIn("Bearer", h["www-authenticate"])
        status, _, _ = self.get("/metrics")
        self.assertEqual(status, 401)

    def test_the_token_opens_it_and_probes_need_none(self):
        status, _, _ = self.post("/v1/check", read(NORRSTROM), headers={"Authorization": "Bearer s3cret-token"})
        self.assertEqual(status, 200)
        self.assertEqual(self.get("/healthz")[0], 200)
        self.assertEqual(self.get("/readyz")[0], 200)

    def test_cors_for_the_one_origin(self):
        auth = {"Authorization": "Bearer s3cret-token"}
        _, h, _ = self.get("/v1/rules", headers={"Origin": "https://kommun.example", **auth})
        self.assertEqual(h["access-control-allow-origin"], "https://kommun.example")
        self.assertEqual(h["vary"], "Origin")
        _, h, _ = self.get("/v1/rules", headers={"Origin": "https://evil.example", **auth})
        self.assertNotIn("access-control-allow-origin", h)
        status, h, _ = self.service.request("OPTIONS", "/v1/check", headers={"Origin": "https://kommun.example", "Access-Control-Request-Method": "POST"})
        self.assertEqual(status, 204)
        self.assertEqual(h["access-control-allow-origin"], "https://kommun.example")
        self.assertIn("POST", h["access-control-allow-methods"])
        self.assertIn("Authorization", h["access-control-allow-headers"])


class NoCors(ServiceTest):
    def test_cors_is_off_by_default(self):
        _, h, _ = self.get("/v1/rules", headers={"Origin": "https://kommun.example"})
        self.assertNotIn("access-control-allow-origin", h)


# ---- faults (also run under ASan+UBSan) -----------------------------------------------


class Faults(ServiceTest):
    args = ("--read-timeout", "1")

    def test_half_a_body_then_disconnect(self):
        doc = read(NORRSTROM)
        for cut in (0, 1, len(doc) // 2, len(doc) - 1):
            s = socket.create_connection((self.service.host, self.service.port), timeout=10)
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(doc) + doc[:cut])
            s.close()
        # Half a header, then gone; and a reset in the middle of a body.
        s = socket.create_connection((self.service.host, self.service.port), timeout=10)
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHo")
        s.close()
        s = socket.create_connection((self.service.host, self.service.port), timeout=10)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n" + doc[:100])
        s.close()
        self.assertTrue(self.service.alive())
        status, _, body = self.post("/v1/check", doc)
        self.assertEqual(status, 200)

    def test_malformed_http(self):
        cases = {
            "bad request line": b"GARBAGE\r\n\r\n",
            "no version": b"GET /healthz\r\n\r\n",
            "bad version": b"GET /healthz HTTP/9.x\r\n\r\n",
            "space in target": b"GET /health z HTTP/1.1\r\nHost: t\r\n\r\n",
            "header without colon": b"GET /healthz HTTP/1.1\r\nHost t\r\n\r\n",
            "bare LF": b"GET /healthz HTTP/1.1\nHost: t\n\n",
            "control character in a header": b"GET /healthz HTTP/1.1\r\nHost: t\x01\r\n\r\n",
            "bad content length": b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n{}",
            "two content lengths": b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            "chunk size not hex": b"POST /v1/check HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "chunk without CRLF": b"POST /v1/check HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n",
            "chunk size overflow": b"POST /v1/check HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n",
            "unknown transfer coding": b"POST /v1/check HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n{}",
            "absolute target": b"GET http://t/healthz HTTP/1.1\r\nHost: t\r\n\r\n",
            "asterisk target": b"OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n",
            "TLS hello": bytes.fromhex("160301012c010001280303") + b"\x00" * 40,
            "HTTP/2 preface": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        }
        for name, data in cases.items():
            out = self.service.raw(data)
            status = status_of(out)
            self.assertTrue(status in (400, 404, 405, 501) or out == b"", (name, out[:200]))
            if status:
                self.assertEqual(json.loads(body_of(out))["status"], status, (name, out))
            self.assertTrue(self.service.alive(), name)

    def test_random_bytes_never_hurt_it(self):
        rng = random.Random(16)
        seeds = [b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n{\"a\":1}   ",
                 b"GET /v1/rules/party.kind_allowed?format=text HTTP/1.1\r\nHost: t\r\n\r\n",
                 b"POST /v1/check/batch HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[{},{\r\n2\r\n}]\r\n0\r\n\r\n"]
        for i in range(100):
            data = bytearray(rng.choice(seeds))
            for _ in range(rng.randint(1, 6)):
                pos = rng.randrange(len(data))
                op = rng.randrange(3)
                if op == 0:
                    data[pos] = rng.randrange(256)
                elif op == 1:
                    del data[pos]
                else:
                    data[pos:pos] = bytes([rng.randrange(256)]) * rng.randint(1, 40)
            self.service.raw(bytes(data), timeout=5)
        self.assertTrue(self.service.alive())

    def test_pipelined_requests_are_answered_in_order(self):
        req = b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /readyz HTTP/1.1\r\nHost: t\r\n\r\nGET /v1/nothing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
        out = self.service.raw(req)
        self.assertEqual(re.findall(rb"HTTP/1\.1 (\d{3})", out), [b"200", b"200", b"404"])

    def test_expect_100_continue(self):
        doc = read(NORRSTROM)
        s = socket.create_connection((self.service.host, self.service.port), timeout=10)
        try:
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(doc))
            self.assertTrue(s.recv(100).startswith(b"HTTP/1.1 100 Continue"))
            s.sendall(doc + b"")
            out = b""
            while b"\r\n\r\n" not in out:
                out += s.recv(65536)
            self.assertEqual(status_of(out), 200)
        finally:
            s.close()
        # A request refused on its header is not asked for its body.
        out = self.service.raw(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: image/png\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n")
        self.assertEqual(status_of(out), 415)

    def test_http_1_0_closes(self):
        out = self.service.raw(b"GET /healthz HTTP/1.0\r\n\r\n")
        self.assertEqual(status_of(out), 200)


# ---- concurrency (also run under TSan) ------------------------------------------------


class Concurrency(ServiceTest):
    # Idle keep-alive connections are closed after --read-timeout: under a
    # sanitizer on a loaded machine the 2 000 requests take longer than the
    # default 10 s, and the first connections to finish would be closed.
    args = ("--max-connections", "2000", "--read-timeout", "300")

    def test_1000_concurrent_keep_alive_connections(self):
        n, rounds = 1000, 2
        doc = read(NORRSTROM)
        request = b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(doc) + doc
        _, expected, _ = cli("check", NORRSTROM, "--format", "json")
        sel = selectors.DefaultSelector()
        conns = []
        for i in range(n):
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex((self.service.host, self.service.port))
            conns.append({"sock": s, "round": 0, "buf": b"", "out": request})
            sel.register(s, selectors.EVENT_WRITE, conns[-1])
        # All are open before the first answer is complete.
        done, deadline = 0, time.monotonic() + 240
        while done < n and time.monotonic() < deadline:
            for key, events in sel.select(timeout=5):
                c = key.data
                s = c["sock"]
                if events & selectors.EVENT_WRITE and c["out"]:
                    try:
                        sent = s.send(c["out"])
                    except BlockingIOError:
                        continue
                    c["out"] = c["out"][sent:]
                    if not c["out"]:
                        sel.modify(s, selectors.EVENT_READ, c)
                    continue
                if events & selectors.EVENT_READ:
                    chunk = s.recv(65536)
                    self.assertTrue(chunk, "connection %d closed early" % conns.index(c))
                    c["buf"] += chunk
                    head, sep, rest = c["buf"].partition(b"\r\n\r\n")
                    if not sep:
                        continue
                    length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
                    if len(rest) < length:
                        continue
                    self.assertEqual(status_of(head + b"\r\n\r\n"), 200)
                    self.assertNotIn(b"Connection: close", head)
                    self.assertEqual(rest[:length], expected)
                    c["buf"] = rest[length:]
                    c["round"] += 1
                    if c["round"] == rounds:
                        done += 1
                        sel.unregister(s)
                    else:
                        c["out"] = request
                        sel.modify(s, selectors.EVENT_WRITE, c)
        self.assertEqual(done, n)
        status, _, body = self.get("/metrics")
        open_now = int(re.search(rb"avtal_http_connections (\d+)", body).group(1))
        self.assertGreaterEqual(open_now, n)  # all still open: keep-alive
        for c in conns:
            c["sock"].close()
        # A log line is written once its response has gone out: wait for the last ones (bounded).
        checks = lambda es: [e for e in es if e["path"] == "/v1/check"]  # noqa: E731
        log = checks(self.service.access_log_once(lambda es: len(checks(es)) >= n * rounds))
        self.assertEqual(len(log), n * rounds)

    def test_threads_hammering_mixed_endpoints(self):
        errors = []

        def worker(k):
            try:
                c = http.client.HTTPConnection(self.service.host, self.service.port, timeout=60)
                for i in range(40):
                    path, body = [("/v1/check?lang=en", read(NORRSTROM)), ("/v1/check", b"[1,2"), ("/metrics", None), ("/v1/rules", None),
                                  ("/v1/check/batch", read("tests/cli/batch.jsonl"))][(i + k) % 5]
                    c.request("POST" if body is not None else "GET", path, body=body, headers={"Content-Type": "application/json"} if body else {})
                    r = c.getresponse()
                    r.read()
                    if r.status not in (200, 400):
                        errors.append((path, r.status))
                c.close()
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(repr(e))
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        self.assertEqual(errors, [])


class GracefulStop(unittest.TestCase):
    def test_sigterm_lets_a_request_in_flight_finish(self):
        service = Service("--read-timeout", "10")
        doc = read(NORRSTROM)
        s = socket.create_connection((service.host, service.port), timeout=10)
        idle = socket.create_connection((service.host, service.port), timeout=10)
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(doc) + doc[:100])
        # Accepted, and (a moment later) its header read: a request in flight.
        service.wait_for_connections(2)
        time.sleep(0.3)
        service.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        # Stopping: no longer ready, no new connections; the idle one is closed.
        self.assertEqual(idle.recv(10), b"")
        s.sendall(doc[100:])
        out = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
        self.assertEqual(status_of(out), 200)
        self.assertIn(b"Connection: close", out)
        code, stderr = service.stop(timeout=15)
        self.assertEqual(code, 0, stderr)
        with self.assertRaises(OSError):
            socket.create_connection((service.host, service.port), timeout=2)

    def test_the_drain_deadline_bounds_a_stuck_client(self):
        service = Service("--read-timeout", "60")
        s = socket.create_connection((service.host, service.port), timeout=10)
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{")
        time.sleep(0.3)
        start = time.monotonic()
        code, stderr = service.stop(timeout=20)
        self.assertEqual(code, 0, stderr)
        self.assertLess(time.monotonic() - start, 10)
        s.close()


# ---- byte identity with the CLI ---------------------------------------------------------


class Identity(ServiceTest):
    def test_every_bundled_agreement_is_byte_identical_to_the_cli(self):
        names = sorted(n for n in os.listdir(source(AGREEMENTS)) if n.endswith(".json"))
        self.assertGreater(len(names), 10)
        for name in names:
            path = os.path.join(AGREEMENTS, name)
            doc = read(path)
            for fmt in ("json", "text", "markdown"):
                for lang in ("sv", "en"):
                    for all_ in (False, True):
                        status, headers, body = self.post("/v1/check?format=%s&lang=%s%s" % (fmt, lang, "&all=true" if all_ else ""), doc)
                        code, out, _ = cli("check", path, "--format", fmt, "--lang", lang, *(["--all"] if all_ else []))
                        self.assertEqual(status, 200, (name, fmt, lang))
                        self.assertEqual(headers["avtal-exit-code"], str(code), name)
                        self.assertEqual(body, out, (name, fmt, lang, all_))
            status, _, body = self.post("/v1/allocate", doc)
            _, out, _ = cli("allocate", path, "--format", "json")
            self.assertEqual(body, out, name)


# ---- OpenAPI ---------------------------------------------------------------------------


class OpenAPI(ServiceTest):
    @classmethod
    def setUpClass(cls):
        import jsonschema  # python3-jsonschema (./build.sh test installs it)
        cls.jsonschema = jsonschema
        cls.doc = json.loads(read("src/serve/openapi.json"))
        super().setUpClass()

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            self.assertTrue(ref.startswith("#/"), ref)
            node = self.doc
            for part in ref[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def test_structure(self):
        d = self.doc
        self.assertRegex(d["openapi"], r"^3\.1\.\d+$")
        self.assertTrue(d["info"]["title"] and d["info"]["version"])
        operation_ids = []
        for path, item in d["paths"].items():
            self.assertTrue(path.startswith("/"), path)
            self.assertTrue(set(item) <= {"get", "post", "put", "delete", "patch", "head", "options", "parameters", "summary", "description"}, path)
            for method, op in item.items():
                operation_ids.append(op["operationId"])
                self.assertTrue(op["responses"], (path, method))
                for code, response in op["responses"].items():
                    self.assertRegex(code, r"^[1-5]\d\d$")
                    self.assertIn("description", self.resolve(response))
                for p in op.get("parameters", []):
                    p = self.resolve(p)
                    self.assertIn(p["in"], ("query", "path", "header"))
                    if p["in"] == "path":
                        self.assertTrue(p["required"])
                        self.assertIn("{%s}" % p["name"], path)
                for name in re.findall(r"\{(\w+)\}", path):
                    self.assertIn(name, [self.resolve(p)["name"] for p in op.get("parameters", []) if self.resolve(p)["in"] == "path"])
        self.assertEqual(len(operation_ids), len(set(operation_ids)))
        # Every $ref resolves; every schema is a valid JSON Schema 2020-12.
        def walk(node):
            if isinstance(node, dict):
                if "$ref" in node:
                    self.resolve(node)
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(d)
        for name, schema in d["components"]["schemas"].items():
            self.jsonschema.Draft202012Validator.check_schema(schema)

    def validate(self, path, method, status, headers, body):
        d = self.doc
        template = next(p for p in d["paths"] if re.fullmatch(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(p)), path.split("?")[0]))
        item = d["paths"][template]
        # A wrong method's 405 is described by the operation the path has.
        op = item.get(method.lower()) or next(iter(item.values()))
        self.assertIn(str(status), op["responses"], (path, status))
        response = self.resolve(op["responses"][str(status)])
        media = headers["content-type"].split(";")[0]
        content = response.get("content", {})
        self.assertTrue(any(m.split(";")[0] == media for m in content), (path, status, media))
        for h in response.get("headers", {}):
            self.assertIn(h.lower(), headers, (path, h))
        schema = next(v["schema"] for m, v in content.items() if m.split(";")[0] == media)
        if media in ("application/json", "application/problem+json", "application/schema+json"):
            root = {"$defs": {}, "components": d["components"], **schema}
            self.jsonschema.Draft202012Validator(root).validate(json.loads(body))

    def test_real_responses_match_their_schemas(self):
        doc = read(NORRSTROM)
        calls = [
            ("POST", "/v1/check", doc), ("POST", "/v1/check?format=text", doc), ("POST", "/v1/check?format=markdown&all=true", doc),
            ("POST", "/v1/check", read(os.path.join(AGREEMENTS, "flawed-huvudmannaskap.json"))),
            ("POST", "/v1/check", read("tests/malformed/shares-not-100.json")), ("POST", "/v1/check?lang=xx", doc),
            ("POST", "/v1/check/batch", b"[" + doc + b",{}]"), ("POST", "/v1/check/batch", read("tests/cli/batch.jsonl")),
            ("POST", "/v1/allocate", doc), ("POST", "/v1/allocate?format=text", doc), ("POST", "/v1/allocate", b"{"),
            ("GET", "/v1/thresholds", None), ("GET", "/v1/thresholds?format=text", None), ("GET", "/v1/thresholds?date=1990-01-01", None),
            ("GET", "/v1/rules", None), ("GET", "/v1/rules/party.kind_allowed", None), ("GET", "/v1/rules/exception.teckal", None),
            ("GET", "/v1/rules/party.kind_allowed?format=text", None), ("GET", "/v1/rules/nope", None),
            ("POST", "/v1/forms", read("tests/cli/needs-quick.json")), ("POST", "/v1/forms?format=text", read("tests/cli/needs-quick.json")),
            ("POST", "/v1/forms", b"[]"), ("POST", "/v1/guide", doc), ("POST", "/v1/guide?format=text&lang=en", doc),
            ("POST", "/v1/guide", b"{"), ("POST", "/v1/guide?format=json", doc), ("POST", "/v1/check?all=true&explain=true", doc), ("GET", "/v1/openapi.json", None), ("GET", "/healthz", None), ("GET", "/readyz", None),
            ("GET", "/metrics", None), ("GET", "/v1/check", None), ("POST", "/v1/check", (doc, "application/xml")),
            ("GET", "/v1/schema/agreement", None),
            ("POST", "/v1/portfolio?party=lund&year=2025", b"[" + read(os.path.join(AGREEMENTS, "lund-barnahus.json")) + b"]"),
            ("POST", "/v1/portfolio?party=lund&format=markdown", read(os.path.join(AGREEMENTS, "lund-barnahus.json"))),
            ("POST", "/v1/portfolio?party=lund&format=html", read(os.path.join(AGREEMENTS, "lund-barnahus.json"))),
            ("POST", "/v1/portfolio?party=lund&format=svg", read(os.path.join(AGREEMENTS, "lund-barnahus.json"))),
            ("POST", "/v1/portfolio?all_parties=1", read(os.path.join(AGREEMENTS, "lund-barnahus.json"))),
            ("POST", "/v1/portfolio?party=atlantis", read(os.path.join(AGREEMENTS, "lund-barnahus.json"))),
        ]
        seen = set()
        for method, path, body in calls:
            ctype = "application/json"
            if isinstance(body, tuple):
                body, ctype = body
            status, headers, out = self.service.request(method, path, body=body, headers={"Content-Type": ctype} if body is not None else {})
            self.validate(path, method, status, headers, out)
            seen.add(path.split("?")[0])
        # Every documented path was called, and every called path is documented.
        documented = {re.sub(r"\{id\}", "party.kind_allowed", p) for p in self.doc["paths"]}
        self.assertTrue(documented <= seen, documented - seen)


def main():
    global AVTAL, SOURCE
    AVTAL, SOURCE, group = sys.argv[1], sys.argv[2], sys.argv[3]
    groups = {
        "endpoints": [Endpoints],
        "errors": [Errors, Limits, Token, NoCors],
        "faults": [Faults],
        "concurrency": [Concurrency],
        "shutdown": [GracefulStop],
        "identity": [Identity],
        "openapi": [OpenAPI],
    }
    suite = unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromTestCase(c) for c in groups[group])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)


if __name__ == "__main__":
    main()
