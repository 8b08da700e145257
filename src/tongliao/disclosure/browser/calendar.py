"""Control panel of the working-day calendar (工作日历): the State Council's yearly
holiday notice entered as overrides, with a preview and the coverage warning."""

from datetime import date
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.interfaces import IDisclosureSettings
from tongliao.disclosure.workdays import PACKAGE_YEARS


class CalendarForm(RegistryEditForm):
    schema = IDisclosureSettings
    schema_prefix = "tongliao.disclosure"
    label = _("Working-day calendar")
    description = _(
        "Statutory periods count working days. The built-in calendar covers "
        "${first}–${last}; enter later years from the State Council's notice.",
        mapping={"first": min(PACKAGE_YEARS), "last": max(PACKAGE_YEARS)},
    )

    def updateFields(self):
        super().updateFields()
        # Only the calendar record is edited here; the rest is in disclosure-settings.
        self.fields = self.fields.select("calendar_overrides")


class CalendarControlPanel(ControlPanelFormWrapper):
    form = CalendarForm
    index = ViewPageTemplateFile("templates/calendar_controlpanel.pt")

    def coverage(self):
        """Coverage of this year and the next two, for the table above the form."""
        calendar = get_site_calendar()
        this_year = site_today().year
        rows = []
        for year in range(this_year, this_year + 3):
            source = (
                "package"
                if year in PACKAGE_YEARS
                else ("overrides" if calendar.covers(year) else "missing")
            )
            rows.append({"year": year, "source": source})
        return rows

    def missing_year(self):
        return get_site_calendar().missing_next_year(site_today())

    def calendar_version(self):
        return get_site_calendar().version

    def upcoming_days(self):
        """Named rest days and make-up workdays of the next 12 months."""
        calendar = get_site_calendar()
        today = site_today()
        end = date(today.year + 1, today.month, 1)
        rows = []
        for year in range(today.year, end.year + 1):
            if not calendar.covers(year):
                continue
            first = max(today, date(year, 1, 1))
            last = min(end, date(year, 12, 31))
            for day, info in calendar.notable_days(first, last):
                rows.append({"date": day, "working": info.working, "label": info.label})
        return rows
