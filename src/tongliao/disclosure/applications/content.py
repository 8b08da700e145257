"""DisclosureApplication (政府信息公开申请): one 依申请公开 case.

The case keeps its history as an append-only list of event dicts (type, date,
actor, note, data); the deadlines are computed from it by
:mod:`tongliao.disclosure.deadlines` (through
:mod:`tongliao.disclosure.applications.workflow`). Personal fields carry the read
permission ``tongliao.disclosure.ViewApplicantData``.
"""

from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.file import NamedBlobFile
from plone.supermodel import model
from stdnum import exceptions as stdnum_exceptions
from stdnum.cn import ric
from stdnum.cn import uscc
from tongliao.disclosure import _
from tongliao.disclosure.casehistory import EventHistory
from tongliao.disclosure.chinatime import today_in_china
from tongliao.disclosure.deadlines import EVENT_TYPES
from tongliao.disclosure.migration.storage import APPLICATION_EVENTS_KEY
from tongliao.disclosure.migration.storage import APPLICATION_FILES_KEY
from tongliao.disclosure.migration.storage import stored_list
from tongliao.disclosure.tracking import CODE_ALPHABET  # noqa: F401 (old path)
from tongliao.disclosure.tracking import CODE_LENGTH  # noqa: F401
from tongliao.disclosure.tracking import code_matches
from tongliao.disclosure.tracking import email_constraint
from tongliao.disclosure.tracking import InvalidEmail  # noqa: F401
from tongliao.disclosure.tracking import InvalidPhone  # noqa: F401
from tongliao.disclosure.tracking import mask_name  # noqa: F401 (old import path)
from tongliao.disclosure.tracking import new_tracking_code  # noqa: F401
from tongliao.disclosure.tracking import normalize_digits
from tongliao.disclosure.tracking import normalize_id_number
from tongliao.disclosure.tracking import normalize_phone
from tongliao.disclosure.tracking import normalize_tracking_code  # noqa: F401
from tongliao.disclosure.tracking import phone_constraint
from tongliao.disclosure.tracking import phone_tail  # noqa: F401
from tongliao.disclosure.tracking import tracking_code_hash  # noqa: F401
from tongliao.disclosure.validators import check_resident_id
from tongliao.disclosure.validators import MSG_RESIDENT_ID_CHECK
from tongliao.disclosure.validators import MSG_RESIDENT_ID_REGION
from tongliao.disclosure.validators import MSG_USCC_CHECK
from tongliao.disclosure.validators import MSG_USCC_LENGTH
from tongliao.disclosure.validators import resident_id_check_char
from zope import schema
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import re


VIEW_APPLICANT_DATA = "tongliao.disclosure.ViewApplicantData"
# plone.api and checkPermission take the permission title, ZCML the id.
VIEW_APPLICANT_DATA_TITLE = "tongliao.disclosure: View applicant data"
PERSONAL_FIELDS = ("applicant_name", "id_number", "phone", "address", "email")

# Identity documents of an applicant: token -> title. Natural persons may use
# any but the USCC; organisations the USCC or "other" (e.g. a foreign company).
ID_TYPES = {
    "resident_id": _("Resident identity card"),
    "passport": _("Passport"),
    "hk_macao_permit": _("Mainland travel permit for Hong Kong and Macao residents"),
    "taiwan_permit": _("Mainland travel permit for Taiwan residents"),
    "foreign_permanent_resident": _("Foreign permanent resident ID card"),
    "uscc": _("Unified social credit code"),
    "other": _("Other identity document"),
}
ID_TYPE_VOCABULARY = SimpleVocabulary(
    [SimpleTerm(token, token, title) for token, title in ID_TYPES.items()]
)
PERSON_ID_TYPES = tuple(token for token in ID_TYPES if token != "uscc")
ORGANISATION_ID_TYPES = ("uscc", "other")

# Format checks of the documents stdnum does not cover (assumptions, see
# docs/applications.rst): what each document's number looks like.
ID_FORMATS = {
    # Chinese passports E/G + 8 digits; foreign passports vary: 5-17 letters/digits.
    "passport": re.compile(r"^[A-Z0-9]{5,17}$"),
    # 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits (+2 renewal digits).
    "hk_macao_permit": re.compile(r"^[HM]\d{8}(\d{2})?$"),
    # 台湾居民来往大陆通行证: 8 digits since 2015; older booklets 10 digits (+ letter).
    "taiwan_permit": re.compile(r"^(\d{8}|\d{10}[A-Z]?)$"),
    # 外国人永久居留身份证: 2017/2023 18 characters (MOD 11-2 check), 2004 3 letters
    # + 12 digits.
    "foreign_permanent_resident": re.compile(r"^(\d{17}[\dX]|[A-Z]{3}\d{12})$"),
    "other": re.compile(r"^.{1,40}$"),
}

MSG_ID_FORMAT = _("This number does not have the format of the chosen document.")
MSG_ID_TYPE = _("This identity document is not possible for this applicant type.")
MSG_USCC_COMPONENT = _("The unified social credit code is not valid.")


def _stdnum_check(module, number, messages):
    """Run a python-stdnum validator, raising Invalid with our message."""
    try:
        return module.validate(number)
    except stdnum_exceptions.InvalidLength:
        raise _invalid(messages["length"], length=len(number)) from None
    except stdnum_exceptions.InvalidChecksum:
        raise _invalid(messages["checksum"]) from None
    except stdnum_exceptions.InvalidFormat:
        raise _invalid(messages["format"], chars="") from None
    except stdnum_exceptions.ValidationError:
        raise _invalid(messages["component"], **messages.get("mapping", {})) from None


def _invalid(message, **mapping):
    return Invalid(Message(message, mapping=mapping or None))


def default_id_type(applicant_type):
    return "resident_id" if applicant_type == "natural_person" else "uscc"


def check_applicant_id(applicant_type, id_number, today=None, id_type=None):
    """Check the identity document of an applicant; returns the number normalised.

    Resident ID card (stdnum.cn.ric, plus province and birth date not in the
    future) and USCC (stdnum.cn.uscc) are checked fully; the other documents by
    their format (ID_FORMATS). Raises zope.interface.Invalid with a
    translatable message.
    """
    id_type = id_type or default_id_type(applicant_type)
    allowed = (
        PERSON_ID_TYPES if applicant_type == "natural_person" else ORGANISATION_ID_TYPES
    )
    if id_type not in allowed:
        raise _invalid(MSG_ID_TYPE)
    number = normalize_id_number(id_number)
    if id_type == "resident_id":
        try:
            ric.validate(number)
        except stdnum_exceptions.InvalidComponent:
            # Birth date or place: our check names which (and the region).
            check_resident_id(number, today=today)
            raise _invalid(MSG_RESIDENT_ID_REGION, region=number[:6]) from None
        except stdnum_exceptions.ValidationError:
            pass  # length, characters, check digit: our check gives the message
        return check_resident_id(number, today=today)
    if id_type == "uscc":
        return _stdnum_check(
            uscc,
            number,
            {
                "length": MSG_USCC_LENGTH,
                "checksum": MSG_USCC_CHECK,
                "format": MSG_USCC_COMPONENT,
                "component": MSG_USCC_COMPONENT,
            },
        )
    if id_type == "other":
        number = " ".join(normalize_digits(id_number).split())
    if not ID_FORMATS[id_type].match(number):
        raise _invalid(MSG_ID_FORMAT)
    if (
        id_type == "foreign_permanent_resident"
        and number[0].isdigit()
        and resident_id_check_char(number[:17]) != number[17]
    ):
        raise _invalid(MSG_RESIDENT_ID_CHECK)
    return number


class IDisclosureApplication(model.Schema):
    """A request for government information (条例 art. 27–29)."""

    # Choices start at 请选择 in every form (public, staff): no preselection.
    directives.widget("applicant_type", prompt=True, promptMessage=_("Please choose"))
    directives.widget("id_type", noValueMessage=_("Please choose"))
    directives.widget("provision_form", prompt=True, promptMessage=_("Please choose"))
    directives.widget("obtain_method", prompt=True, promptMessage=_("Please choose"))
    directives.widget("channel", prompt=True, promptMessage=_("Please choose"))
    applicant_type = schema.Choice(
        title=_("Applicant type"),
        vocabulary="tongliao.disclosure.ApplicantTypes",
        required=True,
    )

    directives.read_permission(
        applicant_name=VIEW_APPLICANT_DATA,
        id_number=VIEW_APPLICANT_DATA,
        phone=VIEW_APPLICANT_DATA,
        address=VIEW_APPLICANT_DATA,
        email=VIEW_APPLICANT_DATA,
        tracking_code=VIEW_APPLICANT_DATA,
    )

    applicant_name = schema.TextLine(
        title=_("Applicant name"),
        description=_("A person's name, or the full name of the organisation."),
        required=True,
        max_length=100,
    )

    id_type = schema.Choice(
        title=_("Identity document"),
        description=_(
            "Natural persons: resident ID card, passport, travel permit or "
            "permanent resident card; organisations: unified social credit code."
        ),
        vocabulary=ID_TYPE_VOCABULARY,
        required=False,
    )

    id_number = schema.TextLine(
        title=_("Identity document number"),
        description=_(
            "Resident ID card number for a natural person; unified social credit "
            "code for an organisation."
        ),
        required=True,
        max_length=40,
    )

    phone = schema.TextLine(
        title=_("Phone"), required=True, constraint=phone_constraint, max_length=30
    )

    address = schema.TextLine(title=_("Postal address"), required=False, max_length=200)

    email = schema.TextLine(
        title=_("Email"), required=False, constraint=email_constraint, max_length=100
    )

    description = schema.Text(
        title=_("Information requested"),
        description=_(
            "Name, document number or another description that identifies the "
            "information (art. 29)."
        ),
        required=True,
        max_length=5000,
    )

    provision_form = schema.Choice(
        title=_("Form of provision"),
        vocabulary="tongliao.disclosure.ProvisionForms",
        required=True,
    )

    obtain_method = schema.Choice(
        title=_("Way of obtaining"),
        vocabulary="tongliao.disclosure.ObtainMethods",
        required=True,
    )

    channel = schema.Choice(
        title=_("Channel"),
        vocabulary="tongliao.disclosure.ApplicationChannels",
        required=True,
    )

    received_date = schema.Date(
        title=_("Date of receipt"),
        description=_(
            "Art. 31: in person, the day of submission; signed mail, the day the "
            "agency signed for it; unsigned ordinary mail, the day the office "
            "confirmed it with the applicant (on the day it arrived); online or "
            "fax, the day both parties confirmed it. This day is day 0 of the "
            "20-working-day reply period."
        ),
        required=True,
    )

    directives.omitted("tracking_code", "outcome")
    tracking_code = schema.TextLine(
        title=_("Tracking code"), required=False, readonly=True
    )

    outcome = schema.Choice(
        title=_("Outcome"),
        vocabulary="tongliao.disclosure.ApplicationOutcomes",
        required=False,
        readonly=True,
    )

    @invariant
    def valid_identity(data):
        applicant_type = getattr(data, "applicant_type", None)
        id_number = getattr(data, "id_number", None)
        if applicant_type and id_number:
            check_applicant_id(
                applicant_type, id_number, id_type=getattr(data, "id_type", None)
            )

    @invariant
    def received_not_in_future(data):
        received = getattr(data, "received_date", None)
        if received and received > today_in_china():
            raise Invalid(_("The date of receipt cannot be later than today."))


@implementer(IDisclosureApplication)
class DisclosureApplication(Container, EventHistory):
    """One application for government information."""

    tracking_code = None
    outcome = None
    id_type = None

    def normalize_personal_data(self):
        """Store phone, ID number and e-mail in one form, whatever the channel."""
        if self.phone:
            self.phone = normalize_phone(self.phone)
        if self.id_number:
            try:
                self.id_number = check_applicant_id(
                    self.applicant_type, self.id_number, id_type=self.id_type
                )
            except Invalid:
                self.id_number = normalize_id_number(self.id_number)
        if self.email:
            self.email = normalize_digits(self.email).strip()

    # -- events ---------------------------------------------------------------

    def _event_list(self, create=False):
        """The stored events (an annotation, migration/storage.py)."""
        return stored_list(self, APPLICATION_EVENTS_KEY, create=create)

    def engine_events(self):
        """The events in the shape compute_deadlines takes."""
        result = []
        for event in self._event_list():
            if event["type"] in EVENT_TYPES:
                result.append(
                    {**event["data"], "type": event["type"], "date": event["date"]}
                )
        return result

    # -- stored files (identity proofs and notices, not catalogued) -------------

    def _file_list(self, create=False):
        """The stored list; readers get an empty tuple rather than a write on GET."""
        return stored_list(self, APPLICATION_FILES_KEY, create=create)

    def add_stored_file(self, kind, data, filename, content_type, **info):
        """Keep a blob on the case; returns its id (``n1``, ``n2`` …)."""
        files = self._file_list(create=True)
        file_id = f"f{len(files) + 1}"
        blob = NamedBlobFile(data=data, filename=filename, contentType=content_type)
        files.append({"id": file_id, "kind": kind, "file": blob, **info})
        return file_id

    def stored_files(self, kind=None):
        return [
            entry
            for entry in self._file_list()
            if kind is None or entry["kind"] == kind
        ]

    def stored_file(self, file_id):
        for entry in self._file_list():
            if entry["id"] == file_id:
                return entry
        return None

    def matches(self, code, tail):
        """Whether the (tracking code, phone tail) pair opens this case."""
        return code_matches(self.tracking_code, self.phone, code, tail)
