"""The disclosure catalogue (政府信息公开目录): one faceted search of policy documents.

Shared by the HTML page, the REST endpoint, the CSV export and the feed, so
every channel lists exactly the same documents.

One pass over the indexes gives the result set (the docids); the page is cut
from it with the catalog's own limited sort (``sortResults`` with a limit, as
``sort_limit`` does) and the facet counts come from the same set and each facet
index (``count_values``: the cheapest of three exact ways) — never one query
per facet value, never a woken object.
Security is the one of ``portal_catalog.searchResults``: the user's
``allowedRolesAndUsers`` and the effective range; the public catalogue lists
``published`` documents only, whoever looks.
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from functools import cache
from plone import api
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.PluginIndexes.interfaces import ILimitedResultIndex
from Products.ZCTextIndex import WidCode
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.QueryParser import QueryParser
from tongliao.disclosure import _
from tongliao.disclosure.chinatime import CHINA_TZ
from tongliao.disclosure.validators import canonical_document_number
from tongliao.disclosure.validators import DOCUMENT_NUMBER_RE
from tongliao.disclosure.validators import normalize_document_number
from tongliao.disclosure.validators import ORDER_NUMBER_RE
from tongliao.disclosure.vocabularies import DOCUMENT_KINDS
from tongliao.disclosure.vocabularies import subject_tree
from tongliao.disclosure.vocabularies import term_title
from tongliao.disclosure.vocabularies import VALIDITY
from urllib.parse import urlencode

import re
import unicodedata


UNINDEX_COST = 150
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
PORTAL_TYPE = "PolicyDocument"
PUBLISHED = "published"
INDEX_NUMBER_RE = re.compile(r"^[0-9A-Z]{18}/\d{4}-\d{1,9}$")

# URL parameter → catalog index, in the order the facets are shown.
FACETS = (
    ("subject", "subject_category"),
    ("agency", "issuing_agency"),
    ("kind", "document_kind"),
    ("year", "year_written"),
    ("validity", "validity"),
)
FACET_INDEX = dict(FACETS)
SORTS = {"newest": True, "oldest": False}  # value: reverse


class InvalidParameter(ValueError):
    """A GET parameter the catalogue cannot use (answered with a message)."""


@dataclass
class CatalogueQuery:
    """The parsed, validated GET parameters (the page's URL state)."""

    q: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "newest"
    b_start: int = 0
    b_size: int = PAGE_SIZE

    @classmethod
    def from_params(cls, params):
        """Parse a request form / dict; raises InvalidParameter with a msgid."""

        def single(name):
            value = params.get(name, "")
            if isinstance(value, list | tuple):
                value = value[0] if value else ""
            return str(value).strip()

        filters = {}
        for name, _index in FACETS:
            value = single(name)
            if not value:
                continue
            if name == "year":
                if not re.fullmatch(r"\d{4}", value):
                    raise InvalidParameter(_("The year must have four digits."))
                value = int(value)
            filters[name] = value
        sort = single("sort") or "newest"
        if sort not in SORTS:
            raise InvalidParameter(_("Unknown sort order."))
        try:
            b_start = int(single("b_start") or 0)
            b_size = int(single("b_size") or PAGE_SIZE)
        except ValueError as error:
            raise InvalidParameter(_("Page parameters must be numbers.")) from error
        if b_start < 0 or not 1 <= b_size <= MAX_PAGE_SIZE:
            raise InvalidParameter(_("Page parameters are out of range."))
        return cls(
            q=single("q")[:200],
            filters=filters,
            sort=sort,
            b_start=b_start,
            b_size=b_size,
        )

    def params(self, **changes):
        """GET parameters of this query with ``changes`` (None removes a key)."""
        data = {"q": self.q, **self.filters}
        if self.sort != "newest":
            data["sort"] = self.sort
        if self.b_start:
            data["b_start"] = self.b_start
        if self.b_size != PAGE_SIZE:
            data["b_size"] = self.b_size
        data.update(changes)
        return {k: v for k, v in data.items() if v not in (None, "", 0)}

    def urlencode(self, **changes):
        return urlencode(self.params(**changes))


def text_criterion(q):
    """The catalog criterion for the search box.

    A 发文字号 or a 索引号 is looked up in its own field index: the Chinese
    splitter cuts them into pieces that SearchableText cannot match whole.
    """
    if not q:
        return {}
    number = canonical_document_number(q) or normalize_document_number(q)
    if DOCUMENT_NUMBER_RE.match(number) or ORDER_NUMBER_RE.match(number):
        return {"document_number": sorted({q, number})}
    compact = re.sub(r"\s+", "", q).upper()
    if INDEX_NUMBER_RE.match(compact):
        return {"index_number": compact}
    words = plain_text_query(q)
    return {"SearchableText": words} if words else {}


# ZCTextIndex query syntax: what visitors type is text, never an operator. Only
# letters, digits and CJK characters are searched (the index holds nothing else).
_QUERY_SYNTAX_RE = re.compile(r"[^\w]|_")
_OPERATORS = frozenset(("and", "or", "not", "near"))


def plain_text_query(q):
    """``q`` as plain words for ZCTextIndex: every other character becomes a
    space, the words and/or/not/near are quoted so they are searched, not obeyed."""
    text = _QUERY_SYNTAX_RE.sub(" ", normalize_search_text(q))
    return " ".join(
        f'"{word}"' if word.lower() in _OPERATORS else word for word in text.split()
    )


def normalize_search_text(value):
    """Full-width letters, digits and spaces as ASCII (NFKC keeps CJK as it is)."""
    return unicodedata.normalize("NFKC", value or "")


def catalog_query(query, context, extra=None):
    """The catalog query of a CatalogueQuery inside ``context`` (site or agency)."""
    criteria = {
        **(extra or {}),
        "portal_type": PORTAL_TYPE,
        "review_state": PUBLISHED,
    }
    if not ISiteRoot.providedBy(context):
        # The site root's path would only intersect with everything.
        criteria["path"] = "/".join(context.getPhysicalPath())
    criteria.update(text_criterion(query.q))
    for name, value in query.filters.items():
        criteria[FACET_INDEX[name]] = value
    return criteria


def secure(catalog, criteria):
    """Add what ``portal_catalog.searchResults`` adds for the current user."""
    criteria = dict(criteria)
    criteria["allowedRolesAndUsers"] = catalog._listAllowedRolesAndUsers(
        _getAuthenticatedUser(catalog)
    )
    if not catalog.allow_inactive({}):
        criteria["effectiveRange"] = DateTime()
    return criteria


def result_set(catalog, criteria):
    """The docids matching ``criteria`` (already secured), as an IISet.

    The index loop of ``Catalog.search`` without its sort, so the same set
    serves the page and the facet counts. Full text comes last, restricted to
    the documents the other indexes let through (``text_hits``).
    """
    cat = catalog._catalog
    text = criteria.get("SearchableText")
    text_index = cat.getIndex("SearchableText") if text else None
    tree = text_tree(text_index, text)
    if tree is not None:
        criteria = {k: v for k, v in criteria.items() if k != "SearchableText"}
    query = cat.make_query(criteria)
    plan = cat.getCatalogPlan(query)
    plan.start()
    rs = None
    order = plan.plan() or cat._sorted_search_indexes(query)
    # Indexes that narrow a given result (the effective range) come last: run
    # first, the date range index unions every date bucket of the catalog.
    limited = {
        name for name in order if ILimitedResultIndex.providedBy(cat.indexes.get(name))
    }
    for index_id in sorted(order, key=lambda name: name in limited):
        if index_id not in cat.indexes:
            continue
        rs = cat._search_index(plan, index_id, query, rs)
        if not rs:
            break
    plan.stop()
    if not rs:
        return IISet()
    if not isinstance(rs, IISet | IITreeSet):
        # Text scores (a mapping) are dropped: the catalogue sorts by date.
        rs = IISet(rs.keys()) if hasattr(rs, "items") else IISet(rs)
    if tree is not None:
        rs = text_hits(text_index.index, tree, rs)
    return rs


# The parse-tree nodes plain_text_query can produce (words, implicit AND).
_TEXT_NODES = frozenset(("AND", "ATOM", "PHRASE"))


def text_tree(index, text):
    """The ZCTextIndex parse tree of ``text`` if text_hits can evaluate it."""
    if not text or not hasattr(index, "index") or not isinstance(text, str):
        return None
    base = index.index
    if not hasattr(base, "_wordinfo") or not hasattr(base, "_docwords"):
        return None
    try:
        tree = QueryParser(index.getLexicon()).parseQuery(text)
    except ParseError:
        return None
    nodes = [tree]
    while nodes:
        node = nodes.pop()
        if node.nodeType() not in _TEXT_NODES:
            return None
        if node.nodeType() == "AND":
            nodes.extend(node.getValue())
    return tree


def _docs_of(index, wid):
    postings = index._wordinfo[wid]  # {docid: weight}: a dict or an IIBTree
    return multiunion([postings]) if hasattr(postings, "_p_oid") else IISet(postings)


def text_hits(index, tree, candidates):
    """The docids of ``candidates`` the query ``tree`` finds in a ZCTextIndex
    (its OkapiIndex ``index``): the same documents as the index's own search
    (atoms, phrases checked against each document's word sequence, AND), without
    its relevance scores — the catalogue sorts by date — and checking phrases
    only in the candidates."""

    def run(node):
        kind = node.nodeType()
        if kind == "AND":
            found = [run(child) for child in node.getValue()]
            found = [docs for docs in found if docs is not None]
            if not found:
                return IISet()
            result = candidates
            for docs in sorted(found, key=len):
                result = intersection(result, docs)
            return result
        wids = index._lexicon.termToWordIds(node.getValue())
        if kind == "ATOM":
            if not wids:
                return None  # stop words only: every document matches
            known = index._remove_oov_wids(wids)
            return multiunion([_docs_of(index, wid) for wid in known])
        # PHRASE
        if not wids or len(index._remove_oov_wids(wids)) != len(wids):
            return IISet()
        hits = candidates
        for docs in sorted((_docs_of(index, wid) for wid in wids), key=len):
            hits = intersection(hits, docs)
        if len(wids) == 1:
            return hits
        code = WidCode.encode(wids)
        docwords = index._docwords
        return IISet([docid for docid in hits if docwords[docid].find(code) >= 0])

    result = run(tree)
    return candidates if result is None else intersection(candidates, result)


def page_of(catalog, rs, query):
    """Brains of one page of ``rs`` by 发布日期 (LazyMap, actual_result_count)."""
    cat = catalog._catalog
    limit = query.b_start + query.b_size
    return cat.sortResults(
        rs,
        cat.getIndex("effective"),
        reverse=SORTS[query.sort],
        limit=limit,
        merge=True,
        actual_result_count=len(rs),
        b_start=query.b_start,
        b_size=query.b_size,
    )


def count_values(index, rs, method=None):
    """{value: number of docs of ``rs`` having it} from one field/keyword index.

    Three exact ways, the cheapest chosen by its cost in merge steps (one step of
    a C set operation; reading one doc's values from ``_unindex`` costs
    ~UNINDEX_COST steps):

    * ``read``: each doc's values from ``_unindex`` — small results;
    * ``intersect``: one intersection per index value — few values;
    * ``complement``: every value's document count (its set's length) minus the
      docs of the index not in ``rs``, read from ``_unindex`` — a result holding
      most of the index, such as the unfiltered catalogue.

    ``method`` forces one (the tests compare them).
    """
    size, indexed, values = len(rs), index.numObjects(), len(index._index)
    if method is None:
        costs = {
            "read": size * UNINDEX_COST,
            "intersect": values * size + indexed,
            # multiunion + difference, then the docs outside ``rs``.
            "complement": 3 * indexed + size + max(indexed - size, 0) * UNINDEX_COST,
        }
        method = min(costs, key=costs.get)
    return COUNTERS[method](index, rs)


def _values_of(unindex, rid):
    values = unindex.get(rid)
    if values is None:
        return ()
    return values if isinstance(values, list | tuple) else (values,)


def _count_read(index, rs):
    counts = {}
    unindex = index._unindex
    for rid in rs:
        for value in _values_of(unindex, rid):
            counts[value] = counts.get(value, 0) + 1
    return counts


def _count_intersect(index, rs):
    counts = {}
    for value, docs in index._index.items():
        if isinstance(docs, int):
            hit = 1 if docs in rs else 0
        else:
            hit = len(intersection(rs, docs))
        if hit:
            counts[value] = hit
    return counts


def _count_complement(index, rs):
    postings = index._index
    counts = {
        value: 1 if isinstance(docs, int) else len(docs)
        for value, docs in postings.items()
    }
    # The indexed docs outside the result (drafts, other agencies …).
    outside = difference(multiunion(list(postings.values())), rs)
    get = index._unindex.get
    for rid in outside:  # inlined _values_of: this loop is the hot one
        values = get(rid)
        if values is None:
            continue
        if isinstance(values, list | tuple):
            for value in values:
                counts[value] -= 1
        else:
            counts[values] -= 1
    return {value: count for value, count in counts.items() if count}


COUNTERS = {
    "read": _count_read,
    "intersect": _count_intersect,
    "complement": _count_complement,
}


@cache
def _subject_tree():
    # subject_tree() returns a deep copy; the facets only read it.
    return subject_tree()


def facets_of(catalog, rs, query):
    """Facets of ``rs``: {name: [{value, title, count, selected, children}]}."""
    cat = catalog._catalog
    counts = {name: count_values(cat.getIndex(index), rs) for name, index in FACETS}
    selected = query.filters
    result = {}

    subjects = counts["subject"]
    tree = []
    for category in _subject_tree():
        if not subjects.get(category["token"]):
            continue
        children = [
            {
                "value": child["token"],
                "title": child["title"],
                "count": subjects[child["token"]],
                "selected": selected.get("subject") == child["token"],
            }
            for child in category["children"]
            if subjects.get(child["token"])
        ]
        tree.append(
            {
                "value": category["token"],
                "title": category["title"],
                "count": subjects[category["token"]],
                "selected": selected.get("subject") == category["token"],
                "children": children,
            }
        )
    result["subject"] = tree

    def flat(name, titles=None, order=None):
        items = [
            {
                "value": value,
                "title": titles(value) if titles else str(value),
                "count": count,
                "selected": selected.get(name) == value,
            }
            for value, count in counts[name].items()
        ]
        items.sort(key=order or (lambda item: (-item["count"], str(item["value"]))))
        return items

    result["agency"] = flat("agency")
    result["kind"] = flat("kind", lambda v: term_title(DOCUMENT_KINDS, v))
    result["year"] = flat("year", order=lambda item: -item["value"])
    result["validity"] = flat("validity", lambda v: term_title(VALIDITY, v))
    return result


@dataclass
class CatalogueResult:
    query: CatalogueQuery
    total: int
    brains: list
    facets: dict


def search(context, query, with_facets=True, extra=None):
    """Run a CatalogueQuery in ``context``: the page, the total and the facets.

    ``extra`` adds catalog criteria (e.g. ``is_regulation`` for a section).
    """
    catalog = api.portal.get_tool("portal_catalog")
    rs = result_set(catalog, secure(catalog, catalog_query(query, context, extra)))
    brains = page_of(catalog, rs, query) if rs else []
    facets = facets_of(catalog, rs, query) if with_facets else {}
    return CatalogueResult(query=query, total=len(rs), brains=brains, facets=facets)


def all_brains(context, query, chunk=500):
    """Every matching brain in the query's order (CSV export, feed), page by page."""
    catalog = api.portal.get_tool("portal_catalog")
    rs = result_set(catalog, secure(catalog, catalog_query(query, context)))
    start = 0
    while start < len(rs):
        page = CatalogueQuery(
            q=query.q, filters=query.filters, sort=query.sort, b_start=start
        )
        page.b_size = chunk
        yield from page_of(catalog, rs, page)
        start += chunk


def publication_date(brain):
    """发布日期 of a brain as a date, or None (the catalog stores 1000 for none)."""
    effective = brain.effective
    if effective is None or effective.year() <= 1900:
        return None
    return effective.asdatetime().astimezone(CHINA_TZ).date()


def row_of(brain):
    """The listing columns of a brain (metadata only)."""
    date_written = brain.date_written
    published = publication_date(brain)
    return {
        "url": brain.getURL(),
        "title": brain.Title,
        "index_number": brain.index_number or "",
        "document_number": brain.document_number or "",
        "issuing_agency": brain.issuing_agency or "",
        "date_written": date_written.isoformat() if date_written else None,
        "published": published.isoformat() if published else None,
        "validity": brain.validity or "",
        "validity_title": term_title(VALIDITY, brain.validity),
        "document_kind": brain.document_kind or "",
        "subject_category": brain.subject_category or "",
    }
