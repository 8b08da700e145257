"""``AgencyCoordinator`` on the sharing tab of an agency, given by Managers only.

The role opens documents in review to its holders (through the documents that
name the agency), so it is assigned like the staff roles: Manager only.
"""

from plone.app.workflow.interfaces import ISharingPageRole
from tongliao.disclosure import _
from tongliao.disclosure.policy.agency import IDisclosureAgency
from zope.interface import implementer


@implementer(ISharingPageRole)
class AgencyCoordinatorRole:
    title = _("Answers for the agency in coordination")
    required_permission = "tongliao.disclosure: Manage staff groups"
    required_interface = IDisclosureAgency
