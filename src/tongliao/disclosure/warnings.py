"""Staff warnings: named IStaffWarnings utilities, shown on the staff dashboard and
in a viewlet above the content of every page a staff member sees.

A feature adds a warning by registering a utility providing IStaffWarnings whose
``__call__(portal)`` returns a list of StaffWarning.
"""

from dataclasses import dataclass
from tongliao.disclosure import _
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from zope.component import getUtilitiesFor
from zope.interface import implementer
from zope.interface import Interface


class IStaffWarnings(Interface):
    """Returns the warnings staff should act on."""

    def __call__(portal):
        """A list of StaffWarning."""


@dataclass(frozen=True)
class StaffWarning:
    message: object  # a translatable Message
    link: str = ""
    level: str = "warning"  # warning | error


def collect_warnings(portal):
    """All current staff warnings, sorted by utility name for a stable order."""
    found = []
    for _name, provider in sorted(getUtilitiesFor(IStaffWarnings), key=lambda u: u[0]):
        found.extend(provider(portal))
    return found


@implementer(IStaffWarnings)
class CalendarCoverageWarnings:
    """From 1 November, warn while next year's holiday notice is not entered."""

    def __call__(self, portal):
        missing = get_site_calendar().missing_next_year(site_today())
        if missing is None:
            return []
        return [
            StaffWarning(
                message=_(
                    "The working-day calendar has no data for ${year}: enter the "
                    "State Council's holiday notice for ${year} now, or deadlines "
                    "reaching into ${year} cannot be computed.",
                    mapping={"year": missing},
                ),
                link=portal.absolute_url() + "/@@disclosure-calendar",
                level="error",
            )
        ]
