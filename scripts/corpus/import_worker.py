"""Byte-compiles and imports generated backends, one after the other, in one process.

Reads one JSON request a line on stdin, `{"dir": "<backend folder>"}`, and answers each with
one JSON line on stdout:

    {"compile": [{"file", "line", "message"}...], "imports": {"app.main": null | "<error>", ...},
     "mappers": null | "<error>"}

Each backend is imported with its folder first on sys.path; afterwards every module loaded from
that folder is dropped from sys.modules, so the next backend's `app` is imported afresh. Output of
the imported code goes to stderr: stdout carries the answers only.
"""

import json
import os
import sys
import threading
import time
import traceback
from importlib import import_module, invalidate_caches
from pathlib import Path
from typing import Any

MODULES = ("app.main", "app.infrastructure.models")
SKIPPED_DIRS = {".venv", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def python_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        found.extend(Path(folder) / name for name in sorted(files) if name.endswith(".py"))
    return found


def byte_compile(root: Path) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    for file in python_files(root):
        try:
            compile(file.read_bytes(), str(file), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None)
            message = f"{type(error).__name__}: {getattr(error, 'msg', str(error))}"
            errors.append({"file": str(file.relative_to(root)), "line": line, "message": message})
    return errors


def describe(error: BaseException, root: Path) -> str:
    """The exception's last line, and the innermost frame inside the backend."""
    where = ""
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.startswith(str(root)):
            where = f" (at {os.path.relpath(frame.filename, root)}:{frame.lineno})"
    text = traceback.format_exception_only(type(error), error)[-1].strip()
    return text + where


def loaded_from(root: Path) -> list[str]:
    prefix = str(root) + os.sep
    names = []
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) or ""
        paths = list(getattr(module, "__path__", None) or [])
        if file.startswith(prefix) or any(str(p).startswith(prefix) for p in paths):
            names.append(name)
    return names


def configure_mappers(models: Any) -> None:
    """Configures the registries of the exported models (relationship errors surface here)."""
    mapped = [cls for cls in vars(models).values() if isinstance(cls, type) and hasattr(cls, "__mapper__")]
    registries = {id(cls.registry): cls.registry for cls in mapped}
    for registry in registries.values():
        registry.configure(cascade=True)


def check(root: Path) -> dict[str, Any]:
    answer: dict[str, Any] = {"compile": byte_compile(root), "imports": {}, "mappers": None}
    if answer["compile"]:
        return answer
    sys.path.insert(0, str(root))
    invalidate_caches()
    try:
        for name in MODULES:
            try:
                import_module(name)
                answer["imports"][name] = None
            except BaseException as error:  # noqa: BLE001  (SystemExit too: report, keep serving)
                answer["imports"][name] = describe(error, root)
        if answer["imports"].get("app.infrastructure.models") is None:
            try:
                configure_mappers(sys.modules["app.infrastructure.models"])
            except Exception as error:  # noqa: BLE001
                answer["mappers"] = describe(error, root)
    finally:
        sys.path.remove(str(root))
        for name in loaded_from(root):
            del sys.modules[name]
    return answer


def exit_with_parent() -> None:
    """Ends the worker when the sweep that started it is gone (even in the middle of an import)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def main() -> None:
    exit_with_parent()
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # whatever the imported code prints goes to stderr
    sys.stdout = sys.stderr
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            answer = check(Path(request["dir"]).resolve())
        except BaseException as error:  # noqa: BLE001
            answer = {"worker": "".join(traceback.format_exception(error))}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
