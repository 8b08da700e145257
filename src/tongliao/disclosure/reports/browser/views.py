"""Views of AnnualReport: the national layout, staff working panel, print, DOCX, XLSX.

The public sees the numbers frozen at publication (the snapshot); staff also see
the computed value next to the reported one, the overrides with who/when/why,
and the checks with their explanations.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFPlone.utils import safe_text
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from tongliao.disclosure import _
from tongliao.disclosure.browser.base import download
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.reports import report as reports
from tongliao.disclosure.reports.export import build_docx
from tongliao.disclosure.reports.export import build_xlsx
from tongliao.disclosure.reports.layout import cell_labels
from tongliao.disclosure.reports.layout import computed_cells
from tongliao.disclosure.reports.layout import layout
from tongliao.disclosure.reports.render import all_tables
from tongliao.disclosure.reports.render import table_html
from tongliao.disclosure.reports.report import is_report_staff
from zope.i18n import translate


MODIFY = "Modify portal content"


def shown_cells(report):
    """Published: the frozen numbers. Otherwise (staff only): the live reported ones."""
    snapshot = reports.frozen_snapshot(report)
    if reports.is_frozen(report) and snapshot is not None:
        return snapshot["reported"]
    return reports.reported_cells(report)


def shown_fees(report):
    """Information-processing fees of the year: frozen when published."""
    snapshot = reports.frozen_snapshot(report)
    if reports.is_frozen(report) and snapshot is not None:
        return snapshot.get("fees")
    return reports.fee_figures(report)


def fee_sentence(fees):
    """The computed sentence on fees that opens section 六."""
    if fees is None:
        return ""
    return (
        "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度"
        f"收取信息处理费{fees['count']}件，共计{fees['amount_yuan']}元。"
    )


def section_html(report):
    other = report.other_matters.output if report.other_matters else ""
    sentence = fee_sentence(shown_fees(report))
    return {
        "overview": report.overview.output if report.overview else "",
        "problems": report.problems.output if report.problems else "",
        "other_matters": (
            f'<p class="computed-fees">{sentence}</p>{other}' if sentence else other
        ),
    }


class AnnualReportView(BrowserView):
    index = ViewPageTemplateFile("templates/annual_report.pt")

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("report_action"):
            self.handle_post()
            self.request.response.redirect(self.context.absolute_url())
            return ""
        return self.index()

    def time_text(self, value):
        """A stored UTC timestamp as China time (2026年11月29日 09:05)."""
        return datetime_text(value)

    # -- public layout --------------------------------------------------------

    def sections(self):
        cells = shown_cells(self.context)
        tables = {key: table_html(rows) for key, _label, rows in all_tables(cells)}
        texts = section_html(self.context)
        return [
            {
                "key": section["key"],
                "label": section["label"],
                "table": tables.get(section["key"]),
                "text": texts.get(section["key"]),
            }
            for section in layout()["sections"]
        ]

    def published_date(self):
        snapshot = reports.frozen_snapshot(self.context)
        if reports.is_frozen(self.context) and snapshot:
            return snapshot["published"][:10]
        return None

    # -- staff panel ------------------------------------------------------------

    def is_staff(self):
        return is_report_staff(self.context)

    def can_edit(self):
        return api.user.has_permission(MODIFY, obj=self.context) and not (
            reports.is_frozen(self.context)
        )

    def comparison(self):
        """Computed cells: computed now | reported | override (who, when, why)."""
        computed = reports.computed_cells(self.context)
        reported = shown_cells(self.context)
        snapshot = reports.frozen_snapshot(self.context)
        overrides = (
            snapshot["overrides"]
            if reports.is_frozen(self.context) and snapshot
            else reports.overrides(self.context)
        )
        labels = cell_labels()
        rows = []
        for cell in computed_cells():
            override = overrides.get(cell)
            if override is None and computed.get(cell) == reported.get(cell):
                continue
            rows.append(
                {
                    "cell": cell,
                    "label": labels[cell],
                    "computed": computed.get(cell),
                    "reported": reported.get(cell),
                    "override": override,
                }
            )
        return rows

    def cell_options(self):
        labels = cell_labels()
        return [{"id": cell, "label": labels[cell]} for cell in computed_cells()]

    def checks(self):
        results = reports.report_checks(self.context)
        for result in results:
            result["text"] = translate(result["message"], context=self.request)
        return results

    def blocking(self):
        return [
            translate(m, context=self.request)
            for m in reports.report_blocking_problems(self.context)
        ]

    def handle_post(self):
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        if not api.user.has_permission(MODIFY, obj=self.context):
            messages.add(_("You may not change this report."), type="error")
            return
        form = self.request.form
        action = form.get("report_action")
        try:
            if action == "override":
                reports.set_override(
                    self.context,
                    form.get("cell"),
                    form.get("value"),
                    safe_text(form.get("reason", "")),
                )
                messages.add(_("The figure was changed and the reason recorded."))
            elif action == "remove_override":
                reports.remove_override(
                    self.context, form.get("cell"), safe_text(form.get("reason", ""))
                )
                messages.add(_("The computed figure is used again."))
            elif action == "explain":
                reports.explain_check(
                    self.context, form.get("check"), safe_text(form.get("text", ""))
                )
                messages.add(_("The explanation was recorded."))
            else:
                messages.add(_("Unknown action."), type="error")
        except reports.ReportError as error:
            messages.add(error.message, type="error")


class AnnualReportPrint(AnnualReportView):
    index = ViewPageTemplateFile("templates/annual_report_print.pt")

    def __call__(self):
        return self.index()


class _Download(BrowserView):
    extension = ""
    content_type = ""

    def build(self):
        raise NotImplementedError

    def __call__(self):
        data = self.build()
        filename = f"{self.context.Title()}.{self.extension}"
        return download(self.request.response, data, self.content_type, filename)


class AnnualReportDocx(_Download):
    extension = "docx"
    content_type = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )

    def build(self):
        return build_docx(
            self.context.Title(),
            {
                key: getattr(self.context, key).raw
                for key in ("overview", "problems", "other_matters")
                if getattr(self.context, key, None) is not None
            },
            shown_cells(self.context),
        )


class AnnualReportXlsx(_Download):
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def build(self):
        return build_xlsx(self.context.Title(), shown_cells(self.context))
