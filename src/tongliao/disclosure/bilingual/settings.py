"""Registry settings of the bilingual platform (tongliao.disclosure.bilingual.*)."""

from plone import api
from tongliao.disclosure import _
from zope import schema
from zope.interface import Interface


PREFIX = "tongliao.disclosure.bilingual"


class IBilingualSettings(Interface):
    site_title_mn = schema.TextLine(
        title=_("Site title in Mongolian"),
        description=_(
            "The platform's name in traditional Mongolian script, shown on the "
            "Mongolian pages beside the Chinese site title."
        ),
        required=False,
        default="",
    )


def site_title_mn():
    value = api.portal.get_registry_record(f"{PREFIX}.site_title_mn", default="")
    return (value or "").strip()
