"""Content classes live in their feature packages; the old module paths stay.

Objects already stored in the ZODB name their class (and annotations such as
the index-number counter) by the module path at the time they were written;
the FTIs name the new paths, so new objects are pickled with those.
"""

from pathlib import Path
from xml.etree import ElementTree

import importlib
import pytest


TYPES = Path(__file__).parents[2] / "src" / "tongliao" / "disclosure" / "profiles"
TYPES = TYPES / "default" / "types"

ALIASES = [
    ("content.agency", "policy.agency", "DisclosureAgency"),
    ("content.agency", "policy.agency", "IDisclosureAgency"),
    ("content.policy_document", "policy.document", "PolicyDocument"),
    ("content.policy_document", "policy.document", "IPolicyDocument"),
    ("content.policy_interpretation", "policy.interpretation", "PolicyInterpretation"),
    ("content.policy_interpretation", "policy.interpretation", "IPolicyInterpretation"),
    ("content.section", "platform.section", "DisclosureSection"),
    ("content.section", "platform.section", "IDisclosureSection"),
    ("content.annual_report", "reports.content", "AnnualReport"),
    ("content.annual_report", "reports.content", "IAnnualReport"),
    ("content.directory", "directory.content", "StandardDirectory"),
    ("content.directory", "directory.content", "DirectoryCategory"),
    ("content.directory", "directory.content", "DirectoryItem"),
    ("content.guide", "directory.guide_content", "DisclosureGuide"),
    ("index_numbers", "policy.index_numbers", "IndexNumberCounter"),
    ("content.application", "applications.content", "DisclosureApplication"),
    ("content.application", "applications.content", "IDisclosureApplication"),
]


def _load(dotted):
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


@pytest.mark.parametrize("old,new,name", ALIASES)
def test_old_module_path_names_the_same_object(old, new, name):
    prefix = "tongliao.disclosure."
    assert _load(f"{prefix}{old}.{name}") is _load(f"{prefix}{new}.{name}")


@pytest.mark.parametrize("fti", sorted(TYPES.glob("*.xml")), ids=lambda p: p.stem)
def test_fti_names_the_defining_module(fti):
    """klass and schema name the module that defines them, not an alias."""
    props = {
        p.get("name"): p.text
        for p in ElementTree.parse(fti).getroot().findall("property")
    }
    for key in ("klass", "schema"):
        dotted = props[key]
        if not dotted.startswith("tongliao."):
            continue
        obj = _load(dotted)
        assert obj.__module__ == dotted.rpartition(".")[0], (key, dotted)
