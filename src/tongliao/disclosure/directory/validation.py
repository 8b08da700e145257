"""事项编码 (item code) uniqueness within an agency, for the add and edit forms."""

from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.directory.content import IDirectoryItem
from tongliao.disclosure.policy.agency import find_agency
from z3c.form import validator
from zope.interface import Invalid


def items_with_code(agency, code):
    """Brains of the agency's directory items carrying ``code`` (any state)."""
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="DirectoryItem",
        directory_code=code,
        path="/".join(agency.getPhysicalPath()),
    )


def duplicate_code_message(code):
    return _(
        "The item code ${code} is already used in this agency's directory.",
        mapping={"code": code},
    )


class UniqueCodeValidator(validator.SimpleFieldValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        if not value:
            return
        # Add form: context is the container; edit form: the item itself.
        agency = find_agency(self.context)
        if agency is None:
            return
        own_uid = (
            self.context.UID() if IDirectoryItem.providedBy(self.context) else None
        )
        for brain in items_with_code(agency, value):
            if own_uid != brain.UID:
                raise Invalid(duplicate_code_message(value))


validator.WidgetValidatorDiscriminators(
    UniqueCodeValidator, field=IDirectoryItem["code"]
)
