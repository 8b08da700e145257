"""先审查、后公开 on every write path: the eight reported paths, each closed.

Each test reproduces one way unreviewed content reached anonymous visitors while
the item stayed ``published`` (issue #12) and checks what the public gets now,
over real HTTP where the path is HTTP. The author is a member of the editors
group (Contributor, Editor, Reader), as in the report.
"""

from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from tests.helpers import PNG
from tests.helpers import rel
from tests.review_support import create_item
from tests.review_support import make_agency
from tests.review_support import PASSWORD
from tests.review_support import publish
from tests.review_support import submit
from tongliao.disclosure.review.integrity import governing_item
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.staging import review_to
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import ReviewError
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import base64
import pytest
import transaction


DENIED = (401, 403)


def add_file(container, data=b"APPROVED BYTES", id="attachment"):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=container,
            type="File",
            id=id,
            title="附件",
            file=NamedBlobFile(data, filename="fujian.txt", contentType="text/plain"),
        )


def directory_item(agency, title="原审定标题", code="ZWGK-901"):
    from tongliao.disclosure.directory import spreadsheet

    with api.env.adopt_roles(["Manager"]):
        directory = spreadsheet.directory_of(agency, create=True)
        category = directory.get("cat") or api.content.create(
            container=directory, type="DirectoryCategory", id="cat", title="概况信息"
        )
    with api.env.adopt_user(username="editor"):
        return api.content.create(
            container=category,
            type="DirectoryItem",
            title=title,
            code=code,
            level1_item="概况信息",
            level2_item=title,
        )


@pytest.fixture
def site(review_world, functional_portal):
    """conftest.py's review_world: the agency and the staff, built once."""
    return functional_portal


@pytest.fixture
def http(request_factory):
    def session(user=None, api_=True):
        if user == "admin":  # the site owner, a Manager
            s = request_factory(api=api_, role="Manager")
        else:
            auth = (user, PASSWORD) if user else None
            s = request_factory(api=api_, basic_auth=auth)
        if not api_:
            s.headers["Accept"] = "text/html"
        return s

    return session


def last_record(obj):
    return get_records(obj)[-1]


# 1. Revert to an older version ------------------------------------------------


def test_revert_of_published_item_is_refused(site, http):
    item = directory_item(site["agency"])
    item.title = "未经审查的旧稿"
    modified(item)  # version 1 holds the draft text
    transaction.commit()
    with api.env.adopt_user(username="editor"):
        item.title = "原审定标题"
        modified(item)
    publish(item)
    transaction.commit()
    for user in ("editor", "admin"):
        r = http(user).patch(rel(item) + "/@history", json={"version": 0})
        assert r.status_code in DENIED, (user, r.status_code, r.text)
    transaction.begin()
    assert api.content.get_state(item) == "published"
    anonymous = http().get(rel(item)).json()
    assert anonymous["title"] == "原审定标题"


def test_revert_in_draft_is_allowed(site, http):
    item = directory_item(site["agency"])
    with api.env.adopt_user(username="editor"):
        item.title = "第二稿"
        modified(item)
    transaction.commit()
    r = http("editor").patch(rel(item) + "/@history", json={"version": 0})
    assert r.status_code == 200, r.text
    transaction.begin()
    assert item.Title() == "原审定标题"
    assert api.content.get_state(item) == "draft"


# 2. The directory import ---------------------------------------------------------


def test_import_cannot_change_a_published_item(site, http):
    from tests.directory_helpers import demo_records
    from tests.directory_helpers import make_xlsx
    from tests.helpers import authenticator
    from tongliao.disclosure.directory import spreadsheet

    agency = site["agency"]
    records = demo_records()[:2]
    parsed = spreadsheet.parse_records(records)
    with api.env.adopt_user(username="editor"):
        spreadsheet.apply_plan(agency, spreadsheet.plan_import(agency, parsed.rows))
    items = spreadsheet.agency_items(agency)
    code = parsed.rows[0].values["code"]
    published = review_to(items[code], "published")
    approved_title = published.Title()
    transaction.commit()
    records[0]["二级事项"] = "导入改写的标题"
    session = http("editor", api_=False)
    form = session.get("agency/@@directory-import")
    r = session.post(
        "agency/@@directory-import",
        data={"_authenticator": authenticator(form.text), "form.submitted": "1"},
        files={"file": ("目录.xlsx", make_xlsx(records), spreadsheet.XLSX_MIMETYPE)},
    )
    assert r.status_code == 200
    assert code in r.text and "撤回" in r.text  # the row is refused, in Chinese
    transaction.begin()
    assert published.Title() == approved_title
    assert api.content.get_state(published) == "published"
    assert approved_title in http(api_=False).get(rel(published)).text


# 3. A file replaced inside a document in review ------------------------------------


def test_replacing_a_file_in_review_returns_the_document_to_draft(site, http):
    doc = create_item(site["agency"], title="附件替换测试")
    attachment = add_file(doc)
    submit(doc)
    for userid, checklist in (("dept", None), ("secrecy", CLEAR_)):
        with api.env.adopt_user(username=userid):
            perform(doc, "pass", "同意", checklist)
    assert api.content.get_state(doc) == "pending_approval"
    transaction.commit()
    r = http("editor").patch(
        rel(attachment),
        json={
            "file": {
                "data": "U1dBUFBFRCBCWVRFUw==",  # "SWAPPED BYTES"
                "encoding": "base64",
                "filename": "fujian.txt",
                "content-type": "text/plain",
            }
        },
    )
    assert r.status_code == 204, r.text
    transaction.begin()
    assert api.content.get_state(doc) == "draft"
    record = last_record(doc)
    assert record["decision"] == "returned"
    assert record["actor"] == "editor"
    assert "附件" in record["opinion"]
    # The approver has nothing to approve any more.
    with api.env.adopt_user(username="approver"), pytest.raises(ReviewError):
        perform(doc, "pass", "同意")
    assert http().get(rel(attachment) + "/@@download/file").status_code != 200


def test_file_change_in_published_document_withdraws_it(site, http):
    doc = create_item(site["agency"], title="已发布附件测试")
    attachment = add_file(doc)
    publish(doc)
    transaction.commit()
    assert http().get(rel(attachment) + "/@@download/file").content == (
        b"APPROVED BYTES"
    )
    # The author may not touch it; a Manager may, and the rule withdraws it.
    r = http("editor").patch(rel(attachment), json={"title": "改"})
    assert r.status_code in DENIED
    r = http("admin").patch(
        rel(attachment),
        json={"file": {"data": "U1dBUFBFRA==", "encoding": "base64",
                       "filename": "x.txt", "content-type": "text/plain"}},
    )  # fmt: skip
    assert r.status_code == 204, r.text
    transaction.begin()
    assert api.content.get_state(doc) == "withdrawn"
    assert last_record(doc)["transition"] == "withdraw_on_change"
    assert http().get(rel(attachment) + "/@@download/file").status_code != 200
    assert http().get(rel(doc)).status_code in DENIED


# 4. Plain content under an agency ---------------------------------------------------


def test_agency_accepts_only_its_own_types(site, http):
    r = http("admin").post(
        "agency", json={"@type": "File", "title": "直接上传", "file": {
            "data": "eA==", "encoding": "base64", "filename": "x.txt",
            "content-type": "text/plain"}},
    )  # fmt: skip
    assert r.status_code in (400, 403), r.text
    assert "direct-upload" not in site["agency"].objectIds()


@pytest.mark.parametrize("portal_type", ["File", "Image", "Document", "Link", "Folder"])
def test_plain_content_in_a_section_is_reviewed(site, http, portal_type):
    section = site["agency"]["zfxxgkzd"]
    data = {"@type": portal_type, "title": f"栏目内容 {portal_type}"}
    if portal_type == "File":
        data["file"] = {"data": "eA==", "encoding": "base64", "filename": "x.txt",
                        "content-type": "text/plain"}  # fmt: skip
    if portal_type == "Image":
        data["image"] = {"data": base64.b64encode(PNG).decode(), "encoding": "base64",
                         "filename": "x.png", "content-type": "image/png"}  # fmt: skip
    if portal_type == "Link":
        data["remoteUrl"] = "https://www.tongliao.gov.cn/"
    r = http("editor").post(rel(section), json=data)
    assert r.status_code == 201, r.text
    url = r.json()["@id"]
    transaction.begin()
    obj = api.content.get(path="/" + url.split("/plone/", 1)[1])
    assert api.content.get_state(obj) == "draft"
    assert governing_item(obj) == obj
    assert http().get(url).status_code in DENIED
    # No one-step publication: only submit is offered to the author.
    wftool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="editor"):
        assert [t["id"] for t in wftool.getTransitionsFor(obj)] == ["submit"]
    r = http("editor").post(url + "/@workflow/publish")
    assert r.status_code >= 400
    # Through the three steps it goes public, and shows in the review queue.
    review_to(obj, "published")
    transaction.commit()
    assert http().get(url).status_code == 200
    assert len(get_records(obj)) == 3


def test_author_cannot_retitle_sections_or_the_published_agency(site, http):
    agency = site["agency"]
    for path in ("agency", "agency/zfxxgkzd"):
        r = http("editor").patch(path, json={"title": "作者改写"})
        assert r.status_code in DENIED, (path, r.status_code)
    transaction.begin()
    assert agency.Title() != "作者改写"
    assert agency["zfxxgkzd"].Title() != "作者改写"


# 5. manage_changeProperties --------------------------------------------------------


@pytest.mark.parametrize("user", ["editor", "admin"])
def test_manage_properties_cannot_retitle_a_published_document(site, http, user):
    doc = publish(create_item(site["agency"], title="审定标题"))
    transaction.commit()
    r = http(user, api_=False).post(
        rel(doc) + "/manage_changeProperties",
        data={"title": "属性改写"},
        allow_redirects=False,
    )
    assert r.status_code in (*DENIED, 302)
    transaction.begin()
    assert doc.Title() == "审定标题"
    assert "审定标题" in http(api_=False).get(rel(doc)).text


# 6. Relation fields in REST JSON ---------------------------------------------------


def test_published_document_json_lists_only_viewable_directory_items(site, http):
    agency = site["agency"]
    draft_item = directory_item(agency, title="草稿事项", code="ZWGK-902")
    public_item = publish(directory_item(agency, title="公开事项", code="ZWGK-903"))
    intids = getUtility(IIntIds)
    doc = create_item(agency, title="关联文件")
    doc.directory_items = [
        RelationValue(intids.getId(draft_item)),
        RelationValue(intids.getId(public_item)),
    ]
    modified(doc)
    publish(doc)
    transaction.commit()
    anonymous = http().get(rel(doc)).json()
    titles = [entry["title"] for entry in anonymous["directory_items"]]
    assert titles == ["公开事项"]
    assert "草稿事项" not in http().get(rel(doc)).text
    staff = http("editor").get(rel(doc)).json()
    assert {e["title"] for e in staff["directory_items"]} == {"草稿事项", "公开事项"}


# 7. The review guard is not a public URL ----------------------------------------


def test_review_guard_is_not_callable(site, http):
    doc = create_item(site["agency"], title="草稿")
    transaction.commit()
    for session in (http(api_=False), http("editor", api_=False)):
        r = session.get(
            rel(doc) + "/@@disclosure-review-guard/allowed?transition=submit"
        )
        assert r.status_code in (*DENIED, 404)
        assert r.text.strip() != "True"
    # The workflow still works: the guard is a module function now.
    submit(doc)
    assert api.content.get_state(doc) == "pending_department_review"


# 8. Staff groups and the masked phone ------------------------------------------


@pytest.fixture
def site_admin(site):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="siteadmin", email="sa@example.org", password=PASSWORD)
        api.user.grant_roles(username="siteadmin", roles=["Site Administrator"])
    transaction.commit()
    return "siteadmin"


def test_site_administrator_cannot_join_the_officers(site, http, site_admin):
    from tongliao.disclosure.staffgroups import staff_log

    r = http(site_admin).patch(
        "@groups/disclosure_officers", json={"users": {site_admin: True}}
    )
    assert r.status_code in DENIED, r.text
    r = http(site_admin).patch(
        f"@users/{site_admin}", json={"roles": {"DisclosureOfficer": True}}
    )
    assert r.status_code in DENIED, r.text
    transaction.begin()
    assert site_admin not in api.group.get("disclosure_officers").getGroupMemberIds()
    assert "DisclosureOfficer" not in api.user.get_roles(username=site_admin)
    # A Manager may, and the change is recorded.
    r = http("admin").patch(
        "@groups/disclosure_officers", json={"users": {site_admin: True}}
    )
    assert r.status_code == 204, r.text
    transaction.begin()
    entry = staff_log(site)[-1]
    assert entry["actor"] == "admin"
    assert entry["target"] == "disclosure_officers"
    assert entry["principal"] == site_admin
    assert entry["action"] == "added"


def test_site_administrator_may_still_manage_editors(site, http, site_admin):
    r = http(site_admin).patch(
        "@groups/disclosure_editors", json={"users": {"member": True}}
    )
    assert r.status_code == 204, r.text


# The one rule for every other write path --------------------------------------------


def test_manager_edit_of_published_item_withdraws_it(site, http):
    doc = publish(create_item(site["agency"], title="审定标题"))
    transaction.commit()
    r = http("admin").patch(rel(doc), json={"title": "管理员改写"})
    assert r.status_code == 204
    transaction.begin()
    assert api.content.get_state(doc) == "withdrawn"
    record = last_record(doc)
    assert record["decision"] == "withdraw"
    assert record["actor"] == "admin"
    assert http().get(rel(doc)).status_code in DENIED


def test_rename_of_published_item_withdraws_it(site):
    doc = publish(create_item(site["agency"], title="改名测试"))
    api.content.rename(obj=doc, new_id="renamed")
    doc = site["agency"]["renamed"]
    assert api.content.get_state(doc) == "withdrawn"
    assert last_record(doc)["transition"] == "withdraw_on_change"


def test_copy_of_published_item_is_a_draft(site, http):
    doc = publish(create_item(site["agency"], title="复制测试"))
    transaction.commit()
    r = http("admin").post("agency/@copy", json={"source": doc.absolute_url()})
    assert r.status_code == 200, r.text
    new_url = r.json()[0]["target"]
    transaction.begin()
    copy = api.content.get(path="/" + new_url.split("/plone/", 1)[1])
    assert api.content.get_state(copy) == "draft"
    assert http().get(new_url).status_code in DENIED
    assert api.content.get_state(doc) == "published"


def test_deleting_an_attachment_of_a_published_document_withdraws_it(site):
    doc = create_item(site["agency"], title="删除附件")
    add_file(doc)
    publish(doc)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=doc["attachment"])
    assert api.content.get_state(doc) == "withdrawn"


def test_image_added_to_published_document_by_manager_withdraws_it(site):
    doc = publish(create_item(site["agency"], title="加图"))
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=doc,
            type="Image",
            id="pic",
            image=NamedBlobImage(PNG, filename="p.png"),
        )
    assert api.content.get_state(doc) == "withdrawn"


def test_edits_in_draft_change_nothing_and_record_nothing(site):
    doc = create_item(site["agency"], title="草稿编辑")
    add_file(doc)
    with api.env.adopt_user(username="editor"):
        doc.title = "草稿第二稿"
        modified(doc)
    assert api.content.get_state(doc) == "draft"
    assert get_records(doc) == []


CLEAR_ = {
    "state_secret": False,
    "trade_secret": False,
    "personal_privacy": False,
    "security_stability": False,
}


def test_upgrade_1001_reviews_plain_content_already_in_sections(portal):
    from tongliao.disclosure.interfaces import IReviewable
    from zope.interface import noLongerProvides

    agency = make_agency(portal)
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(
            container=agency["zfxxgkzd"], type="Document", id="old", title="旧页面"
        )
    noLongerProvides(page, IReviewable)  # as on a site made before 1001
    # The agency was published under Plone's default workflow.
    agency.workflow_history = {
        "simple_publication_workflow": (
            {"review_state": "published", "action": "publish", "actor": "admin"},
        )
    }
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("tongliao.disclosure:default", "1000")
    setup.upgradeProfile("tongliao.disclosure:default")
    # Upgraded through 1001 to the current version.
    assert setup.getLastVersionForProfile("tongliao.disclosure:default") == ("1003",)
    assert IReviewable.providedBy(page)
    assert api.content.get_state(page) == "draft"
    assert api.content.get_state(agency) == "published"
    granted = {r["name"] for r in agency.rolesOfPermission("View") if r["selected"]}
    assert "Anonymous" in granted
    granted = {r["name"] for r in page.rolesOfPermission("View") if r["selected"]}
    assert "Anonymous" not in granted


def submit_edit_form(session, path, changes):
    """Post the item's real @@edit form with its current values and ``changes``."""
    from bs4 import BeautifulSoup

    page = session.get(path + "/@@edit", allow_redirects=False)
    if page.status_code != 200:
        return page
    form = BeautifulSoup(page.text, "html.parser").find("form", id="form")
    data = []
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or name in changes:
            continue
        if element.name == "textarea":
            data.append((name, element.text))
        elif element.name == "select":
            data += [(name, o.get("value")) for o in element.find_all("option")
                     if o.has_attr("selected")]  # fmt: skip
        else:
            kind = element.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                continue
            if kind in ("checkbox", "radio") and not element.has_attr("checked"):
                continue
            data.append((name, element.get("value", "")))
    data += list(changes.items()) + [("form.buttons.save", "保存")]
    return session.post(path + "/@@edit", data=data, allow_redirects=False)


def test_edit_form_in_review_returns_to_draft(site, http):
    doc = create_item(site["agency"], title="表单编辑前")
    submit(doc)
    transaction.commit()
    r = submit_edit_form(
        http("editor", api_=False),
        rel(doc),
        {"form.widgets.IBasic.title": "表单编辑后"},
    )
    assert r.status_code == 302, r.text[:500]
    transaction.begin()
    assert doc.Title() == "表单编辑后"
    assert api.content.get_state(doc) == "draft"
    assert last_record(doc)["decision"] == "returned"


def test_edit_form_of_published_item_is_refused_to_the_author(site, http):
    doc = publish(create_item(site["agency"], title="已发布表单"))
    transaction.commit()
    r = submit_edit_form(
        http("editor", api_=False), rel(doc), {"form.widgets.IBasic.title": "改写"}
    )
    assert r.status_code in (*DENIED, 302)
    if r.status_code == 302:
        assert (
            "login" in r.headers["Location"] or "require_login" in r.headers["Location"]
        )
    transaction.begin()
    assert doc.Title() == "已发布表单"
    assert api.content.get_state(doc) == "published"


def test_staff_log_page_names_people_for_managers_only(site, http, site_admin):
    r = http("admin").patch(
        "@groups/disclosure_officers", json={"users": {site_admin: True}}
    )
    assert r.status_code == 204
    page = http("admin", api_=False).get("@@staff-log")
    assert page.status_code == 200
    assert "依申请公开办理员" in page.text and "加入分组" in page.text
    assert "工作人员分组变更记录" in page.text
    for user in (site_admin, "editor"):
        denied = http(user, api_=False).get("@@staff-log", allow_redirects=False)
        assert denied.status_code in (*DENIED, 302)
        assert "加入分组" not in denied.text
