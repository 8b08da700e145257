"""Upgrade steps: one per profile version after 1000 (the first release)."""

from plone import api


PROFILE_ID = "profile-tongliao.disclosure:default"


def reload_profile_steps(context, *steps):
    """Re-import the named import steps of the default profile (e.g. "typeinfo")."""
    setup = api.portal.get_tool("portal_setup")
    for step in steps:
        setup.runImportStepFromProfile(PROFILE_ID, step)
