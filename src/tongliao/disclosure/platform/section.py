"""DisclosureSection (公开栏目): one section of an agency's disclosure area.

Sections have no workflow of their own: they acquire the View permission from
their agency, so a section is public exactly when its agency is. What a section
lists is given by its ``section_kind`` (see ``tongliao.disclosure.platform.sections``);
editors may add free content (pages, files, links) inside any section.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from tongliao.disclosure import _
from zope import schema
from zope.interface import implementer


class IDisclosureSection(model.Schema):
    """A section of the DB15/T 2093 platform layout."""

    section_kind = schema.ASCIILine(
        title=_("Section kind"),
        description=_("Set by the site when it creates the agency's sections."),
        required=False,
        readonly=True,
        default="free",
        missing_value="free",
    )


@implementer(IDisclosureSection)
class DisclosureSection(Container):
    """A section of an agency's disclosure area."""

    section_kind = "free"
