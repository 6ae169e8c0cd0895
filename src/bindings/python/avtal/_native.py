"""The C API of libavtal.so.1 (include/avtal/avtal.h) through ctypes.

Nothing here is public: use the functions of the ``avtal`` package. The
library is found, in this order, at the path in the ``AVTAL_LIBRARY``
environment variable, by ``ctypes.util.find_library("avtal")``, and as
``libavtal.so.1`` on the dynamic loader's path (``LD_LIBRARY_PATH``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from dataclasses import dataclass
from typing import Optional

ABI_VERSION = 1

# avtal_status
OK = 0
ERROR_NULL_ARGUMENT = 1
ERROR_INVALID_OPTION = 2
ERROR_OUT_OF_MEMORY = 3
ERROR_INTERNAL = 4

LANGS = {"sv": 0, "en": 1}
FORMATS = {"text": 0, "json": 1, "markdown": 2}


# The texts of an avtal_options, in the struct's order: each is a pointer
# `name` and its length `name_len`.
TEXTS = ("date", "thresholds", "source", "thresholds_source")


class Options(ctypes.Structure):
    """struct avtal_options, field for field."""

    _fields_ = [
        ("size", ctypes.c_size_t),
        ("lang", ctypes.c_int32),
        ("format", ctypes.c_int32),
        ("all", ctypes.c_int32),
        ("reserved", ctypes.c_int32),
    ] + [field for name in TEXTS for field in ((name, ctypes.c_char_p), (name + "_len", ctypes.c_size_t))]


@dataclass(frozen=True)
class Answer:
    """What a command gave back: the fields of an avtal_result, copied."""

    exit_code: int
    output: str
    errors: str
    problems: str


class NativeError(Exception):
    """A call that did not run: its avtal_status and description."""

    def __init__(self, status: int, text: str):
        super().__init__(text)
        self.status = status


_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None


def _candidates() -> list[str]:
    explicit = os.environ.get("AVTAL_LIBRARY")
    if explicit:
        return [explicit]
    names = []
    found = ctypes.util.find_library("avtal")
    if found:
        names.append(found)
    names.append("libavtal.so.1")
    return names


def _declare(lib: ctypes.CDLL) -> None:
    result_p = ctypes.POINTER(ctypes.c_void_p)
    options_p = ctypes.POINTER(Options)
    size_p = ctypes.POINTER(ctypes.c_size_t)
    for name in ("avtal_check", "avtal_allocate", "avtal_forms", "avtal_explain", "avtal_guide"):
        f = getattr(lib, name)
        f.argtypes = [ctypes.c_char_p, ctypes.c_size_t, options_p, result_p]
        f.restype = ctypes.c_int
    lib.avtal_thresholds.argtypes = [options_p, result_p]
    lib.avtal_thresholds.restype = ctypes.c_int
    lib.avtal_result_exit_code.argtypes = [ctypes.c_void_p]
    lib.avtal_result_exit_code.restype = ctypes.c_int
    for name in ("avtal_result_output", "avtal_result_problems", "avtal_result_errors"):
        f = getattr(lib, name)
        f.argtypes = [ctypes.c_void_p, size_p]
        f.restype = ctypes.c_void_p
    lib.avtal_result_free.argtypes = [ctypes.c_void_p]
    lib.avtal_result_free.restype = None
    lib.avtal_status_string.argtypes = [ctypes.c_int]
    lib.avtal_status_string.restype = ctypes.c_char_p
    lib.avtal_version.argtypes = []
    lib.avtal_version.restype = ctypes.c_char_p
    lib.avtal_abi_version.argtypes = []
    lib.avtal_abi_version.restype = ctypes.c_int


def library() -> ctypes.CDLL:
    """The loaded library (loaded once, on first use, from any thread)."""
    global _lib
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is None:
            tried = []
            for name in _candidates():
                try:
                    lib = ctypes.CDLL(name)
                except OSError as e:
                    tried.append(f"{name}: {e}")
                    continue
                _declare(lib)
                abi = lib.avtal_abi_version()
                if abi != ABI_VERSION:
                    raise OSError(f"{name} has ABI version {abi}; this package needs {ABI_VERSION}")
                _lib = lib
                break
            else:
                raise OSError(
                    "libavtal.so.1 not found (set AVTAL_LIBRARY to its path, or install it where the "
                    "dynamic loader finds it): " + "; ".join(tried)
                )
    return _lib


def _text(lib: ctypes.CDLL, accessor, result) -> str:
    n = ctypes.c_size_t(0)
    p = accessor(result, ctypes.byref(n))
    return ctypes.string_at(p, n.value).decode("utf-8") if p and n.value else ""


def call(command: str, document: Optional[bytes], options: Options) -> Answer:
    """Runs one command of the C API and copies its result out."""
    lib = library()
    result = ctypes.c_void_p()
    if command == "thresholds":
        status = lib.avtal_thresholds(ctypes.byref(options), ctypes.byref(result))
    else:
        doc = document if document is not None else b""
        status = getattr(lib, "avtal_" + command)(doc, len(doc), ctypes.byref(options), ctypes.byref(result))
    if status != OK:
        raise NativeError(status, lib.avtal_status_string(status).decode("utf-8"))
    try:
        return Answer(
            exit_code=lib.avtal_result_exit_code(result),
            output=_text(lib, lib.avtal_result_output, result),
            errors=_text(lib, lib.avtal_result_errors, result),
            problems=_text(lib, lib.avtal_result_problems, result),
        )
    finally:
        lib.avtal_result_free(result)


def options(
    lang: str,
    fmt: str,
    all_findings: bool = False,
    date: Optional[bytes] = None,
    thresholds: Optional[bytes] = None,
    source: Optional[bytes] = None,
    thresholds_source: Optional[bytes] = None,
) -> Options:
    """An avtal_options; the byte strings must outlive the call (the caller holds them)."""
    o = Options()
    o.size = ctypes.sizeof(Options)
    o.lang = LANGS[lang]
    o.format = FORMATS[fmt]
    o.all = 1 if all_findings else 0
    for name, text in zip(TEXTS, (date, thresholds, source, thresholds_source)):
        if text is not None:
            setattr(o, name, text)
            setattr(o, name + "_len", len(text))
    return o
