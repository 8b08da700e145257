"""The catalogue search: facet counts on known data, denials, routing, pages."""

from .helpers import make_agency
from .helpers import make_documents
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.world_support import agency_world
from tongliao.disclosure.platform import catalogue
from tongliao.disclosure.platform.catalogue import CatalogueQuery
from tongliao.disclosure.platform.catalogue import InvalidParameter

import pytest


# id, title, number, kind, subject, validity, written, published (None = draft)
DOCS = [
    ("d1", "关于推广政务公开标准的通知", "通政公办字〔2021〕1号", "notice", "02.01",
     "valid", date(2021, 7, 15), "2021/07/20"),
    ("d2", "关于加强信访工作的意见", "通政办发〔2021〕5号", "opinion", "02.07",
     "valid", date(2021, 3, 1), "2021/03/05"),
    ("d3", "通辽市应急管理办法", "通政办发〔2020〕9号", "notice", "02.03",
     "repealed", date(2020, 6, 1), "2020/06/10"),
    ("d4", "关于国有资产监管的通知", "通政发〔2019〕2号", "notice", "03.01",
     "expired", date(2019, 1, 8), "2019/01/15"),
    ("d5", "未发布的秘密草稿通知", "通政办发〔2021〕99号", "notice", "02.01",
     "valid", date(2021, 9, 1), None),
]  # fmt: skip


catalogue_agency_world = agency_world("catalogue_agency_world", DOCS)


@pytest.fixture
def agency(catalogue_agency_world, portal):
    return portal.unrestrictedTraverse(catalogue_agency_world)


def run(context, anonymous=True, **params):
    query = CatalogueQuery.from_params(params)
    if anonymous:
        with api.env.adopt_roles(["Anonymous"]):
            from plone.app.testing import logout

            logout()
            return catalogue.search(context, query)
    return catalogue.search(context, query)


def counts(facet):
    return {item["value"]: item["count"] for item in facet}


def test_facet_counts_on_known_data_exclude_drafts(agency):
    result = run(agency)
    assert result.total == 4
    assert [b.getId for b in result.brains] == ["d1", "d2", "d3", "d4"]
    facets = result.facets
    assert {
        top["value"]: (top["count"], counts(top["children"]))
        for top in facets["subject"]
    } == {
        "02": (3, {"02.01": 1, "02.07": 1, "02.03": 1}),
        "03": (1, {"03.01": 1}),
    }
    assert counts(facets["kind"]) == {"notice": 3, "opinion": 1}
    assert counts(facets["year"]) == {2021: 2, 2020: 1, 2019: 1}
    assert counts(facets["validity"]) == {"valid": 2, "repealed": 1, "expired": 1}
    assert counts(facets["agency"]) == {"通辽市人民政府办公室": 4}
    titles = {item["value"]: item["title"] for item in facets["kind"]}
    assert titles == {"notice": "通知", "opinion": "意见"}


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"subject": "02"}, ["d1", "d2", "d3"]),
        ({"subject": "02.01"}, ["d1"]),
        ({"kind": "opinion"}, ["d2"]),
        ({"year": "2021"}, ["d1", "d2"]),
        ({"validity": "repealed"}, ["d3"]),
        ({"year": "2021", "kind": "notice"}, ["d1"]),
        ({"sort": "oldest"}, ["d4", "d3", "d2", "d1"]),
        ({"q": "信访"}, ["d2"]),
        ({"q": "应急管理"}, ["d3"]),
        ({"q": "通政公办字〔2021〕1号"}, ["d1"]),
        ({"q": "通政公办字﹝2021﹞1号"}, ["d1"]),
        ({"q": "秘密草稿"}, []),
        ({"q": "通政办发〔2021〕99号"}, []),
        ({"subject": "02.01", "q": "通知"}, ["d1"]),
    ],
)
def test_filters(agency, params, expected):
    assert [b.getId for b in run(agency, **params).brains] == expected


def test_index_number_routed_to_its_index(agency):
    number = agency["d2"].index_number
    assert number.startswith("1115050001147000MT/2021-")
    assert [b.getId for b in run(agency, q=number).brains] == ["d2"]


def test_manager_also_sees_published_only(agency):
    setRoles(agency.aq_parent, TEST_USER_ID, ["Manager"])
    result = run(agency, anonymous=False)
    assert result.total == 4
    assert "d5" not in [b.getId for b in result.brains]


def test_facet_counts_follow_the_filter(agency):
    facets = run(agency, year="2021").facets
    assert counts(facets["validity"]) == {"valid": 2}
    assert [t["value"] for t in facets["subject"]] == ["02"]
    assert [y["selected"] for y in facets["year"]] == [True]


def test_site_wide_and_per_agency(portal, agency):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    other = make_agency(
        portal,
        id="other",
        title="科尔沁区人民政府",
        credit_code="11150502011470001R",
        published=False,
    )
    make_documents(
        other,
        [("o1", "另一机关的通知", "科政发〔2021〕3号", "notice", "02.01", "valid",
          date(2021, 2, 1), "2021/02/03")],
        issuing_agency="科尔沁区人民政府",
    )  # fmt: skip
    site = run(portal)
    assert counts(site.facets["agency"]) == {
        "通辽市人民政府办公室": 4,
        "科尔沁区人民政府": 1,
    }
    # The agency view limits to its own area.
    assert run(other).total == 1
    assert run(agency).total == 4


def test_pages_of_twenty(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    agency = make_agency(
        portal,
        id="big",
        title="大机关",
        credit_code="11150500MB00000019",
        published=False,
    )
    rows = [
        (f"p{i:02d}", f"第{i}号通知", f"通政发〔2021〕{i}号", "notice", "02.01",
         "valid", date(2021, 1, 1), f"2021/02/{i:02d}")
        for i in range(1, 26)
    ]  # fmt: skip
    make_documents(agency, rows)
    first = run(agency)
    assert first.total == 25
    assert len(first.brains) == 20
    assert first.brains[0].getId == "p25"
    second = run(agency, b_start="20")
    assert [b.getId for b in second.brains] == ["p05", "p04", "p03", "p02", "p01"]
    oldest = run(agency, sort="oldest", b_start="20")
    assert [b.getId for b in oldest.brains] == ["p21", "p22", "p23", "p24", "p25"]


@pytest.mark.parametrize(
    "params",
    [{"year": "21"}, {"sort": "random"}, {"b_start": "x"}, {"b_size": "1000"}],
)
def test_bad_parameters_raise(params):
    with pytest.raises(InvalidParameter):
        CatalogueQuery.from_params(params)


def test_params_round_trip():
    query = CatalogueQuery.from_params(
        {"q": "通知", "year": "2021", "sort": "oldest", "b_start": "20"}
    )
    assert query.params() == {
        "q": "通知",
        "year": 2021,
        "sort": "oldest",
        "b_start": 20,
    }
    assert "b_start" not in query.params(b_start=None)
