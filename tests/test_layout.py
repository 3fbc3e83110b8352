"""The package's layout is its pipeline: each stage imports only the stages before it, and no module cycles."""
import ast
from pathlib import Path

import plangraph

PACKAGE = Path(plangraph.__file__).parent
# documents → text → records → triples → store → web, then the two faces; errors and paths are shared leaves.
STAGES = ["leaf", "ingest", "read", "rdf", "store", "web", "face"]
LEAVES = {"errors", "paths"}
FACES = {"api", "cli", "__init__", "__main__"}


def module_name(path: Path) -> str:
    """``web/pages/kinds.py`` → ``web.pages.kinds``; a package's ``__init__.py`` → the package."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def stage(module: str) -> str:
    top = module.split(".")[0]
    if top in LEAVES:
        return "leaf"
    return "face" if top in FACES else top


def imports(path: Path) -> set[str]:
    """The plangraph modules ``path`` imports, anywhere in it (at the top or inside a function)."""
    package = list(path.relative_to(PACKAGE).parts[:-1])  # what a relative import starts from
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            names = [target] if node.module else [".".join(base + [a.name]) for a in node.names]
            found.update(n for n in names if n)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("plangraph."):
            found.add(node.module.removeprefix("plangraph."))
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("plangraph.") for a in node.names if a.name.startswith("plangraph."))
    return {m for m in found if (PACKAGE / (m.replace(".", "/") + ".py")).exists()
            or (PACKAGE / m.replace(".", "/") / "__init__.py").exists()}


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in sorted(package.rglob("*.py"))}


def wrong_way(edges: dict[str, set[str]]) -> list[str]:
    """Every import of a later stage by an earlier one."""
    order = {s: i for i, s in enumerate(STAGES)}
    return [f"{m} ({stage(m)}) imports {t} ({stage(t)})" for m, targets in edges.items() for t in sorted(targets)
            if order[stage(t)] > order[stage(m)]]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles, but a package's ``__init__`` registering its own submodules (Flask's blueprint idiom)."""
    follow = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in edges.items()}
    found, done = [], set()

    def visit(module, path):
        if module in path:
            found.append(path[path.index(module):] + [module])
            return
        if module in done:
            return
        for target in sorted(follow.get(module, ())):
            visit(target, path + [module])
        done.add(module)

    for module in sorted(follow):
        visit(module, [])
    return found


def test_every_module_is_in_a_known_stage():
    assert {stage(m) for m in graph()} <= set(STAGES)


def test_each_stage_imports_only_the_stages_before_it():
    assert wrong_way(graph()) == []


def test_no_module_imports_itself_round_a_cycle():
    assert cycles(graph()) == []


def test_the_checks_catch_a_wrong_way_import_and_a_cycle():
    edges = graph() | {"read.outline": {"store.query"}, "web.pages.a": {"web.pages.b"}, "web.pages.b": {"web.pages.a"}}
    assert wrong_way(edges) == ["read.outline (read) imports store.query (store)"]
    assert ["web.pages.a", "web.pages.b", "web.pages.a"] in cycles(edges)


def test_each_stage_says_what_goes_in_and_what_comes_out():
    for name in STAGES[1:-1]:
        doc = (PACKAGE / name / "__init__.py").read_text(encoding="utf-8")
        assert " in;" in doc and " out" in doc, f"plangraph/{name}/__init__.py: say what goes in and comes out"
