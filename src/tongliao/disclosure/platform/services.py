"""REST ``@disclosure-catalog``: the catalogue search with facet counts as JSON.

GET parameters are those of the HTML page (q, subject, agency, kind, year,
validity, sort, b_start, b_size); the answer has the page of items, the facets
with their counts and plone.restapi-style batching links.
"""

from plone.restapi.services import Service
from plone.restapi.services.search.get import SearchGet
from Products.ZCTextIndex.ParseTree import ParseError
from tongliao.disclosure import _
from tongliao.disclosure.platform import catalogue
from tongliao.disclosure.platform.catalogue import CatalogueQuery
from tongliao.disclosure.platform.catalogue import InvalidParameter
from zope.i18n import translate


class DisclosureCatalogGet(Service):
    def reply(self):
        try:
            query = CatalogueQuery.from_params(self.request.form)
        except InvalidParameter as error:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "message": translate(_(error.args[0]), context=self.request),
                }
            }
        result = catalogue.search(self.context, query)
        base = f"{self.context.absolute_url()}/@disclosure-catalog"

        def link(**changes):
            params = query.urlencode(**changes)
            return f"{base}?{params}" if params else base

        items = []
        for brain in result.brains:
            row = catalogue.row_of(brain)
            row["@id"] = row.pop("url")
            items.append(row)
        size = query.b_size
        last_start = max(0, (result.total - 1) // size * size)
        batching = None
        if result.total > size:
            batching = {
                "@id": link(),
                "first": link(b_start=None),
                "last": link(b_start=last_start or None),
            }
            if query.b_start > 0:
                batching["prev"] = link(b_start=max(0, query.b_start - size) or None)
            if query.b_start + size < result.total:
                batching["next"] = link(b_start=query.b_start + size)
        return {
            "@id": link(),
            "items_total": result.total,
            "items": items,
            "facets": result.facets,
            "batching": batching,
            "query": query.params(),
        }


class PlainTextSearchGet(SearchGet):
    """plone.restapi's ``@search``, answering typed query syntax instead of a 500.

    A ``SearchableText`` that ZCTextIndex cannot parse (a lone quote, brackets,
    ``and``/``or``/``not`` …) is searched again as plain words, the way the
    catalogue reads its search box; valid syntax keeps Plone's meaning.
    """

    def reply(self):
        try:
            return super().reply()
        except ParseError:
            text = self.request.form.get("SearchableText", "")
            words = catalogue.plain_text_query(text if isinstance(text, str) else "")
            if words:
                self.request.form["SearchableText"] = words
            else:
                del self.request.form["SearchableText"]
            return super().reply()
