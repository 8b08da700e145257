"""collective.exportimport hooks: data that the REST serializer does not carry.

Other features add their own step to ``EXPORT_STEPS`` / ``IMPORT_STEPS``.
"""

from collective.exportimport.export_content import ExportContent as BaseExport
from collective.exportimport.import_content import ImportContent as BaseImport
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.records import restore_records


REVIEW_RECORDS_KEY = "tongliao_review_records"


def export_review_records(item, obj):
    if IReviewable.providedBy(obj):
        item[REVIEW_RECORDS_KEY] = get_records(obj)
    return item


def import_review_records(obj, item):
    if IReviewable.providedBy(obj) and item.get(REVIEW_RECORDS_KEY):
        restore_records(obj, item[REVIEW_RECORDS_KEY])
    return obj


EXPORT_STEPS = [export_review_records]
IMPORT_STEPS = [import_review_records]


class ExportContent(BaseExport):
    def global_dict_hook(self, item, obj):
        item = super().global_dict_hook(item, obj)
        for step in EXPORT_STEPS:
            if item is None:
                break
            item = step(item, obj)
        return item


class ImportContent(BaseImport):
    def global_obj_hook(self, obj, item):
        obj = super().global_obj_hook(obj, item)
        for step in IMPORT_STEPS:
            obj = step(obj, item)
        return obj
