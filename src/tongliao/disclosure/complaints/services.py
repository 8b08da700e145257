"""REST: POST @complaint-status {"code": …, "phone_tail": …} (anonymous)."""

from tongliao.disclosure.applications.services import ApplicationStatusPost
from tongliao.disclosure.complaints.status import public_status
from tongliao.disclosure.complaints.workflow import find_complaint


NOT_FOUND = "未找到与该查询码和手机号后四位相符的举报，请核对后重试。"


class ComplaintStatusPost(ApplicationStatusPost):
    """Same answers as @application-status: 400, 404, 429 or the status."""

    not_found = NOT_FOUND

    def find(self, code, tail):
        return find_complaint(code, tail)

    def status(self, complaint, code, tail):
        return public_status(complaint)
