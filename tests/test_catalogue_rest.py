"""REST @disclosure-catalog: items, facets with counts, batching, denials; the
examples are recorded into docs/rest/."""

from .helpers import SECRET
from .rest_docs import record

import pytest


def test_site_wide_catalogue_recorded(catalogue_site, request_factory):
    response = request_factory().get("/@disclosure-catalog")
    assert response.status_code == 200
    data = response.json()
    assert data["items_total"] == 3
    assert [i["title"] for i in data["items"]] == [
        "关于推广政务公开标准的通知",
        "关于加强信访工作的意见",
        "通辽市应急管理办法",
    ]
    first = data["items"][0]
    assert first["document_number"] == "通政公办字〔2021〕1号"
    assert first["published"] == "2021-07-20"
    assert first["date_written"] == "2021-07-15"
    assert first["@id"] == catalogue_site["agency"]["d1"].absolute_url()
    assert first["index_number"].startswith("1115050001147000MT/2021-")
    subject = {top["value"]: top for top in data["facets"]["subject"]}
    assert subject["02"]["count"] == 3
    assert {c["value"]: c["count"] for c in subject["02"]["children"]} == {
        "02.01": 1,
        "02.03": 1,
        "02.07": 1,
    }
    assert {v["value"]: v["count"] for v in data["facets"]["validity"]} == {
        "valid": 2,
        "repealed": 1,
    }
    assert SECRET not in response.text
    record("disclosure-catalog", response, "政府信息公开目录 (site-wide)")


def test_filtered_agency_catalogue_recorded(catalogue_site, request_factory):
    response = request_factory().get(
        "/agency/@disclosure-catalog", params={"subject": "02", "q": "通知"}
    )
    data = response.json()
    assert [i["title"] for i in data["items"]] == ["关于推广政务公开标准的通知"]
    assert data["query"] == {"q": "通知", "subject": "02"}
    assert data["facets"]["subject"][0]["selected"] is True
    record("disclosure-catalog-filtered", response, "政府信息公开目录: filters")


@pytest.mark.parametrize("role", ["Anonymous", "Manager"])
def test_draft_neither_listed_nor_counted(catalogue_site, request_factory, role):
    response = request_factory(role=role).get(
        "/@disclosure-catalog", params={"q": "秘密草稿"}
    )
    assert response.json()["items_total"] == 0
    assert response.json()["facets"]["kind"] == []


def test_batching_links(catalogue_site, request_factory):
    response = request_factory().get(
        "/@disclosure-catalog", params={"b_size": "2", "b_start": "0"}
    )
    data = response.json()
    assert len(data["items"]) == 2
    assert data["batching"]["next"].endswith("b_size=2&b_start=2")
    assert "prev" not in data["batching"]
    page2 = request_factory().get(data["batching"]["next"]).json()
    assert [i["title"] for i in page2["items"]] == ["通辽市应急管理办法"]
    assert "next" not in page2["batching"]
    record("disclosure-catalog-batching", response, "政府信息公开目录: batching")


def test_bad_parameter_is_400_in_chinese(catalogue_site, request_factory):
    response = request_factory().get("/@disclosure-catalog", params={"year": "x"})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "年份必须为四位数字。"
    record("disclosure-catalog-bad-request", response, "政府信息公开目录: bad year")
