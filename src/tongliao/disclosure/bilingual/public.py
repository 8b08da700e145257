"""Which msgids the public pages show: the set that must have a Mongolian
translation (tests/test_bilingual_catalog.py).

The public pages are home, the catalogue, an agency's area and its sections, a
policy document and interpretation, the disclosure guide, the standard
directory, questions and answers, a consultation, the public forms (complaint,
question), the online application (apply, done) and the lookup, the search
page and the site map (Plone's strings there: ``chrome.CONTENT_STRINGS`` and
``SEARCH_STRINGS``), and the chrome around every public page (masthead, 适老化
button, skip link, footer, Plone's navigation strings, the document rating
form). Their msgids
are those the .pot lists from the files below, plus the ones those views take
from schemas and modules shared with staff pages (listed explicitly, so a
staff-only msgid of the same module is not dragged in).
"""

from tongliao.disclosure import _
from tongliao.disclosure.applications import content as application_content
from tongliao.disclosure.applications.browser.views import APPLY_FIELDS
from tongliao.disclosure.applications.browser.views import IApplyProof
from tongliao.disclosure.applications.content import ID_TYPES
from tongliao.disclosure.applications.content import IDisclosureApplication
from tongliao.disclosure.applications.workflow import NOT_FOUND_MSGID
from tongliao.disclosure.bilingual.chrome import CONTENT_STRINGS
from tongliao.disclosure.bilingual.chrome import SEARCH_STRINGS
from tongliao.disclosure.complaints.browser.views import ComplainView
from tongliao.disclosure.complaints.content import CATEGORIES
from tongliao.disclosure.consultation.browser.views import COMMENT_LIMITED
from tongliao.disclosure.messages.browser.views import WriteMessageView
from tongliao.disclosure.tracking import InvalidEmail
from tongliao.disclosure.tracking import InvalidPhone

import tongliao.disclosure.validators


PUBLIC_FILES = (
    "platform/browser/templates/home.pt",
    "platform/browser/templates/catalogue.pt",
    "platform/browser/templates/agency.pt",
    "platform/browser/templates/section.pt",
    "platform/browser/catalogue.py",
    "platform/browser/a11y.py",
    "platform/catalogue.py",
    "browser/templates/macros.pt",
    "policy/browser/templates/policy_document.pt",
    "directory/browser/templates/disclosure_guide.pt",
    "applications/browser/templates/apply.pt",
    "applications/browser/templates/apply_done.pt",
    "applications/browser/templates/lookup.pt",
    "bilingual/browser/templates/languageselector.pt",
    # The chrome of every public page: theme, Plone's strings, the rating form.
    "platform/browser/templates/masthead.pt",
    "platform/browser/templates/elder_toggle.pt",
    "platform/browser/templates/footer.pt",
    "bilingual/chrome.py",
    "evaluation/browser/templates/rating_viewlet.pt",
    # The interpretation, the standard directory, questions and answers, the
    # public forms (complaint) — their content, not only the chrome.
    "policy/browser/templates/policy_interpretation.pt",
    "directory/browser/templates/directory_listing.pt",
    "messages/browser/templates/messages.pt",
    "browser/templates/publicform.pt",
    "consultation/browser/templates/consultation.pt",
)

# Shown on those pages but defined in shared modules.
PUBLIC_MSGIDS = (
    # policy/browser/views.py: the document's metadata table
    _("Subject category"),
    _("Issuing agency"),
    _("Date written"),
    _("Validity"),
    _("Disclosure attribute"),
    _("Repeal date"),
    _("Keywords"),
    _("Five publicity category"),
    # policy/browser/views.py: an agency's contact table
    _("Unified social credit code"),
    # directory/guide_content.py: the guide's fixed headings; views.py: office
    _("Overview"),
    _("Proactive disclosure: scope"),
    _("Classification and catalogue system"),
    _("How to obtain information"),
    _("Disclosure on application: procedure"),
    _("Fees"),
    _("Supervision and remedies"),
    _("Address"),
    _("Postcode"),
    _("Office hours"),
    _("Phone"),
    _("Fax"),
    _("Email"),
    _("Name"),
    # the footer's link to the complaint form (a site action, actions.xml)
    _("Complain about disclosure work"),
    # applications: the messages of apply and lookup (fields: apply_field_msgids)
    _("Submit application"),  # the apply form's button (applications/browser/views.py)
    _("This field is required."),
    _("Choose one of the options."),
    _("Please correct the marked fields."),
    _("The form has expired. Reload the page and submit it again."),
    _("Attach a proof of identity (PDF, JPG or PNG)."),
    _("The proof of identity must be a PDF, JPG or PNG file."),
    _("Enter the tracking code and the last four digits of the phone."),
    _("Enter the tracking code."),
    _("Enter the last four digits of the phone number."),
    _("Too many lookups. Please try again later."),
    NOT_FOUND_MSGID,
    # the lookup's answer: the case's state (the workflow's state titles)
    _("Registered"),
    _("Awaiting correction"),
    _("Processing"),
    _("Consulting"),
    _("Replied"),
    _("Withdrawn"),
    _("Archived"),
    # the apply form: the proof's label, the option titles of the identity
    # document (msgids; the other option lists have title_mn in their data
    # files), the field checks (phone, e-mail, identity numbers)
    IApplyProof["id_proof"].title,
    _("Please choose"),
    *ID_TYPES.values(),
    InvalidEmail.__doc__,
    InvalidPhone.__doc__,
    application_content.MSG_ID_FORMAT,
    application_content.MSG_ID_TYPE,
    application_content.MSG_USCC_COMPONENT,
    *(
        value
        for name, value in vars(tongliao.disclosure.validators).items()
        if name.startswith(("MSG_RESIDENT_ID_", "MSG_USCC_"))
    ),
    # Plone's strings in the content area (bilingual/chrome.py CONTENT_STRINGS)
    *CONTENT_STRINGS.values(),
    *SEARCH_STRINGS.values(),
    # the content types' titles (the search page's filter)
    _("Policy document"),
    _("Policy interpretation"),
    _("Disclosure agency"),
    _("Disclosure section"),
    _("Disclosure guide"),
    _("Standard directory"),
    _("Directory category"),
    _("Directory item"),
    # consultation/browser/views.py: a consultation's page and its comment form
    _("${start} to ${end}"),
    _("This consultation opens for comments on ${date}."),
    _("This consultation closed on ${date}; no more comments are accepted."),
    _("The form has expired. Please reload the page and try again."),
    _("This consultation is not published."),
    _("Write your comment."),
    _("The comment is longer than ${size} characters."),
    _("At most ${size} characters."),
    _("This comment has already been received."),
    COMMENT_LIMITED,
    _("Thank you. Your comment was received and will be shown after moderation."),
    # the complaint form's categories (its texts: public_form_msgids)
    *CATEGORIES.values(),
)

# The public forms drawn by browser/templates/publicform.pt.
PUBLIC_FORMS = (ComplainView, WriteMessageView)


def apply_field_msgids():
    """Titles and descriptions of the fields of the online application form."""
    found = []
    for name in APPLY_FIELDS:
        field = IDisclosureApplication[name]
        found.extend(text for text in (field.title, field.description) if text)
    return found


def public_form_msgids():
    """Heading, introduction, button and the fields' titles and descriptions of
    the public forms (complaint, question to an agency)."""
    found = []
    for view in PUBLIC_FORMS:
        found.extend((view.heading, view.intro, view.submit_label))
        for name in view.field_names:
            field = view.schema[name]
            found.extend(text for text in (field.title, field.description) if text)
    return found


def public_msgids(pot):
    """The public msgids of ``pot`` (an i18ndude MessageCatalog of the .pot)."""
    found = {str(msgid) for msgid in PUBLIC_MSGIDS}
    found.update(str(msgid) for msgid in apply_field_msgids())
    found.update(str(msgid) for msgid in public_form_msgids())
    for msgid, entry in pot.items():
        files = {ref.rsplit(":", 1)[0] for ref in entry.references}
        if any(f.endswith(path) for f in files for path in PUBLIC_FILES):
            found.add(msgid)
    return {msgid for msgid in found if msgid in pot}
