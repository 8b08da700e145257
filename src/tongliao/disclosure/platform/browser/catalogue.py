"""政府信息公开目录: the catalogue page, its CSV export and its feed.

All three read the same ``tongliao.disclosure.platform.catalogue.search`` with the same
GET parameters, so a shared URL, a download and a subscription agree.
"""

from datetime import datetime
from datetime import time
from email.utils import format_datetime
from plone import api
from Products.Five.browser import BrowserView
from tongliao.disclosure import _
from tongliao.disclosure.bilingual.vocabulary import localize_facets
from tongliao.disclosure.browser.base import download
from tongliao.disclosure.chinatime import CHINA_TZ
from tongliao.disclosure.platform import catalogue
from tongliao.disclosure.platform.browser.listing import listing_rows
from tongliao.disclosure.platform.catalogue import CatalogueQuery
from tongliao.disclosure.platform.catalogue import InvalidParameter
from xml.sax.saxutils import escape
from zope.i18n import translate

import csv
import io


FACET_LABELS = (
    ("subject", _("Subject category")),
    ("agency", _("Issuing agency")),
    ("kind", _("Document kind")),
    ("year", _("Year")),
    ("validity", _("Validity")),
)

CSV_COLUMNS = (
    ("index_number", _("Index number")),
    ("title", _("Title")),
    ("document_number", _("Document number")),
    ("issuing_agency", _("Issuing agency")),
    ("date_written", _("Date written")),
    ("published", _("Date published")),
    ("validity_title", _("Validity")),
    ("url", _("Link")),
)

FEED_SIZE = 50


class _CatalogueBase(BrowserView):
    error = None

    def parse(self):
        try:
            return CatalogueQuery.from_params(self.request.form)
        except InvalidParameter as error:
            self.error = _(error.args[0])
            self.request.response.setStatus(400)
            return CatalogueQuery()

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def base_url(self):
        return self.context.absolute_url()


class CatalogueView(_CatalogueBase):
    """@@disclosure-catalog on the site and on each agency."""

    def __call__(self):
        self.query = self.parse()
        self.result = catalogue.search(self.context, self.query)
        return self.index()

    def title(self):
        if self.context.portal_type == "DisclosureAgency":
            return self.context.Title()
        return None

    def url(self, **changes):
        # Any filter change starts again at the first page.
        changes.setdefault("b_start", None)
        params = self.query.urlencode(**changes)
        return f"{self.base_url()}/@@disclosure-catalog" + (
            f"?{params}" if params else ""
        )

    def export_url(self, name):
        params = self.query.urlencode(b_start=None, b_size=None)
        return f"{self.base_url()}/@@{name}" + (f"?{params}" if params else "")

    def facets(self):
        facets = localize_facets(self.result.facets)
        return [
            {"name": name, "label": label, "entries": facets.get(name, [])}
            for name, label in FACET_LABELS
            if facets.get(name)
        ]

    def facet_url(self, name, item):
        value = None if item["selected"] else item["value"]
        return self.url(**{name: value})

    def active_filters(self):
        """(label, value title, url removing it) of each filter in force."""
        titles = {}
        for name, items in localize_facets(self.result.facets).items():
            for item in items:
                titles[(name, item["value"])] = item["title"]
                for child in item.get("children", ()):
                    titles[(name, child["value"])] = (
                        item["title"] + " / " + child["title"]
                    )
        labels = dict(FACET_LABELS)
        return [
            {
                "label": labels[name],
                "title": titles.get((name, value), str(value)),
                "url": self.url(**{name: None}),
            }
            for name, value in self.query.filters.items()
        ]

    def rows(self):
        return listing_rows(self.result.brains)

    def pages(self):
        """Batch navigation: list of {number, url, current}, plus prev/next."""
        size = self.query.b_size
        total = self.result.total
        count = (total + size - 1) // size
        current = self.query.b_start // size
        numbers = sorted(
            {0, count - 1, *range(max(0, current - 3), min(count, current + 4))}
        )
        pages = [
            {
                "number": n + 1,
                "url": self.url(b_start=n * size or None),
                "current": n == current,
            }
            for n in numbers
            if n >= 0
        ]
        return {
            "pages": pages if count > 1 else [],
            "previous": self.url(b_start=(current - 1) * size or None)
            if current > 0
            else None,
            "next": self.url(b_start=(current + 1) * size)
            if current + 1 < count
            else None,
        }

    def first_shown(self):
        return min(self.query.b_start + 1, self.result.total)

    def last_shown(self):
        return min(self.query.b_start + self.query.b_size, self.result.total)


class CatalogueCSV(_CatalogueBase):
    """@@disclosure-catalog.csv: every matching published document, UTF-8 + BOM."""

    def __call__(self):
        query = self.parse()
        response = self.request.response
        if self.error:
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return self.t(self.error)
        out = io.StringIO()
        # The BOM makes Excel read the file as UTF-8.
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([self.t(label) for _name, label in CSV_COLUMNS])
        for brain in catalogue.all_brains(self.context, query):
            row = catalogue.row_of(brain)
            writer.writerow([row[name] or "" for name, _label in CSV_COLUMNS])
        return download(
            response,
            out.getvalue().encode("utf-8"),
            "text/csv; charset=utf-8",
            "disclosure-catalog.csv",
        )


class CatalogueFeed(_CatalogueBase):
    """@@disclosure-feed: RSS 2.0 of the newest published documents."""

    def __call__(self):
        query = self.parse()
        response = self.request.response
        if self.error:
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return self.t(self.error)
        query.b_start, query.b_size, query.sort = 0, FEED_SIZE, "newest"
        result = catalogue.search(self.context, query, with_facets=False)
        title = self.context.Title() or api.portal.get().Title()
        items = []
        for brain in result.brains:
            row = catalogue.row_of(brain)
            published = catalogue.publication_date(brain)
            parts = [
                f"<title>{escape(row['title'])}</title>",
                f"<link>{escape(row['url'])}</link>",
                f'<guid isPermaLink="true">{escape(row["url"])}</guid>',
            ]
            description = "；".join(
                part
                for part in (
                    row["document_number"],
                    row["issuing_agency"],
                    row["index_number"],
                )
                if part
            )
            if description:
                parts.append(f"<description>{escape(description)}</description>")
            if published:
                moment = datetime.combine(published, time(9), CHINA_TZ)
                parts.append(f"<pubDate>{format_datetime(moment)}</pubDate>")
            items.append("<item>" + "".join(parts) + "</item>")
        channel_title = f"{title} — {self.t(_('Government information catalogue'))}"
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<rss version="2.0"><channel>'
            f"<title>{escape(channel_title)}</title>"
            f"<link>{escape(self.base_url())}/@@disclosure-catalog</link>"
            f"<description>{escape(channel_title)}</description>"
            "<language>zh-cn</language>" + "".join(items) + "</channel></rss>"
        )
        response.setHeader("Content-Type", "application/rss+xml; charset=utf-8")
        return body.encode("utf-8")
