"""REST JSON of the policy types: linked display and cross-schema validation."""

from plone import api
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from tongliao.disclosure.policy.document import cross_schema_problems
from tongliao.disclosure.policy.document import IPolicyDocument
from tongliao.disclosure.policy.interpretation import IPolicyInterpretation
from tongliao.disclosure.relations import back_references
from tongliao.disclosure.relations import forward_references
from tongliao.disclosure.vocabularies import get_vocabulary
from tongliao.disclosure.vocabularies import VALIDITY
from zExceptions import BadRequest
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface


def _iso(value):
    return value.ISO8601() if value is not None else None


def validity_title(token):
    try:
        return get_vocabulary(VALIDITY).getTerm(token).title
    except LookupError:
        return None


def document_summary(document):
    return {
        "@id": document.absolute_url(),
        "@type": document.portal_type,
        "UID": document.UID(),
        "title": document.Title(),
        "review_state": api.content.get_state(document, default=None),
        "document_number": document.document_number,
        "index_number": document.index_number or None,
        "validity": document.validity,
        "validity_title": validity_title(document.validity),
        "effective": _iso(document.effective_date),
    }


def interpretation_summary(interpretation):
    return {
        "@id": interpretation.absolute_url(),
        "@type": interpretation.portal_type,
        "UID": interpretation.UID(),
        "title": interpretation.Title(),
        "review_state": api.content.get_state(interpretation, default=None),
        "interpretation_form": list(interpretation.interpretation_form or []),
        "effective": _iso(interpretation.effective_date),
    }


@implementer(ISerializeToJson)
@adapter(IPolicyDocument, Interface)
class SerializePolicyDocumentToJson(SerializeFolderToJson):
    """Adds ``interpretations`` (only those the caller may view) and ``replaces``."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        result["interpretations"] = [
            interpretation_summary(obj)
            for obj in back_references(
                self.context, "interpreted_documents", "PolicyInterpretation"
            )
        ]
        result["replaces"] = [
            document_summary(obj)
            for obj in back_references(self.context, "replaced_by", "PolicyDocument")
        ]
        replaced_by = forward_references(self.context, "replaced_by")
        result["replaced_by"] = (
            document_summary(replaced_by[0]) if replaced_by else None
        )
        return result


@implementer(ISerializeToJson)
@adapter(IPolicyInterpretation, Interface)
class SerializePolicyInterpretationToJson(SerializeFolderToJson):
    """``interpreted_documents`` resolved, permission-filtered, with validity."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        result["interpreted_documents"] = [
            document_summary(obj)
            for obj in forward_references(self.context, "interpreted_documents")
        ]
        return result


@implementer(IDeserializeFromJson)
@adapter(IPolicyDocument, Interface)
class DeserializePolicyDocumentFromJson(DeserializeFromJson):
    """Schema invariants run in the base class; this adds the 发布日期 rule.

    成文日期 ≤ 发布日期 spans our schema and IPublication, which plone.restapi
    validates separately; the values are set on the object by now, so check them
    there. BadRequest aborts the transaction like the base class's own errors.
    """

    def __call__(self, validate_all=False, data=None, create=False, **kwargs):
        context = super().__call__(
            validate_all=validate_all, data=data, create=create, **kwargs
        )
        problems = cross_schema_problems(
            self.context.date_written, self.context.effective_date
        )
        if problems:
            raise BadRequest(
                [
                    {
                        "error": "ValidationError",
                        "field": "date_written",
                        "message": translate(message, context=self.request),
                    }
                    for message in problems
                ]
            )
        return context
