"""DisclosureApplication (政府信息公开申请): one 依申请公开 case.

The case keeps its history as an append-only list of event dicts (type, date,
actor, note, data); the deadlines are computed from it by
:mod:`tongliao.disclosure.deadlines` (through
:mod:`tongliao.disclosure.applications.workflow`). Personal fields carry the read
permission ``tongliao.disclosure.ViewApplicantData``.
"""

from datetime import date
from datetime import datetime
from persistent.list import PersistentList
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.file import NamedBlobFile
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.deadlines import EVENT_TYPES
from tongliao.disclosure.validators import check_resident_id
from tongliao.disclosure.validators import check_uscc
from tongliao.disclosure.validators import today_in_china
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant

import hashlib
import re
import secrets
import unicodedata


VIEW_APPLICANT_DATA = "tongliao.disclosure.ViewApplicantData"
# plone.api and checkPermission take the permission title, ZCML the id.
VIEW_APPLICANT_DATA_TITLE = "tongliao.disclosure: View applicant data"
PERSONAL_FIELDS = ("applicant_name", "id_number", "phone", "address", "email")

# Crockford-like alphabet without 0/O, 1/I/L, U: nothing to misread on paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 29**12 ≈ 2**58 codes

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_digits(value):
    """Full-width digits, letters and spaces to ASCII (NFKC), e.g. "１３８" → "138"."""
    return unicodedata.normalize("NFKC", str(value or ""))


def new_tracking_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalize_tracking_code(value):
    """Upper case, no separators; '' for anything outside the alphabet."""
    text = re.sub(r"[\s\-]", "", str(value or "")).upper()
    if len(text) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in text):
        return ""
    return text


def tracking_code_hash(value):
    """What the catalog stores instead of the code itself."""
    code = normalize_tracking_code(value)
    return hashlib.sha256(code.encode()).hexdigest() if code else ""


def phone_tail(phone):
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:]


def mask_name(value):
    text = (value or "").strip()
    if len(text) <= 1:
        return "*" * len(text)
    return text[0] + "*" * (len(text) - 1)


def email_constraint(value):
    if value and not _EMAIL_RE.match(value):
        raise Invalid(_("Enter a valid email address."))
    return True


def phone_constraint(value):
    if value and len(re.sub(r"\D", "", value)) < 7:
        raise Invalid(_("Enter a phone number with at least 7 digits."))
    return True


def check_applicant_id(applicant_type, id_number, today=None):
    """Resident ID for natural persons, USCC for organisations; returns it."""
    if applicant_type == "natural_person":
        return check_resident_id(id_number, today=today)
    return check_uscc(id_number)


class IDisclosureApplication(model.Schema):
    """A request for government information (条例 art. 27–29)."""

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
    )

    id_number = schema.TextLine(
        title=_("Identity document number"),
        description=_(
            "Resident ID card number for a natural person; unified social credit "
            "code for an organisation."
        ),
        required=True,
    )

    phone = schema.TextLine(
        title=_("Phone"), required=True, constraint=phone_constraint
    )

    address = schema.TextLine(title=_("Postal address"), required=False)

    email = schema.TextLine(
        title=_("Email"), required=False, constraint=email_constraint
    )

    description = schema.Text(
        title=_("Information requested"),
        description=_(
            "Name, document number or another description that identifies the "
            "information (art. 29)."
        ),
        required=True,
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
            check_applicant_id(applicant_type, id_number)

    @invariant
    def received_not_in_future(data):
        received = getattr(data, "received_date", None)
        if received and received > today_in_china():
            raise Invalid(_("The date of receipt cannot be later than today."))


def _plain(value):
    """Dates in events are stored as ISO strings in data, as date in 'date'."""
    if isinstance(value, datetime):
        return value.date()
    return value


@implementer(IDisclosureApplication)
class DisclosureApplication(Container):
    """One application for government information."""

    tracking_code = None
    outcome = None

    # -- events ---------------------------------------------------------------

    def _event_list(self):
        events = self.__dict__.get("_events")
        if events is None:
            events = self._events = PersistentList()
        return events

    def add_event(self, type, day, actor, note="", **data):
        """Append one event; the history is never rewritten."""
        if not isinstance(day, date):
            raise TypeError(f"event date must be a date, got {day!r}")
        event = {
            "type": type,
            "date": _plain(day),
            "actor": actor or "",
            "note": note or "",
            "recorded": datetime.now().isoformat(timespec="seconds"),
            "data": dict(data),
        }
        self._event_list().append(event)
        return event

    def get_events(self):
        """Copies of the events, oldest first."""
        return [dict(event, data=dict(event["data"])) for event in self._event_list()]

    def engine_events(self):
        """The events in the shape compute_deadlines takes."""
        result = []
        for event in self._event_list():
            if event["type"] in EVENT_TYPES:
                result.append(
                    {**event["data"], "type": event["type"], "date": event["date"]}
                )
        return result

    def has_event(self, type):
        return any(event["type"] == type for event in self._event_list())

    def last_event(self, type):
        for event in reversed(self._event_list()):
            if event["type"] == type:
                return event
        return None

    # -- stored files (identity proofs and notices, not catalogued) -------------

    def _file_list(self, name):
        files = self.__dict__.get(name)
        if files is None:
            files = PersistentList()
            setattr(self, name, files)
        return files

    def add_stored_file(self, kind, data, filename, content_type, **info):
        """Keep a blob on the case; returns its id (``n1``, ``n2`` …)."""
        files = self._file_list("_stored_files")
        file_id = f"f{len(files) + 1}"
        blob = NamedBlobFile(data=data, filename=filename, contentType=content_type)
        files.append({"id": file_id, "kind": kind, "file": blob, **info})
        return file_id

    def stored_files(self, kind=None):
        return [
            entry
            for entry in self._file_list("_stored_files")
            if kind is None or entry["kind"] == kind
        ]

    def stored_file(self, file_id):
        for entry in self._file_list("_stored_files"):
            if entry["id"] == file_id:
                return entry
        return None

    def matches(self, code, tail):
        """Whether the (tracking code, phone tail) pair opens this case."""
        own = normalize_tracking_code(self.tracking_code)
        given = normalize_tracking_code(code)
        own_tail = phone_tail(self.phone)
        return bool(
            own
            and given
            and len(own_tail) == 4
            and secrets.compare_digest(own, given)
            & secrets.compare_digest(own_tail, str(tail or "").strip())
        )
