"""The picture a shared link shows (og:image, twitter:image).

Plone's social viewlet uses the site logo (registry ``plone.site_logo``) and,
when none is set, the Plone logo. On install (and upgrade 1003) a site without
a logo of its own gets the government emblem as a 400 × 400 PNG (messengers
do not show SVG); a logo set in the site settings is never replaced.
"""

from pathlib import Path
from plone import api
from plone.formwidget.namedfile.converter import b64encode_file


SHARE_IMAGE = Path(__file__).parent / "browser" / "static" / "emblem-share.png"
LOGO_RECORD = "plone.site_logo"


def ensure_share_image():
    """Set the emblem as site logo unless the site has one; True when set."""
    if api.portal.get_registry_record(LOGO_RECORD, default=None):
        return False
    api.portal.set_registry_record(
        LOGO_RECORD, b64encode_file("emblem-share.png", SHARE_IMAGE.read_bytes())
    )
    return True
