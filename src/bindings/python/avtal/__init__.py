"""avtal for Python: checks of Swedish inter-municipal contract cooperation
(kommunal avtalssamverkan, 9 kap. 37 § kommunallagen) over the C API of
libavtal.so.1, with the standard library's ctypes only.

>>> import avtal
>>> report = avtal.check(open("norrstrom-fjallviken.json").read())
>>> report.verdict
'ok'
>>> [f.rule for f in report.violations]
[]

Every function is safe to call from many threads at once; the library
releases the GIL while it works. Bad input raises ``InvalidDocumentError``
carrying the problems (each with its JSON path); an unknown rule id raises
``UnknownRuleError``; an invalid option raises ``OptionError``.
"""

from __future__ import annotations

import datetime
import json as _json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional, Union

from . import _native

__all__ = [
    "AvtalError",
    "InvalidDocumentError",
    "UnknownRuleError",
    "OptionError",
    "Problem",
    "Finding",
    "Procurement",
    "AllocationLine",
    "Report",
    "check",
    "check_all",
    "render",
    "allocate",
    "thresholds",
    "forms",
    "explain",
    "guide",
    "version",
    "abi_version",
]

#: A document: a parsed JSON value (dict or list), JSON text, UTF-8 bytes, or a path to a file.
Document = Union[dict, list, str, bytes, "os.PathLike[str]"]


# ---- errors ------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One problem of an unreadable document (from ``avtal-error/1``)."""

    source: str  #: The input's name (a file name, ``-``).
    index: int  #: Which document of the input, from 0 (for a batch).
    path: str  #: The JSON path of the problem, e.g. ``/parties/0/kind``; empty for the whole document.
    message: str  #: What is wrong, in English.
    input_sha256: Optional[str] = None  #: The document's SHA-256, when it could be hashed.


class AvtalError(Exception):
    """Base of avtal's errors: carries the exit code and the messages."""

    def __init__(self, message: str, exit_code: int = 2, errors: str = "", problems: Optional[list[Problem]] = None):
        super().__init__(message)
        self.exit_code = exit_code  #: The command line's exit code (2).
        self.errors = errors  #: The problems for a person, one per line (``source: /path: message``).
        self.problems: list[Problem] = problems or []  #: The problems, structured.


class InvalidDocumentError(AvtalError, ValueError):
    """A document could not be read: ``problems`` says where and why. For a
    batch, ``reports`` holds the reports of the documents that were read."""

    def __init__(self, message: str, exit_code: int = 2, errors: str = "", problems=None, reports=None):
        super().__init__(message, exit_code, errors, problems)
        self.reports: list[Report] = reports or []


class UnknownRuleError(AvtalError, LookupError):
    """``explain`` of an id that is no rule or procurement exception."""


class OptionError(AvtalError, ValueError):
    """An invalid option: a language other than sv/en, an unknown format, a
    date that is not an existing YYYY-MM-DD, or a bad threshold table."""


# ---- reports -----------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One rule's outcome on one subject (a finding of ``avtal-report/1``)."""

    rule: str  #: The rule id, e.g. ``compensation.no_profit``.
    status: str  #: ``satisfied``, ``violated`` or ``unknown``.
    severity: str  #: ``requirement``, ``recommendation``, ``info`` …
    subject: str  #: The JSON path of what it is about, e.g. ``/tasks/0``.
    citation: str  #: The legal source, e.g. ``2 kap. 6 § kommunallagen (2017:725)``.
    message: str  #: What it means, in the report's language.
    missing: tuple[str, ...] = ()  #: The JSON paths of facts the rule lacked.
    data: dict = field(default_factory=dict, compare=False, repr=False)  #: The finding as JSON.


@dataclass(frozen=True)
class Procurement:
    """Whether a task must be procured under LOU, and why (``procurement`` of the report)."""

    task: str  #: The task id.
    outcome: str  #: ``required``, ``exempt`` or ``undetermined``.
    exceptions: tuple[dict, ...]  #: Each exception's id, value (yes/no/unknown) and explanation.
    missing: tuple[str, ...] = ()  #: Facts that would decide it.
    notes: tuple[str, ...] = ()  #: Notes for the official.
    data: dict = field(default_factory=dict, compare=False, repr=False)  #: The entry as JSON.

    def exception(self, exception_id: str) -> Optional[str]:
        """The value (``yes``, ``no``, ``unknown``) of one exception, e.g. ``exception.direct_award``."""
        for e in self.exceptions:
            if e.get("id") == exception_id:
                return e.get("value")
        return None


@dataclass(frozen=True)
class AllocationLine:
    """A party's yearly share of the compensation, exact to the öre."""

    party: str  #: The party id.
    amount: Decimal  #: Kronor, two decimals.
    contractor: Optional[str] = None  #: The contractor paid, when the agreement has several.
    own_share: bool = False  #: A contractor's own part.


class Report:
    """The report of one agreement (``avtal-report/1``)."""

    def __init__(self, data: dict, exit_code: int, text: str):
        self.data: dict = data  #: The whole report as parsed JSON.
        self.json: str = text  #: The report as the library wrote it (one line of JSON).
        self.exit_code: int = exit_code  #: 0 ok, 1 violations, 3 incomplete.
        self.agreement: str = data.get("agreement", "")  #: The agreement's id.
        self.verdict: str = data["verdict"]  #: ``ok``, ``violations`` or ``incomplete``.
        date = data.get("assessment_date")
        #: The day assessed (None when the agreement gives none and no date was passed).
        self.assessment_date: Optional[datetime.date] = datetime.date.fromisoformat(date) if date else None
        self.findings: list[Finding] = [
            Finding(
                rule=f["rule"],
                status=f["status"],
                severity=f["severity"],
                subject=f.get("subject", ""),
                citation=f.get("citation", ""),
                message=f.get("message", ""),
                missing=tuple(f.get("missing", ())),
                data=f,
            )
            for f in data.get("findings", [])
        ]
        self.procurement: list[Procurement] = [
            Procurement(
                task=p["task"],
                outcome=p["outcome"],
                exceptions=tuple(p.get("exceptions", ())),
                missing=tuple(p.get("missing", ())),
                notes=tuple(p.get("notes", ())),
                data=p,
            )
            for p in data.get("procurement", [])
        ]
        self.allocation: list[AllocationLine] = [_allocation_line(a) for a in data.get("allocation", [])]
        self.receipt: dict = data.get("receipt", {})  #: Versions, thresholds used and the input's SHA-256.

    @property
    def ok(self) -> bool:
        """True when nothing is violated and nothing undetermined."""
        return self.verdict == "ok"

    @property
    def violations(self) -> list[Finding]:
        """The violated findings."""
        return [f for f in self.findings if f.status == "violated"]

    def __repr__(self) -> str:
        return f"<avtal.Report {self.agreement} {self.verdict}: {len(self.violations)} violated>"


def _allocation_line(a: dict) -> AllocationLine:
    return AllocationLine(
        party=a["party"], amount=Decimal(a["amount"]), contractor=a.get("contractor"), own_share=bool(a.get("own_share", False))
    )


# ---- calls -------------------------------------------------------------------


def _document(doc: Document) -> tuple[bytes, Optional[str]]:
    """The document's bytes and, for a file, its name."""
    if isinstance(doc, (dict, list)):
        return _json.dumps(doc, ensure_ascii=False).encode("utf-8"), None
    if isinstance(doc, str):
        return doc.encode("utf-8"), None
    if isinstance(doc, (bytes, bytearray, memoryview)):
        return bytes(doc), None
    if isinstance(doc, os.PathLike):
        path = os.fspath(doc)
        with open(path, "rb") as f:
            return f.read(), str(path)
    raise TypeError(f"a document is a dict, list, str, bytes or path, not {type(doc).__name__}")


def _call(
    command: str,
    doc: Optional[Document],
    *,
    lang: str = "sv",
    fmt: str = "text",
    all_findings: bool = False,
    date: Union[None, str, datetime.date] = None,
    thresholds: Optional[Document] = None,
    source: Optional[str] = None,
) -> _native.Answer:
    if lang not in _native.LANGS:
        raise OptionError(f"unknown language {lang!r} (sv or en)")
    if fmt not in _native.FORMATS:
        raise OptionError(f"unknown format {fmt!r} (text, json or markdown)")
    data, name = _document(doc) if doc is not None else (None, None)
    date_bytes = None
    if date is not None:
        date_bytes = (date.isoformat() if isinstance(date, datetime.date) else str(date)).encode("utf-8")
    table, table_name = _document(thresholds) if thresholds is not None else (None, None)
    source_name = source or name
    opts = _native.options(
        lang,
        fmt,
        all_findings,
        date_bytes,
        table,
        source_name.encode("utf-8") if source_name else None,
        (table_name or "thresholds").encode("utf-8") if table is not None else None,
    )
    try:
        answer = _native.call(command, data, opts)
    except _native.NativeError as e:
        if e.status == _native.ERROR_INVALID_OPTION:
            raise OptionError(f"invalid option ({e}): date {date!r}" if date is not None else f"invalid option ({e})") from None
        if e.status == _native.ERROR_OUT_OF_MEMORY:
            raise MemoryError(str(e)) from None
        raise AvtalError(f"avtal: {e}") from None
    if table is not None and answer.exit_code == 2 and not answer.output and not answer.problems:
        raise OptionError("the threshold table cannot be read:\n" + answer.errors, errors=answer.errors)
    return answer


def _problems(text: str) -> list[Problem]:
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        e = _json.loads(line)
        for p in e.get("problems", []):
            out.append(
                Problem(
                    source=e.get("source", ""),
                    index=int(e.get("index", 0)),
                    path=p.get("path", ""),
                    message=p.get("message", ""),
                    input_sha256=e.get("input_sha256"),
                )
            )
    return out


def _raise_bad_input(answer: _native.Answer, reports=None) -> None:
    problems = _problems(answer.problems)
    first = answer.errors.splitlines()[0] if answer.errors else "bad input"
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise InvalidDocumentError(first + more, answer.exit_code, answer.errors, problems, reports)


def _reports(answer: _native.Answer) -> list[Report]:
    reports = []
    for line in answer.output.splitlines():
        if line:
            data = _json.loads(line)
            if data.get("schema") == "avtal-error/1":
                continue  # an unreadable document's place in the batch; its problems come with the answer
            reports.append(Report(data, _verdict_code(data["verdict"]), line))
    return reports


def _verdict_code(verdict: str) -> int:
    return {"ok": 0, "violations": 1, "incomplete": 3}.get(verdict, 2)


def check(
    doc: Document,
    lang: str = "sv",
    *,
    all: bool = False,
    date: Union[None, str, datetime.date] = None,
    thresholds: Optional[Document] = None,
    source: Optional[str] = None,
) -> Report:
    """Checks one agreement and returns its report.

    ``doc`` is the agreement (``avtal-agreement/1``) as a dict, JSON text,
    bytes or a path. ``all`` keeps satisfied findings too; ``date``
    overrides the agreement's ``assessment_date``; ``thresholds`` is a
    threshold table document that replaces or extends the built-in
    direct-award limits. Raises ``InvalidDocumentError`` when the document
    cannot be read, ``ValueError`` when it holds more than one agreement
    (use ``check_all``).
    """
    answer = _call("check", doc, lang=lang, fmt="json", all_findings=all, date=date, thresholds=thresholds, source=source)
    if answer.exit_code == 2:
        _raise_bad_input(answer)
    reports = _reports(answer)
    if len(reports) != 1:
        raise ValueError(f"check() takes one agreement; the document holds {len(reports)} (use check_all)")
    return reports[0]


def check_all(
    docs: Union[Document, list],
    lang: str = "sv",
    *,
    all: bool = False,
    date: Union[None, str, datetime.date] = None,
    thresholds: Optional[Document] = None,
    source: Optional[str] = None,
) -> list[Report]:
    """Checks every agreement of a batch (a list, a JSON array or JSON
    Lines) and returns the reports in order. When some document cannot be
    read, raises ``InvalidDocumentError`` with the problems and, in
    ``reports``, the reports of the others."""
    answer = _call("check", docs, lang=lang, fmt="json", all_findings=all, date=date, thresholds=thresholds, source=source)
    reports = _reports(answer)
    if answer.exit_code == 2:
        _raise_bad_input(answer, reports)
    return reports


def render(
    doc: Document,
    format: str = "markdown",
    lang: str = "sv",
    *,
    all: bool = False,
    date: Union[None, str, datetime.date] = None,
    thresholds: Optional[Document] = None,
    source: Optional[str] = None,
) -> str:
    """The report(s) of ``doc`` as the ``avtal check`` command writes them:
    ``markdown`` (a decision memo), ``text`` or ``json``."""
    answer = _call("check", doc, lang=lang, fmt=format, all_findings=all, date=date, thresholds=thresholds, source=source)
    if answer.exit_code == 2:
        _raise_bad_input(answer)
    return answer.output


def allocate(doc: Document, *, date: Union[None, str, datetime.date] = None) -> list[AllocationLine]:
    """Each party's yearly share of the agreement's compensation, exact to the öre."""
    answer = _call("allocate", doc, fmt="json", date=date)
    if answer.exit_code == 2:
        _raise_bad_input(answer)
    return [_allocation_line(a) for a in _json.loads(answer.output)]


def thresholds(*, date: Union[None, str, datetime.date] = None, table: Optional[Document] = None) -> dict:
    """The direct-award limits (``avtal-thresholds/1``) of the built-in table
    or of ``table``: every row, or those in force on ``date``. Raises
    ``OptionError`` for a date with no confirmed limit."""
    answer = _call("thresholds", None, fmt="json", date=date, thresholds=table)
    if answer.exit_code == 2:
        raise OptionError(answer.errors.strip(), errors=answer.errors)
    return _json.loads(answer.output)


def forms(needs: Document, lang: str = "sv") -> dict:
    """The forms of cooperation suited to a need (``avtal-needs/1``), best first (``avtal-forms/1``)."""
    answer = _call("forms", needs, lang=lang, fmt="json")
    if answer.exit_code == 2:
        _raise_bad_input(answer)
    return _json.loads(answer.output)


def explain(rule_id: str, lang: str = "sv") -> str:
    """A rule's or procurement exception's id, severity, texts and citation, as text."""
    answer = _call("explain", rule_id.encode("utf-8"), lang=lang)
    if answer.exit_code == 2:
        raise UnknownRuleError(f"unknown rule {rule_id}", answer.exit_code, answer.errors)
    return answer.output


def guide(doc: Document, lang: str = "sv", format: str = "text") -> str:
    """SKR's method guide for the agreement (steps 1–4 with their checklist
    items), with the progress the check decides: ``text``, ``markdown`` or
    ``json`` (``avtal-guide/1``)."""
    answer = _call("guide", doc, lang=lang, fmt=format)
    if answer.exit_code == 2:
        if not answer.problems:
            raise OptionError(answer.errors.strip(), errors=answer.errors)
        _raise_bad_input(answer)
    return answer.output


def version() -> str:
    """The library's version, e.g. ``1.0.0``."""
    return _native.library().avtal_version().decode("utf-8")


def abi_version() -> int:
    """The library's ABI version (the 1 of libavtal.so.1)."""
    return _native.library().avtal_abi_version()
