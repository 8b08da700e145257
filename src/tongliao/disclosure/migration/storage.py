"""Where the add-on keeps data that is not a schema field: annotations.

Plone's tools (collective.exportimport, plone.exportimport, copy/paste, the
ZMI) see annotations; private object attributes (``obj._events``) they do not.
Every key below starts with ``tongliao.disclosure.`` so the export finds them
all (see ``migration/codec.py``). Readers never create storage (no write on GET).
"""

from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations


PREFIX = "tongliao.disclosure."

APPLICATION_EVENTS_KEY = PREFIX + "application_events"
APPLICATION_FILES_KEY = PREFIX + "application_files"
REPORT_OVERRIDES_KEY = PREFIX + "report_overrides"
REPORT_EXPLANATIONS_KEY = PREFIX + "report_explanations"
REPORT_OVERRIDE_LOG_KEY = PREFIX + "report_override_log"
REPORT_SNAPSHOT_KEY = PREFIX + "report_snapshot"
REPORT_SNAPSHOTS_KEY = PREFIX + "report_snapshots"

# Old private attribute -> annotation key (what migration/upgrade.py moves).
LEGACY_ATTRIBUTES = {
    "DisclosureApplication": {
        "_events": APPLICATION_EVENTS_KEY,
        "_stored_files": APPLICATION_FILES_KEY,
    },
    "AnnualReport": {
        "_overrides": REPORT_OVERRIDES_KEY,
        "_explanations": REPORT_EXPLANATIONS_KEY,
        "_override_log": REPORT_OVERRIDE_LOG_KEY,
        "_snapshot": REPORT_SNAPSHOT_KEY,
        "_snapshots": REPORT_SNAPSHOTS_KEY,
    },
}


class AnnotatedStore:
    """Adapter-like access to one annotation key of ``context``.

    ``get()`` returns the stored value or None and never writes;
    ``get(create=True)`` creates it with ``factory``; ``set(value)`` replaces it.
    """

    factory = PersistentList

    def __init__(self, context, key, factory=None):
        self.context = context
        self.key = key
        if factory is not None:
            self.factory = factory

    def get(self, create=False):
        annotations = IAnnotations(self.context)
        value = annotations.get(self.key)
        if value is None and create:
            value = annotations[self.key] = self.factory()
        return value

    def set(self, value):
        IAnnotations(self.context)[self.key] = value
        return value


def stored_list(context, key, create=False):
    """The PersistentList under ``key``; () when absent and not ``create``."""
    value = AnnotatedStore(context, key, PersistentList).get(create)
    return () if value is None else value


def stored_mapping(context, key, create=False):
    """The PersistentMapping under ``key``; {} when absent and not ``create``."""
    value = AnnotatedStore(context, key, PersistentMapping).get(create)
    return {} if value is None else value


def stored_value(context, key, default=None):
    return IAnnotations(context).get(key, default)


def store_value(context, key, value):
    IAnnotations(context)[key] = value
    return value
