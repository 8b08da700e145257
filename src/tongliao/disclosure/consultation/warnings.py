"""Staff warning: comments waiting for moderation (from catalog metadata)."""

from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.warnings import IStaffWarnings
from tongliao.disclosure.warnings import StaffWarning
from zope.interface import implementer


MODERATE = "tongliao.disclosure: Moderate consultation comments"


@implementer(IStaffWarnings)
class PendingCommentWarnings:
    def __call__(self, portal):
        if not api.user.has_permission(MODERATE, obj=portal):
            return []
        warnings = []
        for brain in api.content.find(portal_type="PolicyConsultation"):
            count = getattr(brain, "pending_comments", None)
            if not isinstance(count, int) or count <= 0:
                continue
            warnings.append(
                StaffWarning(
                    message=_(
                        "${title}: ${count} comments await moderation.",
                        mapping={"title": brain.Title, "count": count},
                    ),
                    link=f"{brain.getURL()}/@@consultation-comments",
                )
            )
        return warnings
