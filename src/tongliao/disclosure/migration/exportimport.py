"""collective.exportimport with everything this add-on keeps outside the schema.

Content (``@@export_content`` / ``@@import_content``, registered for the
add-on's browser layer) carries, besides the fields plone.restapi serializes:

* ``tongliao_review_records``: the review records (format unchanged since the
  first hook, so older exports still import);
* ``tongliao_annotations``: every ``tongliao.disclosure.*`` annotation (index
  number counters, application events and stored notices/receipts, report
  overrides, explanations, log and frozen snapshots …), see ``codec.py``;
* ``tongliao_permissions``: permission settings made on the object itself
  (workflow role mappings and the privacy of an application's evidence files);
* ``tongliao_owner``: the owner (owners keep seeing their drafts).

The workflow state is set, not re-run: importing a published document must not
send it through review again nor hand out a new 索引号.

:func:`export_site` / :func:`import_site` put content, relations, local roles,
ordering, default pages, members and groups, the add-on's registry settings and
the site's own annotations (the staff log) in one JSON bundle.
"""

from Acquisition import aq_base
from collective.exportimport.export_content import ExportContent as BaseExport
from collective.exportimport.export_other import ExportDefaultPages
from collective.exportimport.export_other import ExportLocalRoles
from collective.exportimport.export_other import ExportMembers
from collective.exportimport.export_other import ExportOrdering
from collective.exportimport.export_other import ExportRelations
from collective.exportimport.export_other import PORTAL_PLACEHOLDER
from collective.exportimport.import_content import ImportContent as BaseImport
from collective.exportimport.import_other import ImportDefaultPages
from collective.exportimport.import_other import ImportMembers
from collective.exportimport.import_other import ImportOrdering
from collective.exportimport.import_other import ImportRelations
from collective.exportimport.interfaces import IBase64BlobsMarker
from collective.exportimport.interfaces import IMigrationMarker
from DateTime import DateTime
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.registry.interfaces import IRegistry
from tongliao.disclosure.applications.content import VIEW_APPLICANT_DATA_TITLE
from tongliao.disclosure.interfaces import IBrowserLayer
from tongliao.disclosure.interfaces import IImportingLayer
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.migration.codec import decode
from tongliao.disclosure.migration.codec import encode
from tongliao.disclosure.migration.codec import export_annotations
from tongliao.disclosure.migration.codec import import_annotations
from tongliao.disclosure.review.records import ANNOTATION_KEY as REVIEW_KEY
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.records import restore_records
from urllib.parse import urlparse
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
from zope.interface import noLongerProvides
from zope.schema import getFieldsInOrder

import re


REVIEW_RECORDS_KEY = "tongliao_review_records"
ANNOTATIONS_KEY = "tongliao_annotations"
PERMISSIONS_KEY = "tongliao_permissions"
OWNER_KEY = "tongliao_owner"
STORED_FIELDS_KEY = "tongliao_stored_fields"
DATES_KEY = "tongliao_dates"
# Types whose data beyond the REST serialization is personal: exported only by
# users who hold this permission on the item (a Manager does).
PRIVATE_DATA_PERMISSION = {"DisclosureApplication": VIEW_APPLICANT_DATA_TITLE}
# Fields hidden from forms that the deserializer would not write back.
OMITTED_FIELDS = {"DisclosureApplication": ("tracking_code", "outcome")}
REGISTRY_PREFIX = "tongliao.disclosure."
FORMAT = "tongliao.disclosure.bundle/1"

_PERMISSION_ATTR = re.compile(r"^_\w+_Permission$")


# Per-item steps (other features append theirs) -------------------------------------


def export_review_records(item, obj):
    if IReviewable.providedBy(obj):
        item[REVIEW_RECORDS_KEY] = get_records(obj)
    return item


def import_review_records(obj, item):
    if IReviewable.providedBy(obj) and item.get(REVIEW_RECORDS_KEY):
        restore_records(obj, item[REVIEW_RECORDS_KEY])
    return obj


def local_permissions(obj):
    """{attribute: encoded roles} of the permission settings stored on ``obj``."""
    return {
        name: encode(value)
        for name, value in sorted(aq_base(obj).__dict__.items())
        if _PERMISSION_ATTR.match(name)
    }


def _stored_fields(obj):
    """Fields the REST deserializer skips (read-only, omitted): 索引号, outcome …"""
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if field.readonly or name in OMITTED_FIELDS.get(obj.portal_type, ()):
                yield name, field


def may_export_private(obj):
    """Whether the exporting user may read ``obj``'s personal data: without the
    permission, an application's data outside the REST fields stays out."""
    permission = PRIVATE_DATA_PERMISSION.get(obj.portal_type)
    return permission is None or api.user.has_permission(permission, obj=obj)


def export_extras(item, obj):
    if not may_export_private(obj):
        return item
    item[STORED_FIELDS_KEY] = {
        name: encode(aq_base(obj).__dict__.get(name))
        for name, _field in _stored_fields(obj)
        if name in aq_base(obj).__dict__
    }
    item[ANNOTATIONS_KEY] = export_annotations(obj, exclude=(REVIEW_KEY,))
    item[PERMISSIONS_KEY] = local_permissions(obj)
    owner = obj.getOwnerTuple()
    item[OWNER_KEY] = encode(owner) if owner is not None else None
    item[DATES_KEY] = {
        name: encode(getattr(aq_base(obj), name, None))
        for name in ("effective_date", "expiration_date")
    }
    if obj.portal_type == "DisclosureApplication":
        # Created as already initialised: no new tracking code, receipt or event.
        item["factory_kwargs"] = {
            "_initialised": True,
            "tracking_code": obj.tracking_code,
            "received_date": None,
        }
    return item


def import_extras(obj, item):
    for name, value in (item.get(STORED_FIELDS_KEY) or {}).items():
        setattr(obj, name, decode(value))
    import_annotations(obj, item.get(ANNOTATIONS_KEY) or {})
    return obj


def import_owner_and_dates(obj, item):
    """Last: the owner and exact 发布日期 (REST keeps minutes only)."""
    owner = item.get(OWNER_KEY)
    if owner is not None:
        aq_base(obj)._owner = decode(owner)
    for name, value in (item.get(DATES_KEY) or {}).items():
        setattr(aq_base(obj), name, decode(value))


EXPORT_STEPS = [export_review_records, export_extras]
IMPORT_STEPS = [import_review_records, import_extras]


class ExportContent(BaseExport):
    def global_dict_hook(self, item, obj):
        item = super().global_dict_hook(item, obj)
        for step in EXPORT_STEPS:
            if item is None:
                break
            item = step(item, obj)
        return item


class ImportContent(BaseImport):
    def start(self):
        """@@import_content: no review integrity rule while importing."""
        super().start()
        alsoProvides(self.request, IImportingLayer)

    def finish(self):
        noLongerProvides(self.request, IImportingLayer)
        super().finish()

    def global_obj_hook(self, obj, item):
        obj = super().global_obj_hook(obj, item)
        for step in IMPORT_STEPS:
            obj = step(obj, item)
        return obj

    def import_review_state(self, obj, item):
        """Set the exported state as it was; no transition, guard or handler runs."""
        state = item.get("review_state")
        wftool = api.portal.get_tool("portal_workflow")
        chain = wftool.getChainFor(obj)
        if not state or not chain:
            return
        wftool.setStatusOf(
            chain[0],
            obj,
            {
                "action": None,
                "actor": api.user.get_current().getId(),
                "comments": "",
                "review_state": state,
                "time": DateTime(),
            },
        )

    def import_workflow_history(self, obj, item):
        super().import_workflow_history(obj, item)
        wftool = api.portal.get_tool("portal_workflow")
        for workflow in wftool.getWorkflowsFor(obj):
            workflow.updateRoleMappingsFor(obj)
        # After the workflow: settings made by hand (evidence privacy) win.
        for name, value in (item.get(PERMISSIONS_KEY) or {}).items():
            setattr(obj, name, decode(value))
        import_owner_and_dates(obj, item)
        obj.reindexObject()


# The whole site ---------------------------------------------------------------------


def _view(cls, portal, request):
    view = cls(portal, request)
    view.request = request
    return view


def _prepare(request):
    if not IBrowserLayer.providedBy(request):
        alsoProvides(request, IBrowserLayer)


def content_types(portal):
    catalog = api.portal.get_tool("portal_catalog")
    return sorted(set(catalog.uniqueValuesFor("portal_type")) - {"Plone Site"})


def export_content(portal, request, portal_types=None, progress=None):
    _prepare(request)
    alsoProvides(request, IBase64BlobsMarker)
    alsoProvides(request, IMigrationMarker)
    view = _view(ExportContent, portal, request)
    view.portal_type = list(portal_types or content_types(portal))
    view.path = "/".join(portal.getPhysicalPath())
    view.depth = -1
    view.migration = True
    view.include_blobs = 1
    view.include_revisions = False
    view.errors = []
    items = []
    for item in view.export_content():
        items.append(item)
        if progress is not None:
            progress(1)
    if view.errors:
        raise RuntimeError(f"Export failed for {view.errors}")
    return items


def export_registry():
    registry = getUtility(IRegistry)
    return {
        name: encode(registry.records[name].value)
        for name in sorted(registry.records.keys())
        if name.startswith(REGISTRY_PREFIX)
    }


def export_localroles(portal, request):
    return _view(ExportLocalRoles, portal, request).all_localroles()


def export_site(portal, request, progress=None):
    """Everything needed to rebuild ``portal`` elsewhere, as JSON-able data."""
    members = _view(ExportMembers, portal, request)
    return {
        "format": FORMAT,
        "content": export_content(portal, request, progress=progress),
        "relations": _view(ExportRelations, portal, request).get_all_references(),
        "localroles": export_localroles(portal, request),
        "ordering": _view(ExportOrdering, portal, request).all_orders(),
        "defaultpages": _view(ExportDefaultPages, portal, request).all_default_pages(),
        "groups": members.export_groups(),
        "members": list(members.export_members()),
        "registry": export_registry(),
        "site_annotations": export_annotations(portal),
    }


def import_content(portal, request, items, progress=None):
    _prepare(request)
    alsoProvides(request, IMigrationMarker)
    view = _view(ImportContent, portal, request)
    view.limit = None
    view.commit = None
    view.import_to_current_folder = False
    view.handle_existing_content = 2  # update what the fresh site made itself
    view.import_old_revisions = False
    view.portal = portal

    def counted(items):
        for item in items:
            yield item
            if progress is not None:
                progress(1)

    return view.import_new_content(counted(items))


def import_localroles(data):
    """Local roles exactly as exported (the importer's Owner role is dropped)."""
    portal = api.portal.get()
    wanted = {entry["uuid"]: entry for entry in data}
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        path="/".join(portal.getPhysicalPath())
    ):
        obj = brain._unrestrictedGetObject()
        entry = wanted.get(brain.UID, {})
        roles = entry.get("localroles")
        obj.__ac_local_roles__ = {user: list(r) for user, r in (roles or {}).items()}
        if entry.get("block"):
            obj.__ac_local_roles_block__ = 1
        obj.reindexObjectSecurity()
    root = wanted.get(PORTAL_PLACEHOLDER)
    if root and root.get("localroles"):
        for user, roles in root["localroles"].items():
            portal.manage_setLocalRoles(user, list(roles))


def import_registry(data):
    registry = getUtility(IRegistry)
    for name, value in data.items():
        if name in registry.records:
            registry[name] = decode(value)


def import_site(portal, request, bundle, progress=None):
    """Rebuild ``bundle`` (from :func:`export_site`) in ``portal``.

    Returns the paths (below the site) of the items that could not be imported
    (invalid under the current rules; the log says why): an empty list means
    everything arrived. The caller commits. The target has the add-on installed."""
    if bundle.get("format") != FORMAT:
        raise ValueError("Not a tongliao.disclosure export bundle")
    requests = {id(r): r for r in (request, getRequest()) if r is not None}
    for marked in requests.values():
        alsoProvides(marked, IImportingLayer)
    try:
        return _import_site(portal, request, bundle, progress)
    finally:
        for marked in requests.values():
            noLongerProvides(marked, IImportingLayer)


def _import_site(portal, request, bundle, progress):
    import_registry(bundle["registry"])
    members = _view(ImportMembers, portal, request)
    members.import_groups(bundle["groups"])
    members.import_members([dict(member) for member in bundle["members"]])
    added = import_content(portal, request, bundle["content"], progress)
    _view(ImportRelations, portal, request).import_relations(bundle["relations"])
    import_localroles(bundle["localroles"])
    _view(ImportOrdering, portal, request).import_ordering(bundle["ordering"])
    _view(ImportDefaultPages, portal, request).import_default_pages(
        bundle["defaultpages"]
    )
    import_annotations(portal, bundle["site_annotations"])
    arrived = {_relative(url) for url in added}
    return [
        _relative(item["@id"])
        for item in bundle["content"]
        if _relative(item["@id"]) not in arrived
    ]


def _relative(url):
    """``http://host/site/a/b`` -> ``a/b``."""
    return "/".join(urlparse(url).path.split("/")[2:])
