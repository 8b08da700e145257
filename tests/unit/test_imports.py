"""Every module imports on its own: no import cycle hidden by import order.

Each module of the package is imported first, in a fresh interpreter state for
the package (third-party modules stay loaded, so this is fast); a cycle shows as
an ImportError naming the module.
"""

from pathlib import Path

import ast
import pytest
import subprocess
import sys


SCRIPT = """
import importlib, pkgutil, sys
import tongliao.disclosure as pkg
names = sorted(m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."))
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m.startswith("tongliao.disclosure")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {exc!r}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_module_imports_in_isolation():
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    count, *failed = result.stdout.strip().split("\n")
    assert int(count) > 70
    assert [line for line in failed if line] == []


def test_no_function_level_imports_of_the_package():
    """Imports of our own modules sit at module level (tests and testing aside)."""
    root = Path(__file__).parents[2] / "src" / "tongliao" / "disclosure"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "testing.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            stripped = line.lstrip()
            if line != stripped and stripped.startswith(
                ("from tongliao.", "import tongliao.")
            ):
                offenders.append(f"{path.relative_to(root)}:{number + 1}")
    assert offenders == []


PURE_MODULES = ("workdays.py", "deadlines.py")
PURE_ALLOWED = ("__future__", "chinese_calendar", "tongliao.disclosure.workdays")


@pytest.mark.parametrize("name", PURE_MODULES)
def test_calendar_and_deadline_engine_are_pure(name):
    """The working-day calendar and the deadline engine import no Plone or Zope."""
    path = Path(__file__).parents[2] / "src" / "tongliao" / "disclosure" / name
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    foreign = {
        module
        for module in imported
        if module.split(".")[0] not in sys.stdlib_module_names
        and not module.startswith(PURE_ALLOWED)
    }
    assert foreign == set()
