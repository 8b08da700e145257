"""Short-lived download links of an applicant's notices and receipt.

The link carries a signed token (case UID, file id, expiry) instead of the
tracking code and phone tail, so neither ends up in URLs, logs, history or
Referer. Signed with the site's ``plone.keyring`` secret (HMAC-SHA256); valid
for ``LINK_MINUTES`` after the lookup that produced it.
"""

from plone import api
from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility

import base64
import hashlib
import hmac
import time


LINK_MINUTES = 30


def _secret():
    return getUtility(IKeyManager).secret().encode()


def _sign(payload):
    return hmac.new(_secret(), payload.encode(), hashlib.sha256).hexdigest()[:32]


def make_token(app, file_id, now=None):
    expires = int((now or time.time()) + LINK_MINUTES * 60)
    payload = f"{api.content.get_uuid(app)}:{file_id}:{expires}"
    raw = f"{payload}:{_sign(payload)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read_token(token, now=None):
    """(case, file id) of a valid token, or None (bad, forged or expired)."""
    if not isinstance(token, str) or not token or len(token) > 300:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        uid, file_id, expires, signature = raw.split(":")
        expires = int(expires)
    except (ValueError, UnicodeDecodeError):
        return None
    payload = f"{uid}:{file_id}:{expires}"
    if not hmac.compare_digest(signature, _sign(payload)):
        return None
    if expires < (now or time.time()):
        return None
    with api.env.adopt_roles(["Manager"]):
        app = api.content.get(UID=uid)
    if app is None:
        return None
    return app, file_id
