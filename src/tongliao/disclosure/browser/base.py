"""Shared pieces of the add-on's public views: dates, vocabulary titles, listings."""

from AccessControl import getSecurityManager
from plone import api
from Products.Five.browser import BrowserView
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.validators import _as_date
from urllib.parse import quote


def chinese_date(value):
    """2021年3月5日 (GB/T 9704: no leading zeros)."""
    day = _as_date(value)
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def download(response, data, content_type, filename):
    """Answer ``data`` as a file download named ``filename`` (may be Chinese:
    RFC 6266 ``filename*``); returns ``data`` for the view to return."""
    response.setHeader("Content-Type", content_type)
    response.setHeader(
        "Content-Disposition", f"attachment; filename*=UTF-8''{quote(filename)}"
    )
    response.setHeader("Content-Length", str(len(data)))
    return data


class _Base(BrowserView):
    def is_staff(self):
        return bool(
            getSecurityManager().checkPermission("Modify portal content", self.context)
        )

    def contents(self, portal_types=None):
        """Children as brains (never woken), in folder order."""
        query = {
            "path": {"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            "sort_on": "getObjPositionInParent",
        }
        if portal_types:
            query["portal_type"] = portal_types
        return api.content.find(**query)

    chinese_date = staticmethod(chinese_date)

    def catalogue_url(self):
        """The catalogue of the enclosing agency, else of the site."""
        agency = find_agency(self.context)
        base = agency if agency is not None else api.portal.get()
        return f"{base.absolute_url()}/@@disclosure-catalog"
