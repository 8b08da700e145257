"""The default profile installs and uninstalls cleanly."""

from plone import api
from plone.browserlayer.utils import registered_layers
from tongliao.disclosure.interfaces import IBrowserLayer
from tongliao.disclosure.interfaces import IDisclosureSettings
from zope.dottedname.resolve import resolve

import pytest


PACKAGE = "tongliao.disclosure"

STAFF_GROUP_ROLES = [
    ("disclosure_editors", "信息员", {"Contributor", "Editor", "Reader"}),
    ("department_reviewers", "初审员", {"DepartmentReviewer"}),
    ("secrecy_reviewers", "保密审查员", {"SecrecyReviewer"}),
    ("disclosure_approvers", "审批领导", {"DisclosureApprover"}),
    ("disclosure_officers", "依申请公开办理员", {"DisclosureOfficer"}),
    ("disclosure_supervisors", "政务公开办公室", {"DisclosureSupervisor"}),
]


class TestInstall:
    def test_product_installed(self, installer):
        assert installer.is_product_installed(PACKAGE) is True

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile(f"{PACKAGE}:default") == ("1003",)

    def test_browserlayer(self, portal):
        assert IBrowserLayer in registered_layers()

    @pytest.mark.parametrize(
        "name,value",
        [
            ("interpretation_max_lag_working_days", 3),
            ("guide_review_interval_days", 365),
            ("due_soon_working_days", 3),
            ("fee_notice_pauses_clock", False),
            ("annual_report_deadline_department", "01-31"),
            ("annual_report_deadline_government", "03-31"),
        ],
    )
    def test_registry_defaults(self, portal, name, value):
        assert api.portal.get_registry_record(f"{PACKAGE}.{name}") == value

    @pytest.mark.parametrize(
        "role",
        [
            "DepartmentReviewer",
            "SecrecyReviewer",
            "DisclosureApprover",
            "DisclosureOfficer",
            "DisclosureSupervisor",
        ],
    )
    def test_role_exists(self, portal, role):
        assert role in portal.validRoles()

    @pytest.mark.parametrize("group_id,title,roles", STAFF_GROUP_ROLES)
    def test_staff_group(self, portal, group_id, title, roles):
        group = api.group.get(groupname=group_id)
        assert group is not None
        assert group.getProperty("title") == title
        assert roles <= set(api.group.get_roles(group=group))

    def test_controlpanel_listed(self, controlpanel_actions):
        assert "tongliao-disclosure-settings" in controlpanel_actions


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE)

    def test_product_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE) is False

    def test_browserlayer_removed(self, portal):
        assert IBrowserLayer not in registered_layers()

    def test_registry_removed(self, portal):
        registry = api.portal.get_tool("portal_registry")
        for name in IDisclosureSettings.names():
            assert f"{PACKAGE}.{name}" not in registry.records

    def test_controlpanel_removed(self, controlpanel_actions):
        assert "tongliao-disclosure-settings" not in controlpanel_actions

    def test_review_actions_removed(self, portal):
        actions = api.portal.get_tool("portal_actions")
        assert "review-panel" not in actions.object.objectIds()
        assert "review-queue" not in actions.user.objectIds()

    @pytest.mark.parametrize("group_id,title,roles", STAFF_GROUP_ROLES)
    def test_staff_groups_kept(self, portal, group_id, title, roles):
        # Documented in README: groups hold user assignments, so they stay.
        assert api.group.get(groupname=group_id) is not None

    def test_reinstall(self, installer):
        installer.install_product(PACKAGE)
        assert installer.is_product_installed(PACKAGE) is True
        assert (
            api.portal.get_registry_record(f"{PACKAGE}.guide_review_interval_days")
            == 365
        )


class TestControlPanelHTTP:
    """Real HTTP against the WSGI server of the functional layer."""

    def test_manager_sees_controlpanel(self, functional_portal, browser_session):
        session = browser_session(role="Manager")
        response = session.get("@@disclosure-settings")
        assert response.status_code == 200
        assert "政务公开平台设置" in response.text

    def test_anonymous_refused(self, functional_portal, browser_session):
        session = browser_session()
        response = session.get("@@disclosure-settings", allow_redirects=False)
        # Plone redirects anonymous users to the login form (302) or answers 401.
        assert response.status_code in (302, 401)
        assert "政务公开平台设置" not in response.text
        if response.status_code == 302:
            assert "login" in response.headers["Location"]

    def test_home_page_is_chinese(self, functional_portal, browser_session):
        response = browser_session().get("")
        assert response.status_code == 200
        assert 'lang="zh-CN"' in response.text  # BCP 47 (bilingual)
        assert "首页" in response.text  # Plone's own UI, translated


@pytest.mark.parametrize(
    "portal_type",
    [
        "DisclosureAgency",
        "PolicyDocument",
        "PolicyInterpretation",
        "DisclosureApplication",
        "AnnualReport",
    ],
)
def test_type_installed(get_fti, portal_type):
    fti = get_fti(portal_type)
    assert fti is not None
    klass = resolve(fti.klass)
    # The FTI names the module that defines the class (not an old-path alias).
    assert klass.__module__ == fti.klass.rpartition(".")[0]
    assert fti.lookupSchema().implementedBy(klass)


@pytest.mark.parametrize(
    "name,token,title",
    [
        ("tongliao.disclosure.DocumentKinds", "notice", "通知"),
        ("tongliao.disclosure.Validity", "repealed", "废止"),
        ("tongliao.disclosure.ApplicationOutcomes", "granted", "予以公开"),
    ],
)
def test_vocabulary_registered_in_site(portal, name, token, title):
    from zope.component import getUtility
    from zope.schema.interfaces import IVocabularyFactory

    vocabulary = getUtility(IVocabularyFactory, name)(portal)
    assert title in vocabulary.getTerm(token).title


@pytest.mark.parametrize(
    "portal_type,workflow",
    [
        ("PolicyDocument", "disclosure_review_workflow"),
        ("PolicyInterpretation", "disclosure_review_workflow"),
        ("DirectoryItem", "disclosure_review_workflow"),
        ("DisclosureGuide", "disclosure_review_workflow"),
        ("AnnualReport", "disclosure_review_workflow"),
        ("DisclosureApplication", "disclosure_application_workflow"),
    ],
)
def test_workflow_bindings(portal, portal_type, workflow):
    chain = api.portal.get_tool("portal_workflow").getChainForPortalType(portal_type)
    assert tuple(chain) == (workflow,)


def test_add_on_profile_leaves_the_sites_languages_and_time_zones(portal):
    """Site policy (zh-cn, Asia/Shanghai) is the 'site' profile's, not the add-on's."""
    api.portal.set_registry_record("plone.available_languages", ["en", "de"])
    api.portal.set_registry_record("plone.available_timezones", ["Europe/Berlin"])
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-tongliao.disclosure:default", "plone.app.registry"
    )
    assert api.portal.get_registry_record("plone.available_languages") == ["en", "de"]
    assert api.portal.get_registry_record("plone.available_timezones") == [
        "Europe/Berlin"
    ]
    setup.runImportStepFromProfile(
        "profile-tongliao.disclosure:site", "plone.app.registry"
    )
    assert api.portal.get_registry_record("plone.default_language") == "zh-cn"
    assert api.portal.get_registry_record("plone.portal_timezone") == "Asia/Shanghai"


def test_the_site_profile_brings_the_add_on(portal):
    """Applying only tongliao.disclosure:site (its settings name the add-on's
    registry records) installs the default profile first."""
    setup = api.portal.get_tool("portal_setup")
    assert "profile-tongliao.disclosure:default" in setup.getDependenciesForProfile(
        "profile-tongliao.disclosure:site"
    )


def test_only_the_runner_role_runs_application_transitions(portal):
    # Case transitions go through the engines (applications, complaints,
    # messages), which adopt this role; no staff role may fire them directly.
    permission = "tongliao.disclosure: Run application transitions"
    roles = {
        entry["name"]
        for entry in portal.rolesOfPermission(permission)
        if entry["selected"]
    }
    assert roles == {"ApplicationWorkflowRunner"}
