"""A populated site for the migration tests and a generic site comparer."""

from .helpers import make_agency
from .helpers import PNG
from .report_support import add_report
from .report_support import all_manual_zero
from .report_support import create_application
from .review_support import create_interpretation
from .review_support import make_users
from Acquisition import aq_base
from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from Products.CMFPlone.factory import addPloneSite
from tongliao.disclosure.demo import create_demo_content
from tongliao.disclosure.migration.codec import export_annotations
from tongliao.disclosure.migration.exportimport import local_permissions
from tongliao.disclosure.policy.index_numbers import get_counter
from tongliao.disclosure.reports import report as reports
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.staging import review_to
from z3c.relationfield import RelationValue
from zope.component.hooks import setSite
from zope.schema import getFieldsInOrder

import datetime


CODE = "11150000MB1604391C"


def populate(portal):
    """Demo content plus an agency with documents in several states, an
    interpretation, replaced_by, an application with events, notices and an
    evidence file, and a published annual report with an override."""
    with api.env.adopt_roles(["Manager"]):
        create_demo_content(portal)
        make_users(portal)
        agency = make_agency(
            portal, id="gen", title="通辽市生成数据局", credit_code=CODE
        )
        docs = []
        for number, state in enumerate(
            ["published", "published", "draft", "pending_secrecy_review"], start=1
        ):
            doc = api.content.create(
                container=agency,
                type="PolicyDocument",
                id=f"doc{number}",
                title=f"生成文件{number}",
                document_number=f"通生发〔2024〕{number}号",
                issuing_agency="通辽市生成数据局",
                document_kind="notice",
                subject_category="02.01",
                validity="valid",
                disclosure_attribute="proactive",
                date_written=date(2024, 3, number),
                text=RichTextValue(f"<p>正文{number}</p>", "text/html", "text/html"),
            )
            api.content.create(
                container=doc,
                type="File",
                id="fujian.pdf",
                title="附件",
                file=NamedBlobFile(b"%PDF-1.4 attachment", filename="附件.pdf"),
            )
            docs.append((doc, state))
        api.relation.create(
            source=docs[0][0], target=docs[1][0], relationship="replaced_by"
        )
        for doc, state in docs:
            review_to(doc, state)
        docs = [doc for doc, _state in docs]
        interpretation = create_interpretation(agency, docs[:2], owner="editor")
        api.content.create(
            container=interpretation,
            type="Image",
            id="tujie.png",
            title="图解",
            image=NamedBlobImage(PNG, filename="tujie.png"),
        )
        review_to(interpretation, "published")
        app = create_application(
            agency,
            "app1",
            "natural_person",
            date(2025, 2, 3),
            ("reply", date(2025, 2, 20), "granted"),
        )
        api.content.create(
            container=app,
            type="File",
            id="evidence.pdf",
            title="身份证明",
            file=NamedBlobFile(b"%PDF-1.4 id card", filename="身份证.pdf"),
        )
        report = add_report(agency, 2024, **all_manual_zero())
        reports.set_override(
            report, sorted(reports.computed_cells(report))[0], 7, "核对后更正"
        )
        review_to(report, "published")
        agency.manage_setLocalRoles("editor", ["Editor"])
        api.portal.set_registry_record(
            "tongliao.disclosure.calendar_overrides", ["2027:covered"]
        )
    return agency


def fresh_site(app, site_id="fresh"):
    """A second site set up like the test layer's (profiles default and site)."""
    addPloneSite(
        app,
        site_id,
        default_language="en",
        extension_ids=(
            "plone.app.contenttypes:default",
            "plonetheme.barceloneta:default",
        ),
    )
    site = app[site_id]
    setSite(site)
    site.portal_workflow.setDefaultChain("simple_publication_workflow")
    setup = site.portal_setup
    setup.runAllImportStepsFromProfile("profile-tongliao.disclosure:default")
    setup.runAllImportStepsFromProfile("profile-tongliao.disclosure:site")
    return site


# The comparer ---------------------------------------------------------------------


def _plain(value):
    """A comparable form of a field value."""
    if isinstance(value, RelationValue):
        return ("relation", "/".join(value.to_path.split("/")[2:]))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(entry) for entry in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, RichTextValue):
        # The output type is the site's default (text/x-html-safe) after import.
        return ("richtext", value.raw, value.mimeType)
    if hasattr(value, "data") and hasattr(value, "filename"):
        return ("file", value.filename, value.contentType, value.data)
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0)
    return value


def snapshot(site):
    """{path below the site: everything that must travel} for every item."""
    setSite(site)
    base = len(site.getPhysicalPath())
    catalog = site.portal_catalog
    result = {}
    for brain in catalog.unrestrictedSearchResults(
        path="/".join(site.getPhysicalPath())
    ):
        obj = brain._unrestrictedGetObject()
        path = "/".join(obj.getPhysicalPath()[base:])
        if not path:
            continue  # the sites themselves differ by design
        fields = {}
        for schema in iterSchemata(obj):
            for name, field in getFieldsInOrder(schema):
                if name in ("changeNote",):
                    continue
                if name in ("effective", "expires"):
                    # The instant, whatever zone the DateTime is expressed in.
                    value = getattr(obj, name)()
                    fields[name] = None if value is None else int(value.timeTime())
                    continue
                fields[name] = _plain(field.get(field.interface(obj)))
        history = {
            wf: [
                (
                    entry.get("action"),
                    entry.get("actor"),
                    entry.get("review_state"),
                    int(entry["time"].timeTime()) if entry.get("time") else None,
                )
                for entry in entries
            ]
            for wf, entries in (
                getattr(aq_base(obj), "workflow_history", {}) or {}
            ).items()
        }
        result[path] = {
            "uid": brain.UID,
            "portal_type": obj.portal_type,
            "fields": fields,
            "state": api.content.get_state(obj, default=None),
            "history": history,
            "review_records": get_records(obj),
            "local_roles": dict(aq_base(obj).__ac_local_roles__ or {}),
            "local_roles_block": bool(
                getattr(aq_base(obj), "__ac_local_roles_block__", 0)
            ),
            "permissions": local_permissions(obj),
            "annotations": export_annotations(obj),
            "owner": obj.getOwnerTuple(),
            "position": site.unrestrictedTraverse(
                "/".join(obj.getPhysicalPath()[:-1])
            ).getObjectPosition(obj.getId())
            if hasattr(aq_base(obj.__parent__), "getObjectPosition")
            else None,
        }
    return result


def differences(left, right):
    """Human-readable list of what differs between two snapshots."""
    problems = []
    for path in sorted(set(left) | set(right)):
        if path not in right:
            problems.append(f"{path}: missing after import")
            continue
        if path not in left:
            problems.append(f"{path}: only after import")
            continue
        for aspect, value in left[path].items():
            other = right[path][aspect]
            if aspect == "fields":
                for name in sorted(set(value) | set(other)):
                    if value.get(name) != other.get(name):
                        problems.append(
                            f"{path} field {name}: {value.get(name)!r:.120} != "
                            f"{other.get(name)!r:.120}"
                        )
            elif value != other:
                problems.append(f"{path} {aspect}: {value!r:.200} != {other!r:.200}")
    return problems


def next_serial(agency, year):
    return get_counter(agency).peek(year)
