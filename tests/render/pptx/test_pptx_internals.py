"""python-pptx's private names are used in one module only, for the python-pptx versions it was written for.

The scan reads every module of the package with :mod:`ast` and reports a
python-pptx private name wherever it appears outside ``pptx_internals``: an
attribute (``part._rels``), an import (``_PhysPkgWriter``), a name passed to
``getattr`` and friends, and a private hook overridden in a subclass of a
python-pptx class. Our own ``self._x``, defined in the class that uses it, is
not python-pptx's even where python-pptx has a private name alike.
"""

from __future__ import annotations

import ast
import tomllib
from functools import cache
from pathlib import Path

import pptx
import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

import sinoru_brief
from sinoru_brief.render.pptx import pptx_internals

PACKAGE = Path(sinoru_brief.__file__).parent
INTERNALS = Path(pptx_internals.__file__)
PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"
_ATTRIBUTE_CALLS = {"getattr", "setattr", "hasattr", "delattr"}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@cache
def pptx_private_names() -> frozenset[str]:
    """Return every private name python-pptx defines: functions, classes, methods, attributes and globals."""
    names = set()
    for path in Path(pptx.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = node.name
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                name = node.attr
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                name = node.id
            else:
                continue
            if _private(name):
                names.add(name)
    return frozenset(names)


def _pptx_imports(tree: ast.Module) -> set[str]:
    """Return the names a module binds by importing from python-pptx."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pptx":
            bound.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names if a.name.split(".")[0] == "pptx")
    return bound


def _base_name(node: ast.expr) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _defined_in(cls: ast.ClassDef) -> set[str]:
    """Return the names *cls* defines: its methods, class attributes and ``self.x`` it assigns."""
    names = set()
    for node in cls.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    for node in ast.walk(cls):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("self", "cls")
        ):
            names.add(node.attr)
    return names


def private_uses(source: str) -> list[tuple[int, str]]:
    """Return (line, name) for each use of a python-pptx private name in *source*."""
    tree = ast.parse(source)
    theirs = pptx_private_names()
    from_pptx = _pptx_imports(tree)
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, own: set[str]) -> None:
        if isinstance(node, ast.ClassDef):
            own = _defined_in(node)
            if any(_base_name(base) in from_pptx for base in node.bases):
                # A subclass of python-pptx's: what it defines under a private name of theirs overrides it.
                found.extend((node.lineno, name) for name in sorted(own & theirs))
                own = set()
        elif isinstance(node, ast.Attribute) and node.attr in theirs:
            mine = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls") and node.attr in own
            if not mine:
                found.append((node.lineno, node.attr))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pptx":
            found.extend((node.lineno, alias.name) for alias in node.names if _private(alias.name))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _ATTRIBUTE_CALLS
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value in theirs
        ):
            found.append((node.lineno, str(node.args[1].value)))
        for child in ast.iter_child_nodes(node):
            visit(child, own)

    visit(tree, set())
    return found


def test_only_the_internals_module_uses_python_pptx_private_names():
    uses = [
        f"{path.relative_to(PACKAGE)}:{line}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != INTERNALS
        for line, name in private_uses(path.read_text(encoding="utf-8"))
    ]
    assert uses == [], "python-pptx private names outside pptx_internals.py:\n" + "\n".join(uses)


def test_the_internals_module_is_where_the_private_names_are():
    # Were the scan blind, the test above would pass for nothing.
    assert {name for _, name in private_uses(INTERNALS.read_text(encoding="utf-8"))} >= {
        "_rels",
        "_element",
        "_add_relationship",
        "_add_sldId",
        "_PhysPkgWriter",
        "_parts",
        "_workbook_writer",
        "_open_worksheet",
    }


@pytest.mark.parametrize(
    "source",
    [
        "def f(package):\n    return package._rels\n",
        "from pptx.opc.serialized import _PhysPkgWriter\n",
        "def f(part):\n    return getattr(part, '_element', None)\n",
        "from pptx.chart.data import CategoryChartData\n"
        "class Data(CategoryChartData):\n    @property\n    def _workbook_writer(self):\n        return None\n",
        "from pptx.opc.serialized import PackageWriter\n"
        "class Writer(PackageWriter):\n    def parts(self):\n        return self._parts\n",
    ],
)
def test_the_scan_finds_a_private_use(source):
    assert private_uses(source)


def test_the_scan_passes_our_own_private_attributes():
    # _parts, _element and _rels are python-pptx names too, but these are the class's own.
    source = (
        "class Mine:\n"
        "    def __init__(self):\n        self._parts = []\n        self._element = None\n"
        "    def _rels(self):\n        return self._parts, self._element\n"
        "    def all(self):\n        return self._rels()\n"
    )
    assert private_uses(source) == []


def pinned_range() -> SpecifierSet:
    """Return the python-pptx versions pyproject.toml allows."""
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    (pin,) = [Requirement(d) for d in dependencies if Requirement(d).name == "python-pptx"]
    return pin.specifier


def test_the_internals_were_written_for_the_pinned_range():
    assert SpecifierSet(pptx_internals.WRITTEN_FOR) == pinned_range()


def test_the_installed_python_pptx_is_one_the_internals_were_written_for():
    assert pptx.__version__ in SpecifierSet(pptx_internals.WRITTEN_FOR), (
        f"python-pptx {pptx.__version__} is installed; pptx_internals.py was written for "
        f"{pptx_internals.WRITTEN_FOR}: check each function against the new version's source"
    )
