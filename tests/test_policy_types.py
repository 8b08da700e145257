"""Smoke: the types install and a document can be created and published."""


def test_types_installed(portal, get_fti):
    for name in ("PolicyDocument", "PolicyInterpretation"):
        assert get_fti(name) is not None
