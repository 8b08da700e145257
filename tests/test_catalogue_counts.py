"""The three ways of counting facet values give the naive counts; full text
without scores finds what the text index finds.

A real site with varied documents (two agencies, drafts, years, kinds, subjects,
validity); for each query, every way of ``count_values`` (forced, and the one
the cost model picks) is compared with counts made by waking each listed
document and reading its fields.
"""

from .helpers import make_agency
from .helpers import make_documents
from datetime import date
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tongliao.disclosure.platform import catalogue
from tongliao.disclosure.platform.catalogue import CatalogueQuery
from tongliao.disclosure.vocabularies import subject_parent

import pytest
import random


KINDS = ("notice", "opinion", "decision", "announcement")
SUBJECTS = ("02.01", "02.03", "02.07", "03.01")
VALIDITY = ("valid", "valid", "expired", "repealed")


def rows(prefix, count, rng):
    result = []
    for n in range(count):
        year = rng.choice((2019, 2020, 2021))
        written = date(year, rng.randint(1, 12), rng.randint(1, 28))
        published = None if n % 4 == 3 else f"{year}/12/{rng.randint(1, 28):02d}"
        result.append(
            (
                f"{prefix}{n}",
                f"关于{rng.choice(('政务公开', '应急管理'))}的通知",
                f"通政发〔{year}〕{n + 1}号",
                rng.choice(KINDS),
                rng.choice(SUBJECTS),
                rng.choice(VALIDITY),
                written,
                published,
            )
        )
    return result


@pytest.fixture
def site(portal):
    rng = random.Random(18)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    make_agency(portal, rows("a", 14, rng))
    other = make_agency(
        portal, id="other", title="通辽市财政局", credit_code="11150500MB00000019"
    )
    make_documents(other, rows("b", 10, rng), issuing_agency="通辽市财政局")
    logout()
    return portal


def naive_counts(context, query):
    """{facet: {value: count}} from the listed documents' own fields."""
    counts = {name: {} for name, _index in catalogue.FACETS}
    for brain in catalogue.all_brains(context, query):
        doc = brain.getObject()
        subject = doc.subject_category
        values = {
            "subject": {subject, subject_parent(subject)},
            "agency": {doc.issuing_agency},
            "kind": {doc.document_kind},
            "year": {doc.date_written.year},
            "validity": {doc.validity},
        }
        for name, found in values.items():
            for value in found:
                counts[name][value] = counts[name].get(value, 0) + 1
    return counts


QUERIES = [
    ("site", {}),
    ("site", {"year": "2020"}),
    ("site", {"subject": "02", "kind": "notice"}),
    ("site", {"q": "政务公开"}),
    ("agency", {}),
    ("agency", {"validity": "valid"}),
]


@pytest.mark.parametrize(("where", "params"), QUERIES)
def test_every_way_gives_the_naive_counts(site, where, params):
    context = site if where == "site" else site["agency"]
    query = CatalogueQuery.from_params(params)
    catalog = api.portal.get_tool("portal_catalog")
    criteria = catalogue.secure(catalog, catalogue.catalog_query(query, context))
    rs = catalogue.result_set(catalog, criteria)
    expected = naive_counts(context, query)
    assert len(rs) == sum(expected["validity"].values()) > 0
    for name, index_id in catalogue.FACETS:
        index = catalog._catalog.getIndex(index_id)
        for method in (None, *catalogue.COUNTERS):
            counts = catalogue.count_values(index, rs, method)
            assert counts == expected[name], (name, method)


def test_drafts_are_left_out_of_the_complement(site):
    # The unfiltered site: most of the index, the drafts outside the result.
    catalog = api.portal.get_tool("portal_catalog")
    query = CatalogueQuery()
    rs = catalogue.result_set(
        catalog, catalogue.secure(catalog, catalogue.catalog_query(query, site))
    )
    index = catalog._catalog.getIndex("validity")
    assert index.numObjects() == 24
    assert len(rs) == 19  # 5 drafts
    assert sum(catalogue.count_values(index, rs, "complement").values()) == 19


TEXTS = [
    "政务公开",
    "应急管理 通知",
    "政务",
    "公开的通知",
    "关于 not 通知",
    "没有这样的文字",
    "通知 没有这样的文字",
    "ABC 政务公开",
]


@pytest.mark.parametrize("where", ["site", "agency"])
def test_full_text_finds_what_the_text_index_finds(site, where):
    """text_hits (no scores, phrases checked in the candidates only) against
    the same criteria run through portal_catalog, SearchableText included."""
    context = site if where == "site" else site["agency"]
    catalog = api.portal.get_tool("portal_catalog")
    for text in TEXTS:
        query = CatalogueQuery(q=text)
        criteria = catalogue.secure(catalog, catalogue.catalog_query(query, context))
        text_index = catalog._catalog.getIndex("SearchableText")
        assert catalogue.text_tree(text_index, criteria["SearchableText"]), text
        ours = set(catalogue.result_set(catalog, criteria))
        stock = {
            brain.getRID() for brain in catalog.unrestrictedSearchResults(**criteria)
        }
        assert ours == stock, text
    assert ours == set()  # ABC is in no document
