#!/usr/bin/env python3
"""Checks `avtal portfolio` from outside the library.

money AVTAL AGREEMENTS_DIR
    Recomputes Lund's money totals for the year from the bundled lund-*.json
    agreements with exact fractions and its own largest-remainder
    allocation (SPEC §6 and §9: the report's allocation splits
    money_per_year over the principals by the key, or, when the contractor
    bears a share, the full cost over every weighted party), and compares
    them to the öre with the JSON report.
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


def lund_expected(folder):
    pays = receives = own = in_kind = Fraction(0)
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
        for p, v in parts.items():
            if p == contractor:
                own += v
            elif contractor == "lund":
                receives += v
            elif p == "lund":
                pays += v
        if contractor == "lund":
            in_kind += ore(c.get("in_kind_value_per_year", 0))
    return {k: f"{int(v) // 100}.{int(v) % 100:02d}" for k, v in
            {"pays": pays, "receives": receives, "own_share": own, "in_kind_received": in_kind}.items()}


def run(avtal, *args):
    p = subprocess.run([avtal, "portfolio", *args], capture_output=True, check=False)
    if p.returncode != 0:
        sys.exit(f"avtal portfolio {' '.join(args)}: exit {p.returncode}\n{p.stderr.decode()}")
    return p.stdout


def money(avtal, folder):
    report = json.loads(run(avtal, "--party", "lund", "--year", "2025", "--format", "json", folder))
    expected = lund_expected(folder)
    got = {k: report["totals"][k] for k in expected}
    if got != expected:
        sys.exit(f"Lund's totals differ:\n  report   {got}\n  expected {expected}")
    # Per agreement too: each agreement's receipts are its principals' lines.
    if len(report["agreements"]) != 6:
        sys.exit(f"expected Lund's six cooperations, got {[a['id'] for a in report['agreements']]}")
    print(f"Lund 2025: {got}")


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
