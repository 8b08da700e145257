"""Small helpers shared by the functional tests."""

import re


def authenticator(html):
    """The plone.protect CSRF token of the first form on a page."""
    match = re.search(r'<input[^>]*name="_authenticator"[^>]*value="([^"]+)"', html)
    if match is None:
        match = re.search(r'<input[^>]*value="([^"]+)"[^>]*name="_authenticator"', html)
    assert match, "no _authenticator on the page"
    return match.group(1)
