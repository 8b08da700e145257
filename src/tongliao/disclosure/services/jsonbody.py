"""The JSON object of a write request to our own REST services.

Like plone.restapi's write services they take no CSRF token; instead they
accept only a body sent as ``application/json``, which a cross-site HTML form
cannot send (the browser would ask this site first).
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from zope.interface import alsoProvides


def json_object(request):
    """The request's JSON object, or None (not JSON, not an object)."""
    alsoProvides(request, IDisableCSRFProtection)
    content_type = (request.getHeader("Content-Type", "") or "").split(";")[0]
    if content_type.strip().lower() != "application/json":
        return None
    try:
        data = json_body(request)
    except Exception:
        return None
    return data if isinstance(data, dict) else None
