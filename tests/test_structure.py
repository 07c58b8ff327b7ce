"""The package's structure: no import cycles, no module-level caches, small files.

The cycle check follows every ``import`` statement, also those inside functions and under
``TYPE_CHECKING``: a function-local import hides a cycle from Python but not from a reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "literacy_app"
MIGRATIONS = "literacy_app.storage.migrations"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the package modules it imports (a package's ``__init__`` counts as the package)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                targets = ([base] if node.module else []) + [f"{base}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name and not t.startswith(MIGRATIONS))
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module that are not just a package and
    its own submodule (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                packages = {m for m in component if (PACKAGE.parent / m.replace(".", "/") / "__init__.py").exists()}
                if len(component) - len(packages) > 1:
                    found.append(sorted(component))
    return found


def test_the_package_has_no_import_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_check_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def _module_level_mutables(path: Path) -> list[str]:
    """Names bound at module level to an empty dict/list/set or decorated with functools.cache."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = getattr(node, "value", None)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        empty = (isinstance(value, (ast.Dict, ast.List, ast.Set)) and not getattr(value, "keys", getattr(value, "elts", None))
                 ) or (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                       and value.func.id in ("dict", "list", "set", "OrderedDict") and not value.args)
        if empty:
            found += [ast.unparse(target) for target in targets]
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if "cache" in ast.unparse(decorator):
                    found.append(f"{node.name} (@{ast.unparse(decorator)})")
    return found


ALLOWED_PROCESS_CACHES = {
    "literacy_app/reporting/rendering/html.py": {"environment (@functools.cache)"},
    "literacy_app/services/accounts.py": {"_dummy_hash (@functools.cache)"},
    "literacy_app/wire.py": {"adapter (@functools.cache)"},
}
"""Process-wide caches that hold no data of any database: the Jinja environment (templates), the
dummy password hash that evens out login timing, and the pydantic adapters per record type."""


def test_no_module_level_cache_of_database_data():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        names = set(_module_level_mutables(path)) - ALLOWED_PROCESS_CACHES.get(relative, set())
        if names:
            found[relative] = sorted(names)
    assert found == {}, "caches of database data belong to the Database (storage.uow), not to a module"


LONG_FILES = {
    "literacy_app/core/i18n.py": "the Japanese/English message catalogue: data, one entry a line",
    "literacy_app/ui/trainer/controller.py": "Qt's tr() context is the class name lupdate sees; a mixin split "
                                             "would file the strings under another context",
}
"""Files allowed past ~400 lines, each with the reason; anything else that long is two rooms."""


def test_no_file_over_400_lines_without_a_reason():
    long = {path.relative_to(PACKAGE.parent).as_posix() for path in PACKAGE.rglob("*.py")
            if len(path.read_text(encoding="utf-8").splitlines()) > 400}
    assert long <= set(LONG_FILES), sorted(long - set(LONG_FILES))
