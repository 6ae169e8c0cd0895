#!/usr/bin/env python3
"""Checks `avtal portfolio` from outside the library.

money AVTAL AGREEMENTS_DIR
    Recomputes Lund's money totals for the year from the bundled lund-*.json
    agreements with exact fractions and its own largest-remainder
    allocation (SPEC §6 and §9: the report's allocation splits
    money_per_year over the principals by the key, or, when the contractor
    bears a share, the full cost over every weighted party), and compares
    them to the öre with the JSON report, in total and per agreement; and
    compares Lund's cooperations (by title, with their parties) with seed
    000 ch. 4.
deterministic AVTAL AGREEMENTS_DIR OUTDIR
    Writes the HTML and SVG reports twice, requires identical bytes, and
    parses the SVG with an XML parser.
"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from fractions import Fraction
from pathlib import Path


def ore(x):
    """Kronor (int, Decimal or str) as a Fraction of öre."""
    return Fraction(Decimal(str(x))) * 100


def allocate(amount_ore, weights):
    """Hamilton: floor of each exact share, the left-over öre to the largest
    remainders, ties to the earlier party."""
    total = sum(weights)
    exact = [amount_ore * w / total for w in weights]
    parts = [q.numerator // q.denominator for q in exact]
    left = int(amount_ore - sum(parts))
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def kronor(v):
    """Öre as the report writes kronor: "1234.50"."""
    v = int(v)
    return f"{'-' if v < 0 else ''}{abs(v) // 100}.{abs(v) % 100:02d}"


def lund_expected(folder):
    """Lund's totals for the year, and per agreement what Lund receives,
    bears itself and what the service costs in full."""
    pays = receives = own = in_kind = Fraction(0)
    per_agreement = {}
    for path in sorted(Path(folder).glob("lund-*.json")):
        a = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        c = a["compensation"]
        task = a["tasks"][0]
        contractor = task["contractor"]
        principals = {p for t in a["tasks"] for p in t["principals"]}
        bears = c.get("contractor_bears_share", False)
        # The weighted parties, in agreement order: the principals (and the contractor when it bears a share).
        parties = [p["id"] for p in a["parties"] if p["id"] in principals or (bears and p["id"] == contractor)]
        given = c["allocation"]["weights"]
        if given is None:
            population = {p["id"]: p["population"] for p in a["parties"]}
            weights = [Fraction(population[p]) for p in parties]
        else:
            weights = [Fraction(Decimal(str(given[p]))) for p in parties]
        amount = sum(ore(v) for v in c["cost_per_year"].values()) if bears else ore(c["money_per_year"])
        parts = dict(zip(parties, allocate(amount, weights)))
        if contractor == "lund":
            per_agreement[a["id"]] = {
                "receives": kronor(sum(v for p, v in parts.items() if p != contractor)),
                "own_share": kronor(parts.get(contractor, 0)),
                "full_cost": kronor(sum(ore(v) for v in c["cost_per_year"].values())),
            }
        for p, v in parts.items():
            if p == contractor:
                own += v
            elif contractor == "lund":
                receives += v
            elif p == "lund":
                pays += v
        if contractor == "lund":
            in_kind += ore(c.get("in_kind_value_per_year", 0))
    totals = {k: kronor(v) for k, v in {"pays": pays, "receives": receives, "own_share": own, "in_kind_received": in_kind}.items()}
    return totals, per_agreement


# Seed 000 ch. 4 (SKR 2023, "Avtalssamverkan kring olika socialtjänstinsatser"):
# the six cooperations of Lund's Rapport om avtalssamverkan 2022 and the
# municipalities (and Region Skåne, named for Mariamottagningen and as
# primary care for Unga vuxna) the text says take part, Lund included.
SEED_CH4 = {
    "Barnahus": {"burlov", "eslov", "horby", "hoor", "kavlinge", "lomma", "lund", "staffanstorp"},
    "Kriscentrum": {"burlov", "eslov", "hoor", "kavlinge", "lomma", "lund", "staffanstorp"},
    "Social Jour": {"hoor", "eslov", "kavlinge", "lund", "staffanstorp"},
    "Unga vuxna": {"kavlinge", "lund", "staffanstorp", "region_skane"},
    "Mariamottagning": {"lund", "lomma", "kavlinge", "burlov", "eslov", "horby", "hoor", "region_skane"},
    "Familjerådgivning": {"kavlinge", "lomma", "lund", "staffanstorp", "burlov", "hoor"},
}


def cooperations(report):
    """The report's cooperations: {seed name: set of party ids}, by the title."""
    out = {}
    for a in report["agreements"]:
        names = [n for n in SEED_CH4 if n.lower() in a["title"].lower()]
        if len(names) != 1:
            sys.exit(f"{a['id']}: title {a['title']!r} names {names} of seed ch. 4's six")
        parties = {"lund"}
        for t in a["tasks"]:
            parties |= {c["id"] if isinstance(c, dict) else c for c in t["counterparties"]}
        out[names[0]] = parties
    return out


def run(avtal, *args):
    p = subprocess.run([avtal, "portfolio", *args], capture_output=True, check=False)
    if p.returncode != 0:
        sys.exit(f"avtal portfolio {' '.join(args)}: exit {p.returncode}\n{p.stderr.decode()}")
    return p.stdout


def money(avtal, folder):
    expected, per_agreement = lund_expected(folder)
    # As the acceptance runs it (the latest assessment year), and for 2025.
    for args in ((), ("--year", "2025")):
        report = json.loads(run(avtal, "--party", "lund", *args, "--format", "json", folder))
        got = {k: report["totals"][k] for k in expected}
        if got != expected:
            sys.exit(f"Lund's totals differ ({args}):\n  report   {got}\n  expected {expected}")
        # Per agreement too: Lund's receipts, its own share and the full cost.
        for a in report["agreements"]:
            lines = [m for m in a["money"] if m["role"] == "contractor" and m["contractor"] == "lund"]
            got_a = {k: lines[0][k] for k in ("receives", "own_share", "full_cost")} if len(lines) == 1 else lines
            if got_a != per_agreement.get(a["id"]):
                sys.exit(f"{a['id']}: report {got_a}, expected {per_agreement.get(a['id'])}")
        if set(per_agreement) != {a["id"] for a in report["agreements"]}:
            sys.exit(f"agreements: report {[a['id'] for a in report['agreements']]}, expected {sorted(per_agreement)}")
        if cooperations(report) != SEED_CH4:
            sys.exit(f"Lund's cooperations differ from seed 000 ch. 4:\n  report {cooperations(report)}\n  seed   {SEED_CH4}")
    print(f"Lund {report['year']}: {got}; six cooperations as seed 000 ch. 4, per agreement to the öre")


def deterministic(avtal, folder, outdir):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for fmt in ("html", "svg"):
        for lang in ("sv", "en"):
            first = run(avtal, "--party", "lund", "--format", fmt, "--lang", lang, folder)
            second = run(avtal, "--party", "lund", "--format", fmt, "--lang", lang, folder)
            if first != second:
                sys.exit(f"{fmt} {lang}: two runs differ")
            (out / f"portfolio-lund.{lang}.{fmt}").write_bytes(first)
            if fmt == "svg":
                root = ET.fromstring(first)
                if root.tag != "{http://www.w3.org/2000/svg}svg":
                    sys.exit(f"svg root is {root.tag}")
                arrows = root.findall(".//{http://www.w3.org/2000/svg}path[@marker-end]")
                if len(arrows) != 32:  # 7 + 5 + 6 + 7 + 4 + 3 principals of Lund's six tasks
                    sys.exit(f"expected 32 arrows, got {len(arrows)}")
            else:
                # The drawing inside the HTML is the same SVG, well formed too.
                start, end = first.find(b"<svg"), first.find(b"</svg>") + len(b"</svg>")
                ET.fromstring(first[start:end])
    print("html and svg byte-identical across runs; svg well formed")


if __name__ == "__main__":
    {"money": money, "deterministic": deterministic}[sys.argv[1]](*sys.argv[2:])
