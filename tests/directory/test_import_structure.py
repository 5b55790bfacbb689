"""The importer's structure: no import cycle between its modules, and the pause of the cyclic
garbage collector never reaches another thread."""

from __future__ import annotations

import ast
import gc
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory_client.importer.gc_pause import gc_paused
from tests.paths import ROOT

PACKAGE = ROOT / "directory_client"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, known: set[str]) -> set[str]:
    """Modules of the package imported when ``path`` is imported (typing-only imports too: a
    cycle hidden behind TYPE_CHECKING is still a cycle of knowledge)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    statements = list(tree.body)
    while statements:
        node = statements.pop()
        if isinstance(node, ast.If):
            statements += node.body + node.orelse
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                found.add(dotted if dotted in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in known}


def _cycles(graph: dict[str, set[str]]) -> Iterator[list[str]]:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> Iterator[list[str]]:
        state[node] = 1
        path.append(node)
        for child in sorted(graph.get(node, ())):
            if state.get(child) == 1:
                yield path[path.index(child) :] + [child]
            elif child not in state:
                yield from visit(child)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            yield from visit(node)


def test_the_importer_modules_import_each_other_without_a_cycle():
    files = sorted((PACKAGE / "importer").glob("*.py"))
    known = {_module_name(f) for f in files}
    graph = {_module_name(f): _top_level_imports(f, known) for f in files}
    # The package's __init__ re-exports import_files: an edge to run, not a cycle.
    graph["directory_client.importer"] = set()
    assert "directory_client.importer.writer" in graph["directory_client.importer.run"]
    assert list(_cycles(graph)) == []


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


LONE_THREAD = """
import gc
from directory_client.importer.gc_pause import gc_paused

gc.enable()
with gc_paused() as paused:
    print(paused, gc.isenabled())
print(gc.isenabled())
try:
    with gc_paused():
        raise RuntimeError("the import failed")
except RuntimeError:
    pass
print(gc.isenabled())
"""


def test_a_lone_importing_thread_pauses_the_collector_then_restores_it():
    """In a fresh interpreter (this test process runs other threads): paused during the block,
    on again after it, also when the import fails."""
    done = subprocess.run(
        [sys.executable, "-c", LONE_THREAD], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[:3] == ["True False", "True", "True"]


def test_the_collector_is_left_alone_while_another_thread_runs(collector_restored):
    gc.enable()
    stop = threading.Event()
    seen: list[bool] = []
    server = threading.Thread(target=lambda: (stop.wait(5), seen.append(gc.isenabled())))
    server.start()
    try:
        with gc_paused() as paused:
            assert not paused
            assert gc.isenabled()
            stop.set()
            server.join()
    finally:
        stop.set()
        server.join()
    assert seen == [True]


def test_a_collector_switched_off_by_the_caller_stays_off(collector_restored):
    gc.disable()
    with gc_paused() as paused:
        assert not paused
    assert not gc.isenabled()
