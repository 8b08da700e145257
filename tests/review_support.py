"""Users, a reviewable test type and helpers for the review workflow tests."""

from plone import api
from plone.dexterity.fti import DexterityFTI


PASSWORD = "secret-Pw-2024"

# userid -> (full name, staff group)
USERS = {
    "editor": ("王信息", "disclosure_editors"),
    "editor2": ("李信息", "disclosure_editors"),
    "dept": ("赵初审", "department_reviewers"),
    "dept2": ("钱初审", "department_reviewers"),
    "secrecy": ("孙保密", "secrecy_reviewers"),
    "approver": ("周领导", "disclosure_approvers"),
    "officer": ("吴办理", "disclosure_officers"),
    "member": ("郑公众", None),
}

TEST_TYPE = "ReviewTestItem"

MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="disclosure_attribute" type="zope.schema.Choice">
      <title>Disclosure attribute</title>
      <values><element>proactive</element><element>on_request</element>
      <element>exempt</element></values>
      <required>False</required>
    </field>
    <field name="text" type="zope.schema.Text">
      <title>Text</title><required>False</required>
    </field>
  </schema>
</model>"""


def make_test_type(portal):
    """A throw-away Dexterity type bound to the review workflow."""
    types = api.portal.get_tool("portal_types")
    if TEST_TYPE not in types:
        fti = DexterityFTI(TEST_TYPE)
        fti.title = "Review test item"
        fti.klass = "plone.dexterity.content.Container"
        fti.model_source = MODEL
        fti.behaviors = (
            "plone.basic",
            "plone.namefromtitle",
            "tongliao.disclosure.reviewable",
            "plone.excludefromnavigation",
        )
        fti.global_allow = True
        types._setObject(TEST_TYPE, fti)
    wftool = api.portal.get_tool("portal_workflow")
    wftool.setChainForPortalTypes((TEST_TYPE,), ("disclosure_review_workflow",))
    return TEST_TYPE


def make_users(portal):
    for userid, (fullname, group) in USERS.items():
        if api.user.get(userid=userid) is None:
            api.user.create(
                username=userid,
                email=f"{userid}@example.org",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
        if group:
            api.group.add_user(groupname=group, username=userid)


def create_item(container, title="通辽市某项政策文件", owner="editor", **fields):
    fields.setdefault("disclosure_attribute", "proactive")
    with api.env.adopt_user(username=owner):
        return api.content.create(
            container=container, type=TEST_TYPE, title=title, **fields
        )


def submit(obj, userid="editor"):
    with api.env.adopt_user(username=userid):
        api.content.transition(obj=obj, transition="submit")
