"""The JSON object of a write request to our own REST services, and the
error body they answer with.

Like plone.restapi's write services they take no CSRF token; instead they
accept only a body sent as ``application/json``, which a cross-site HTML form
cannot send (the browser would ask this site first).
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from zope.i18n import translate
from zope.interface import alsoProvides


ERROR_TYPES = {
    400: "BadRequest",
    403: "Forbidden",
    404: "NotFound",
    429: "TooManyRequests",
}


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


def json_error(request, status, message, **extra):
    """Set ``status`` and return ``{"error": {"type", "message", **extra}}``
    with ``message`` translated for the request."""
    request.response.setStatus(status)
    text = translate(message, context=request)
    return {
        "error": {"type": ERROR_TYPES.get(status, "Error"), "message": text, **extra}
    }
