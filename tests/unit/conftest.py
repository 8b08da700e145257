"""Pure tests: no Plone layer. Asking for a layer fixture here is a collection error."""

import pytest


LAYER_FIXTURES = {
    "app",
    "portal",
    "functional_portal",
    "integration",
    "functional",
    "request_factory",
    "browser_session",
    "installer",
    "get_fti",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/unit/" not in item.nodeid:
            continue
        used = LAYER_FIXTURES & set(getattr(item, "fixturenames", ()))
        if used:
            raise pytest.UsageError(
                f"{item.nodeid} uses {sorted(used)}: move it out of tests/unit"
            )
