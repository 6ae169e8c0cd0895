"""Python's cost per call over the C API (issue 15), for bench/run.sh, on the
Norrström–Fjällviken agreement, JSON in and the JSON report out. Medians (ns
of CPU time per call, like the C API's figure beside it) of:
  py_raw_avtal_check     ctypes straight onto libavtal.so.1: avtal_check,
                         avtal_result_output, the bytes copied out, avtal_result_free
  py_ctypes_avtal_check  the package's own call (avtal._native.call: all three
                         strings copied and decoded)
  py_render_json         avtal.render(format="json"), the report as a str
  py_check_report        avtal.check(), also parsing the report into a Report
The rounds are interleaved (each round runs every variant, in a rotating
order), so that a machine whose load changes during the run weighs on all
of them alike; py_check_report - py_raw_avtal_check is then the package's
overhead measured in one process.
    python3 bench/python.py LIBAVTAL SOURCE_DIR"""
import ctypes
import os
import statistics
import sys
import time

lib_path, source = sys.argv[1], sys.argv[2]
os.environ["AVTAL_LIBRARY"] = lib_path
sys.path.insert(0, os.path.join(source, "src", "bindings", "python"))
import avtal  # noqa: E402
from avtal import _native  # noqa: E402

text = open(os.path.join(source, "examples", "agreements", "norrstrom-fjallviken.json"), encoding="utf-8").read()
data = text.encode("utf-8")

# The raw call: its own CDLL handle and declarations, nothing of the package.
raw_lib = ctypes.CDLL(lib_path)
raw_lib.avtal_check.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
raw_lib.avtal_check.restype = ctypes.c_int
raw_lib.avtal_result_output.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t)]
raw_lib.avtal_result_output.restype = ctypes.c_void_p
raw_lib.avtal_result_free.argtypes = [ctypes.c_void_p]
raw_lib.avtal_result_free.restype = None
raw_options = _native.options("sv", "json")
raw_options_p = ctypes.addressof(raw_options)


def raw():
    result = ctypes.c_void_p()
    if raw_lib.avtal_check(data, len(data), raw_options_p, ctypes.byref(result)) != 0:
        raise RuntimeError("avtal_check failed")
    n = ctypes.c_size_t()
    out = ctypes.string_at(raw_lib.avtal_result_output(result, ctypes.byref(n)), n.value)
    raw_lib.avtal_result_free(result)
    return out


variants = {
    "py_raw_avtal_check": raw,
    "py_ctypes_avtal_check": lambda: _native.call("check", data, _native.options("sv", "json")),
    "py_render_json": lambda: avtal.render(text, format="json"),
    "py_check_report": lambda: avtal.check(text),
}
assert raw().decode("utf-8") == avtal.render(text, format="json"), "the raw call answers as the package does"


def median_ns(calls=2000, rounds=15):
    names = list(variants)
    per_call = {name: [] for name in names}
    for f in variants.values():
        f()
    for r in range(rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            f = variants[name]
            start = time.process_time_ns()
            for _ in range(calls):
                f()
            per_call[name].append((time.process_time_ns() - start) / calls)
    return {name: statistics.median(v) for name, v in per_call.items()}


for name, ns in median_ns().items():
    print(f"{name} {ns:.0f}")
