"""nerx: people, titles, organisations, places and dates from news text.

A ctypes binding of the installed C library (libnerx.so.0): no compiler
step. Each document comes back as the dict the nerx command writes (schema
v1, docs/output-schema.md).

    extract(text, dct=None, id=None) -> dict
    pipe(texts, threads=1, dct=None) -> iterator of dicts, in input order

The model (the gazetteers) is loaded once, at the first call, and shared by
every thread; ctypes releases the GIL while the C code runs, so pipe()
extracts on `threads` cores at once.
"""
import collections
import ctypes
import ctypes.util
import json
import os
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

__all__ = ["extract", "pipe", "NerxError", "library_path"]
__version__ = "0.1.0"


class NerxError(Exception):
    """A document or the model could not be processed (the C library's message)."""


# ---- the C structures this binding fills (include/nerx.h) -------------------

class _Error(ctypes.Structure):
    _fields_ = [("status", ctypes.c_int), ("file", ctypes.c_char * 256), ("line", ctypes.c_size_t),
                ("column", ctypes.c_size_t), ("message", ctypes.c_char * 512)]


class _ModelOptions(ctypes.Structure):
    _fields_ = [("gazetteer_dir", ctypes.c_char_p), ("extra_files", ctypes.POINTER(ctypes.c_char_p)),
                ("n_extra_files", ctypes.c_size_t)]


class _Options(ctypes.Structure):
    _fields_ = [("dct", ctypes.c_char_p), ("dct_source", ctypes.c_char_p), ("date_order", ctypes.c_int),
                ("attached_titles_only", ctypes.c_int), ("time_stages", ctypes.c_int),
                ("fields", ctypes.POINTER(ctypes.c_char_p)), ("n_fields", ctypes.c_size_t),
                ("window_bytes", ctypes.c_size_t)]


def _candidates():
    """Where libnerx.so.0 may be, in the order tried."""
    env = os.environ.get("NERX_LIBRARY")
    if env:
        yield env
    try:
        libdir = subprocess.run(["pkg-config", "--variable=libdir", "nerx"], capture_output=True, text=True,
                                timeout=10).stdout.strip()
        if libdir:
            yield os.path.join(libdir, "libnerx.so.0")
    except (OSError, subprocess.SubprocessError):
        pass
    found = ctypes.util.find_library("nerx")
    if found:
        yield found
    yield "libnerx.so.0"


def _load_library():
    tried = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{path} ({e})")
            continue
        lib.nx_version.restype = ctypes.c_char_p
        lib.nx_model_options_init.argtypes = [ctypes.POINTER(_ModelOptions)]
        lib.nx_model_load.argtypes = [ctypes.POINTER(_ModelOptions), ctypes.POINTER(ctypes.c_void_p),
                                      ctypes.POINTER(_Error)]
        lib.nx_model_free.argtypes = [ctypes.c_void_p]
        lib.nx_options_init.argtypes = [ctypes.POINTER(_Options)]
        lib.nx_extract.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                   ctypes.POINTER(_Options), ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(_Error)]
        lib.nx_document_free.argtypes = [ctypes.c_void_p]
        lib.nx_document_to_json.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.nx_document_to_json.restype = ctypes.c_void_p
        lib.nx_free.argtypes = [ctypes.c_void_p]
        lib.nx_is_date.argtypes = [ctypes.c_char_p]
        return lib, path
    raise NerxError("libnerx.so.0 not found; tried " + "; ".join(tried) +
                    ". Install nerx (cmake --install) or set NERX_LIBRARY to the library's path.")


_lock = threading.Lock()
_state = {}


def _model():
    """The library and the model, loaded at the first call."""
    with _lock:
        if "model" not in _state:
            lib, path = _load_library()
            mo = _ModelOptions()
            lib.nx_model_options_init(ctypes.byref(mo))
            gaz = os.environ.get("NERX_GAZETTEERS")
            if gaz:
                mo.gazetteer_dir = gaz.encode()
            model, err = ctypes.c_void_p(), _Error()
            if lib.nx_model_load(ctypes.byref(mo), ctypes.byref(model), ctypes.byref(err)) != 0:
                raise NerxError(_message(err))
            _state.update(lib=lib, path=path, model=model)
        return _state["lib"], _state["model"]


def _message(err):
    where = err.file.decode("utf-8", "replace")
    msg = err.message.decode("utf-8", "replace")
    return f"{where}: {msg}" if where else msg


def library_path():
    """The path of the libnerx the binding loaded."""
    _model()
    return _state["path"]


def extract(text, dct=None, id=None):
    """The entities, mentions and facts of one text, as the nerx command's
    JSON object (a dict). `dct` is the document's date, "YYYY-MM-DD", for
    relative and partial dates. Raises NerxError for a text nerx cannot
    process (empty, binary) and ValueError for a malformed dct."""
    lib, model = _model()
    if dct is not None and not lib.nx_is_date(dct.encode()):
        raise ValueError(f"dct must be a date written YYYY-MM-DD: {dct!r}")
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    opts = _Options()
    lib.nx_options_init(ctypes.byref(opts))
    if dct is not None:
        opts.dct = dct.encode()
    doc, err = ctypes.c_void_p(), _Error()
    ident = None if id is None else str(id).encode()
    if lib.nx_extract(model, data, len(data), ident, ctypes.byref(opts), ctypes.byref(doc), ctypes.byref(err)) != 0:
        raise NerxError(_message(err))
    try:
        out = lib.nx_document_to_json(doc, 0)
        if not out:
            raise MemoryError("nerx: out of memory writing the document")
        try:
            return json.loads(ctypes.string_at(out).decode("utf-8"))
        finally:
            lib.nx_free(out)
    finally:
        lib.nx_document_free(doc)


def pipe(texts, threads=1, dct=None):
    """extract() over an iterable of texts on `threads` threads, yielding one
    dict per text in input order; a text nerx cannot process yields the
    error record the command writes ({"id": ..., "error": ...}), so records
    in = records out."""
    if threads < 1:
        raise ValueError("threads must be 1 or more")

    def one(item):
        i, text = item
        try:
            return extract(text, dct=dct, id=str(i))
        except NerxError as e:
            return {"id": str(i), "error": str(e)}

    # a bounded window of texts in flight: an endless iterable streams
    with ThreadPoolExecutor(max_workers=threads) as pool:
        window = collections.deque()
        for item in enumerate(texts):
            window.append(pool.submit(one, item))
            if len(window) >= 4 * threads:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
