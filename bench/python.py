"""Python's cost per call over the C API (issue 15), for bench/run.sh:
medians (ns of CPU time per call, as the C API's figure beside it) of the raw ctypes call of avtal_check() (JSON in and
out, bytes copied out), of avtal.render(format="json") (the same as a str)
and of avtal.check() (also parsing the report into a Report), on the
Norrström–Fjällviken agreement.
    python3 bench/python.py LIBAVTAL SOURCE_DIR"""
import os
import statistics
import sys
import time

lib, source = sys.argv[1], sys.argv[2]
os.environ["AVTAL_LIBRARY"] = lib
sys.path.insert(0, os.path.join(source, "src", "bindings", "python"))
import avtal  # noqa: E402
from avtal import _native  # noqa: E402

text = open(os.path.join(source, "examples", "agreements", "norrstrom-fjallviken.json"), encoding="utf-8").read()
data = text.encode("utf-8")


def median_ns(f, calls=2000, rounds=15):
    f()
    per_call = []
    for _ in range(rounds):
        start = time.process_time_ns()
        for _ in range(calls):
            f()
        per_call.append((time.process_time_ns() - start) / calls)
    return statistics.median(per_call)


def raw():
    _native.call("check", data, _native.options("sv", "json"))


print(f"py_ctypes_avtal_check {median_ns(raw):.0f}")
print(f"py_render_json {median_ns(lambda: avtal.render(text, format='json')):.0f}")
print(f"py_check_report {median_ns(lambda: avtal.check(text)):.0f}")
