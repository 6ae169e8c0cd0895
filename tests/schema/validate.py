#!/usr/bin/python3
"""The avtal/1 JSON Schema under a real validator (python3-jsonschema):
every bundled agreement is valid; every malformed document whose problem
the schema can express is rejected, with an error at the problem's path or
at the object that holds it.

usage: validate.py SCHEMA EXAMPLES_DIR MALFORMED_DIR
"""
import json
import pathlib
import sys

import jsonschema

# What a schema cannot say, by problem code: references between ids, sums,
# repeated ids or JSON keys (a JSON parser keeps one), facts allowed only
# for some kinds of party, and the reader's own limits.
NOT_EXPRESSIBLE = {"dangling_reference", "bad_shares", "repeated_id", "repeated_key", "not_allowed_here", "contradiction", "too_large",
                   "syntax", "empty_document"}
# Documents whose code the schema can express in general but not here.
NOT_EXPRESSIBLE_HERE = {
    "amount-three-decimals.json": "a JSON number's decimals (multipleOf 0.01 is inexact in binary floating point)",
    "amount-exponent.json": "how a JSON number is written (1e6 is the number 1000000)",
    "amount-overflow.json": "the largest amount avtal computes with",
    "weight-seven-decimals.json": "a JSON number's decimals",
    "overflow-cost-bears-share.json": "a sum of amounts",
    "overflow-cost.json": "a sum of amounts",
    "overflow-cost-and-tolerance.json": "a sum of amounts",
    "overflow-fixed-shares.json": "a weight under one key only (fixed_shares)",
    "overflow-tolerance-percent.json": "a percentage of a computed amount",
    "overflow-per-task-money.json": "a sum of amounts",
    "overflow-annual-values.json": "a sum of amounts",
}


def strict_load(path):
    """The document as Python values, or None when it is not strict JSON."""
    def no_constant(name):
        raise ValueError(name)

    try:
        return json.loads(path.read_bytes().decode("utf-8"), parse_constant=no_constant)
    except (UnicodeDecodeError, ValueError):
        return None


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def main(schema_file, examples, malformed):
    schema = json.loads(pathlib.Path(schema_file).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    failures = []
    agreements = sorted(pathlib.Path(examples).glob("*.json"))
    for f in agreements:
        for e in validator.iter_errors(json.loads(f.read_text(encoding="utf-8"))):
            failures.append(f"{f.name}: {pointer(e.absolute_path)}: {e.message}")
    rejected = skipped = 0
    rows = [line.split("\t") for line in (pathlib.Path(malformed) / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines() if line]
    for name, path, _, code in rows:
        doc = strict_load(pathlib.Path(malformed) / name)
        if name in NOT_EXPRESSIBLE_HERE:
            # Listed as beyond the schema: it must really be accepted, or the list is stale.
            if doc is not None and not validator.is_valid(doc):
                failures.append(f"{name}: the schema now rejects it; take it out of NOT_EXPRESSIBLE_HERE")
            skipped += 1
            continue
        if code in NOT_EXPRESSIBLE:
            skipped += 1
            continue
        if doc is None:
            failures.append(f"{name}: not strict JSON, but its problem ({code}) is not a syntax error")
            continue
        errors = list(validator.iter_errors(doc))
        at = [pointer(e.absolute_path) for e in errors]
        if not errors:
            failures.append(f"{name}: the reader rejects it ({code} at {path}) but the schema accepts it")
        elif not any(path == p or path.startswith(p + "/") for p in at):
            failures.append(f"{name}: the schema rejects it at {at}, not at {path} or above")
        else:
            rejected += 1
    for f in failures:
        print(f, file=sys.stderr)
    print(f"{len(agreements)} bundled agreements valid; {rejected} malformed documents rejected, {skipped} whose problem a schema "
          f"cannot express")
    return 1 if failures or not agreements or not rejected else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
