"""Tests of the avtal Python package over libavtal.so.1 (python3 -m pytest).

Environment: AVTAL_LIBRARY (the library to load), AVTAL_SOURCE_DIR (the
avtal source tree, for the bundled agreements), AVTAL_CLI (the avtal
command, for the byte-identity tests; those tests fail without it in CI,
where AVTAL_REQUIRE_CLI=1), AVTAL_EXPECT_INSTALLED_IN (the package must be
imported from there, i.e. as pip installed it)."""

from __future__ import annotations

import concurrent.futures
import datetime
import json
import os
import pathlib
import subprocess
import threading
from decimal import Decimal

import pytest

import avtal

SOURCE = pathlib.Path(os.environ.get("AVTAL_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[4]))
AGREEMENTS = SOURCE / "examples" / "agreements"
MALFORMED = SOURCE / "tests" / "malformed"
NORRSTROM = AGREEMENTS / "norrstrom-fjallviken.json"


def rows(tsv: pathlib.Path, width: int) -> list[list[str]]:
    out = []
    for line in tsv.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) == width and not line.startswith("#"):
            out.append(f)
    return out


EXPECTED = rows(AGREEMENTS / "EXPECTED.tsv", 4)
# file, path, message, problem code (the code is checked by the C++ tests)
MALFORMED_EXPECTED = [r[:3] for r in rows(MALFORMED / "EXPECTED.tsv", 4)]
assert MALFORMED_EXPECTED, "tests/malformed/EXPECTED.tsv has no rows of four columns"


def cli(*args: str) -> subprocess.CompletedProcess:
    exe = os.environ.get("AVTAL_CLI")
    if not exe:
        if os.environ.get("AVTAL_REQUIRE_CLI") == "1":
            pytest.fail("AVTAL_CLI is not set")
        pytest.skip("AVTAL_CLI is not set")
    return subprocess.run([exe, *args], capture_output=True, cwd=SOURCE)


def test_installed_package_is_used():
    where = os.environ.get("AVTAL_EXPECT_INSTALLED_IN")
    if where:
        assert pathlib.Path(avtal.__file__).resolve().is_relative_to(pathlib.Path(where).resolve())


def test_versions():
    assert avtal.abi_version() == 1
    assert avtal.version().count(".") == 2


def test_norrstrom_is_ok_with_direct_award():
    report = avtal.check(NORRSTROM.read_text(encoding="utf-8"))
    assert report.verdict == "ok" and report.ok and report.exit_code == 0
    assert report.agreement == "norrstrom-fjallviken"
    assert report.assessment_date == datetime.date(2024, 3, 1)
    # Only information is listed for an agreement that is ok (which info rules apply is the catalogue's business).
    assert "task.special_legislation" in [f.rule for f in report.findings]
    assert all(f.severity == "info" and f.status == "satisfied" for f in report.findings)
    assert report.violations == []
    (task,) = report.procurement
    assert task.task == "familjebehandling" and task.outcome == "exempt"
    assert task.exception("exception.direct_award") == "yes"
    assert task.exception("exception.hamburg") == "unknown"
    assert report.allocation[0].amount == Decimal("5000000.00")
    assert len(report.receipt["input_sha256"]) == 64


def test_dict_str_bytes_and_path_agree():
    text = NORRSTROM.read_text(encoding="utf-8")
    as_dict = avtal.check(json.loads(text))
    as_str = avtal.check(text)
    as_bytes = avtal.check(text.encode("utf-8"))
    as_path = avtal.check(NORRSTROM)
    assert as_str.data == as_bytes.data == as_path.data
    # A dict is serialised again: same verdict and findings, another input hash.
    assert as_dict.verdict == as_str.verdict and as_dict.findings == as_str.findings


def test_language_and_all():
    sv = avtal.check(NORRSTROM)
    en = avtal.check(NORRSTROM, lang="en")
    assert "Uppgiften" in sv.findings[0].message
    assert "Task" in en.findings[0].message
    everything = avtal.check(NORRSTROM, all=True)
    assert len(everything.findings) > len(sv.findings)
    assert {f.status for f in everything.findings} >= {"satisfied"}


@pytest.mark.parametrize("file,verdict,code,violated", EXPECTED, ids=[r[0] for r in EXPECTED])
def test_bundled_agreements(file, verdict, code, violated):
    report = avtal.check(AGREEMENTS / file, all=True)
    assert report.verdict == verdict
    assert report.exit_code == int(code)
    want = [] if violated == "-" else violated.split(",")
    assert sorted({f.rule for f in report.violations}) == want


@pytest.mark.parametrize("file,path,needle", MALFORMED_EXPECTED, ids=[r[0] for r in MALFORMED_EXPECTED])
def test_malformed_documents_raise_with_their_path(file, path, needle):
    with pytest.raises(avtal.InvalidDocumentError) as caught:
        avtal.check(MALFORMED / file, lang="en")
    e = caught.value
    assert isinstance(e, ValueError) and e.exit_code == 2
    assert e.problems, "the problems are carried"
    assert any(p.path == path for p in e.problems), [p.path for p in e.problems]
    assert needle in e.errors
    assert all(p.source == str(MALFORMED / file) for p in e.problems)


def test_batch_with_a_bad_line_keeps_the_good_reports():
    lines = (SOURCE / "tests" / "cli" / "batch.jsonl").read_text(encoding="utf-8")
    with pytest.raises(avtal.InvalidDocumentError) as caught:
        avtal.check_all(lines)
    e = caught.value
    assert [p.path for p in e.problems] == ["/parties/0/kind"]
    assert e.problems[0].index == 1
    assert [r.agreement for r in e.reports][-1] == "line-3"
    with pytest.raises(ValueError):
        avtal.check((SOURCE / "tests" / "cli" / "batch-array.json").read_text(encoding="utf-8"))
    reports = avtal.check_all([json.loads(NORRSTROM.read_text(encoding="utf-8"))] * 3)
    assert [r.verdict for r in reports] == ["ok"] * 3


def test_date_override_and_invalid_options():
    report = avtal.check(NORRSTROM, date=datetime.date(2026, 6, 1))
    assert report.assessment_date == datetime.date(2026, 6, 1)
    assert avtal.check(NORRSTROM, date="2024-05-02").assessment_date == datetime.date(2024, 5, 2)
    with pytest.raises(avtal.OptionError):
        avtal.check(NORRSTROM, date="2024-02-30")
    with pytest.raises(avtal.OptionError):
        avtal.check(NORRSTROM, lang="de")
    with pytest.raises(avtal.OptionError):
        avtal.render(NORRSTROM, format="html")
    with pytest.raises(TypeError):
        avtal.check(42)


def test_thresholds_what_if():
    reform = SOURCE / "examples" / "thresholds" / "raised-general-limit.json"
    payroll = AGREEMENTS / "what-if-payroll.json"
    before = avtal.check(payroll)
    after = avtal.check(payroll, thresholds=reform)
    assert [p.outcome for p in before.procurement] != [p.outcome for p in after.procurement]
    with pytest.raises(avtal.OptionError):
        avtal.check(payroll, thresholds="[]")
    table = avtal.thresholds(date="2024-03-01")
    assert any(Decimal(str(r["amount"])) == Decimal("8109450") for r in table["rows"])
    with pytest.raises(avtal.OptionError):
        avtal.thresholds(date="2010-01-01")


def test_allocate_forms_explain():
    lines = avtal.allocate(AGREEMENTS / "ostergotland-hvb.json")
    assert any(line.own_share for line in lines)
    assert all(isinstance(line.amount, Decimal) for line in lines)
    rec = avtal.forms(SOURCE / "tests" / "cli" / "needs-quick.json")
    assert rec["schema"] == "avtal-forms/1" and rec["suitable"]
    assert "2 kap. 6 § kommunallagen" in avtal.explain("compensation.no_profit")
    assert "Law: 2 kap. 6 § kommunallagen" in avtal.explain("compensation.no_profit", lang="en")
    with pytest.raises(avtal.UnknownRuleError) as caught:
        avtal.explain("party.nonsense")
    assert isinstance(caught.value, LookupError) and "party.kind_allowed" in caught.value.errors


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_render_is_byte_identical_to_the_command_line(fmt, lang):
    for file in ("norrstrom-fjallviken.json", "flawed-overkompensation.json", "incomplete-hamburg-okand.json"):
        path = f"examples/agreements/{file}"
        expected = cli("check", path, "--format", fmt, "--lang", lang, "--all")
        assert avtal.render(SOURCE / path, format=fmt, lang=lang, all=True).encode("utf-8") == expected.stdout


def test_errors_are_byte_identical_to_the_command_line():
    path = "tests/malformed/ref-principal.json"
    expected = cli("check", path)
    with pytest.raises(avtal.InvalidDocumentError) as caught:
        avtal.check((SOURCE / path).read_bytes(), source=path)
    assert caught.value.errors.encode("utf-8") == expected.stderr


def test_many_threads_at_once():
    files = [AGREEMENTS / row[0] for row in EXPECTED]
    texts = [f.read_text(encoding="utf-8") for f in files]
    reference = [avtal.render(t, format="json", lang="en", all=True) for t in texts]
    start = threading.Barrier(16)

    def work(worker: int) -> int:
        start.wait()
        done = 0
        for i in range(60):
            k = (worker * 7 + i) % len(texts)
            assert avtal.render(texts[k], format="json", lang="en", all=True) == reference[k]
            assert avtal.check(texts[k]).verdict == json.loads(reference[k])["verdict"]
            done += 1
        return done

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        assert sum(pool.map(work, range(16))) == 16 * 60


def test_guide():
    assert "2A" in avtal.guide(NORRSTROM)
    assert avtal.guide(NORRSTROM, format="markdown", lang="en").encode("utf-8") == cli(
        "guide", "examples/agreements/norrstrom-fjallviken.json", "--format", "markdown", "--lang", "en"
    ).stdout
    guide = json.loads(avtal.guide(NORRSTROM, format="json"))
    assert guide["schema"] == "avtal-guide/1" and [s["code"] for s in guide["steps"]][:2] == ["1", "2A"]
    with pytest.raises(avtal.OptionError):
        avtal.guide(NORRSTROM, format="html")
    with pytest.raises(avtal.InvalidDocumentError):
        avtal.guide({"schema": "avtal/1", "partys": []})


def test_the_example_of_the_documentation_runs(capsys, monkeypatch):
    page = (SOURCE / "docs" / "other-languages.md").read_text(encoding="utf-8")
    code = page.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(SOURCE)
    exec(compile(code, "docs/other-languages.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ok"
    assert out[1] == "familjebehandling exempt yes"
    assert out[-1].startswith("[('/partys', ")
