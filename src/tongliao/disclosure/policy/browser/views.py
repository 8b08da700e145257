"""Public views of agencies, policy documents and interpretations."""

from tongliao.disclosure import _
from tongliao.disclosure.bilingual import is_mongolian
from tongliao.disclosure.bilingual.dates import date_text
from tongliao.disclosure.bilingual.titles import title_mn
from tongliao.disclosure.bilingual.titles import title_parts
from tongliao.disclosure.bilingual.vocabulary import vocabulary_title
from tongliao.disclosure.browser.base import _Base
from tongliao.disclosure.policy.lag import interpretation_lag
from tongliao.disclosure.relations import back_references
from tongliao.disclosure.relations import forward_references
from tongliao.disclosure.vocabularies import DISCLOSURE_ATTRIBUTES
from tongliao.disclosure.vocabularies import DOCUMENT_KINDS
from tongliao.disclosure.vocabularies import FIVE_PUBLICITY
from tongliao.disclosure.vocabularies import INTERPRETATION_FORMS
from tongliao.disclosure.vocabularies import SUBJECT_CATEGORIES
from tongliao.disclosure.vocabularies import VALIDITY


class PolicyDocumentView(_Base):
    def metadata(self):
        """Rows of the gov catalogue metadata table: (label msgid, value)."""
        c = self.context
        return [
            (_("Index number"), c.index_number or "—"),
            (
                _("Subject category"),
                vocabulary_title(SUBJECT_CATEGORIES, c.subject_category),
            ),
            (_("Issuing agency"), c.issuing_agency or ""),
            (_("Date written"), date_text(c.date_written)),
            (_("Document number"), c.document_number or "—"),
            (_("Date published"), date_text(c.effective_date) or "—"),
            (_("Validity"), vocabulary_title(VALIDITY, c.validity)),
        ]

    def extra(self):
        c = self.context
        rows = [
            ("Document kind", vocabulary_title(DOCUMENT_KINDS, c.document_kind)),
            (
                _("Disclosure attribute"),
                vocabulary_title(DISCLOSURE_ATTRIBUTES, c.disclosure_attribute),
            ),
        ]
        if c.five_publicity:
            rows.append(
                (
                    _("Five publicity category"),
                    vocabulary_title(FIVE_PUBLICITY, c.five_publicity),
                )
            )
        if c.repeal_date:
            rows.append((_("Repeal date"), date_text(c.repeal_date)))
        if c.is_normative and c.registration_number:
            rows.append((_("Registration number"), c.registration_number))
        if c.Subject():
            rows.append((_("Keywords"), "、".join(c.Subject())))
        return rows

    def is_out_of_force(self):
        return self.context.validity in ("repealed", "expired")

    def replaced_by(self):
        targets = forward_references(self.context, "replaced_by")
        return targets[0] if targets else None

    def replaces(self):
        return back_references(self.context, "replaced_by", "PolicyDocument")

    def interpretations(self):
        return [
            {
                "url": obj.absolute_url(),
                "title": obj.Title(),
                "date": date_text(obj.effective_date),
                "forms": "、".join(
                    vocabulary_title(INTERPRETATION_FORMS, f)
                    for f in obj.interpretation_form or []
                ),
            }
            for obj in back_references(
                self.context, "interpreted_documents", "PolicyInterpretation"
            )
        ]

    def attachments(self):
        return self.contents(["File", "Image"])


class PolicyInterpretationView(_Base):
    def documents(self):
        rows = []
        show_lag = self.is_staff()
        for doc in forward_references(self.context, "interpreted_documents"):
            row = {
                "url": doc.absolute_url(),
                **title_parts(doc.Title(), title_mn(doc), self.request),
                "document_number": doc.document_number,
                "validity": doc.validity,
                "validity_title": vocabulary_title(VALIDITY, doc.validity),
                "lag": None,
            }
            if show_lag:
                row["lag"] = interpretation_lag(doc, self.context)
            rows.append(row)
        return rows

    def forms(self):
        separator = "᠂ " if is_mongolian(self.request) else "、"
        return separator.join(
            vocabulary_title(INTERPRETATION_FORMS, f)
            for f in self.context.interpretation_form or []
        )

    def media(self):
        return self.contents(["File", "Image"])

    def published(self):
        return date_text(self.context.effective_date)


class DisclosureAgencyView(_Base):
    def rows(self):
        c = self.context
        return [
            (label, value)
            for label, value in (
                (_("Unified social credit code"), c.credit_code),
                (_("Address"), c.address),
                (_("Postcode"), c.postcode),
                (_("Office hours"), c.office_hours),
                (_("Phone"), c.phone),
                (_("Fax"), c.fax),
                (_("Email"), c.email),
            )
            if value
        ]

    def items(self):
        return self.contents()
