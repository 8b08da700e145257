"""Old import path of the exportimport hooks: see migration/exportimport.py."""

from tongliao.disclosure.migration.exportimport import export_review_records  # noqa: F401
from tongliao.disclosure.migration.exportimport import EXPORT_STEPS  # noqa: F401
from tongliao.disclosure.migration.exportimport import ExportContent  # noqa: F401
from tongliao.disclosure.migration.exportimport import import_review_records  # noqa: F401
from tongliao.disclosure.migration.exportimport import IMPORT_STEPS  # noqa: F401
from tongliao.disclosure.migration.exportimport import ImportContent  # noqa: F401
from tongliao.disclosure.migration.exportimport import REVIEW_RECORDS_KEY  # noqa: F401
