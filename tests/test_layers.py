"""The shape of the code: imports go down the layers, no module imports itself in a circle,
no module grows past 400 lines. Read from the source with `ast`, so it holds for every
import, however late or lazy."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Source folder → the import name the wheel gives it (pyproject's package-dir).
PACKAGES = {"translate": "bitexto.translate", "summarize": "bitexto.summarize", "bitexto": "bitexto",
            "webapp": "bitexto.webapp"}
# Most specific first: the Spanish reading layer is the bottom of the core.
LAYERS = ("bitexto.translate.spanish", "bitexto.translate", "bitexto.summarize", "bitexto.webapp", "bitexto")
# What each layer may import of the others (its own package always).
ALLOWED = {
    # The reading layer raises the core's errors and imports nothing else of the project.
    "bitexto.translate.spanish": {"bitexto.translate.errors"},
    "bitexto.translate": {"bitexto.translate.spanish"},
    "bitexto.summarize": {"bitexto.translate", "bitexto.translate.spanish"},
    "bitexto": {"bitexto.translate", "bitexto.translate.spanish", "bitexto.summarize"},
    "bitexto.webapp": {"bitexto"},
}
# The surface reaches the core only for its domain types and errors; everything else it
# asks of the application (bitexto/), which imports the core.
SURFACE_DOMAIN_MODULES = {"bitexto.translate.document", "bitexto.translate.errors"}
# The one door from the application up to the surface: `bitexto serve` starts the web app.
SERVE_COMMAND = "bitexto/cli/serve.py"
MAX_LINES = 400


def module_name(path: Path) -> str:
    folder, *parts = path.relative_to(ROOT).with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "__init__" else parts
    return ".".join([PACKAGES[folder], *parts])


def layer_of(module: str) -> str:
    return next(layer for layer in LAYERS if module == layer or module.startswith(layer + "."))


def source_files() -> list[Path]:
    return sorted(path for folder in PACKAGES for path in (ROOT / folder).rglob("*.py"))


def imported_modules(source: str, package: str, modules: set[str] | None = None) -> set[str]:
    """Every module `source` (a module of `package`) imports at run time, as absolute
    names, wherever the import statement is. Imports only for type checkers (under
    `if TYPE_CHECKING:`) are left out; `from pkg import mod` of a submodule counts as
    importing the submodule (and pkg's __init__ only if a name comes from it)."""
    tree = ast.parse(source)
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                   for statement in block.body for node in ast.walk(statement)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            submodules = {f"{module}.{alias.name}" for alias in node.names}
            if modules is not None:
                submodules &= modules
            found.update(submodules)
            if modules is None or len(submodules) < len(node.names):
                found.add(module)
    return found


def project_imports(path: Path, modules: set[str]) -> set[str]:
    """The project's own modules that `path` imports."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    source = path.read_text(encoding="utf-8")
    return {name for name in imported_modules(source, package, modules) if name in modules}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    files = source_files()
    modules = {module_name(path) for path in files}
    return {module_name(path): project_imports(path, modules) - {module_name(path)} for path in files}


def test_the_reader_finds_the_project(graph):
    assert len(graph) > 80
    assert any(name.startswith("bitexto.translate.") for name in graph["bitexto.summarize.quotes"])
    assert "bitexto.webapp" in graph["bitexto.cli.serve"]


def test_imports_go_down_the_layers(graph):
    wrong = []
    for module, imports in graph.items():
        layer = layer_of(module)
        for name in imports:
            target = layer_of(name)
            if target == layer or target in ALLOWED[layer] or name in ALLOWED[layer]:
                continue
            if layer == "bitexto.webapp" and name in SURFACE_DOMAIN_MODULES:
                continue
            if module_name(ROOT / SERVE_COMMAND) == module and target == "bitexto.webapp":
                continue
            wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_no_import_circles(graph):
    """No module reaches itself through imports."""

    def edges(module: str) -> set[str]:
        return graph[module]

    circles = []
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for name in sorted(edges(module)):
            if state.get(name) == 1:
                circles.append(" -> ".join(stack[stack.index(name):] + [name]))
            elif name not in state:
                visit(name)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert circles == []


def test_no_module_is_over_400_lines():
    long = {str(path.relative_to(ROOT)): lines for path in source_files()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_reader_sees_lazy_and_relative_imports():
    source = ("from typing import TYPE_CHECKING\nfrom . import segment\nif TYPE_CHECKING:\n"
              "    from bitexto.webapp import store\n\ndef later():\n    from bitexto.settings import Settings\n")
    found = imported_modules(source, "bitexto.translate",
                             {"bitexto.translate.segment", "bitexto.settings", "bitexto.webapp.store"})
    assert {"bitexto.settings", "bitexto.translate.segment"} <= found
    assert "bitexto.webapp.store" not in found and "bitexto.webapp" not in found
