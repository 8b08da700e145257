"""REST JSON of the policy types: linked display and cross-schema validation."""

from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import IExpandableElement
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.summary import DefaultJSONSummarySerializer
from plone.restapi.services import Service
from tongliao.disclosure.interfaces import IBrowserLayer
from tongliao.disclosure.policy.document import cross_schema_problems
from tongliao.disclosure.policy.document import IPolicyDocument
from tongliao.disclosure.policy.interpretation import IPolicyInterpretation
from tongliao.disclosure.relations import back_references
from tongliao.disclosure.relations import forward_references
from tongliao.disclosure.vocabularies import term_title
from tongliao.disclosure.vocabularies import VALIDITY
from zExceptions import BadRequest
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import implementer


def _iso(value):
    return value.ISO8601() if value is not None else None


def summary(obj, request):
    """The ISerializeToJsonSummary of ``obj`` (ours for the policy types)."""
    return getMultiAdapter((obj, request), ISerializeToJsonSummary)()


@implementer(ISerializeToJsonSummary)
@adapter(IPolicyDocument, IBrowserLayer)
class PolicyDocumentSummary(DefaultJSONSummarySerializer):
    """plone.restapi's summary plus the catalogue metadata of a document."""

    def __call__(self):
        document = self.context
        return {
            **super().__call__(),
            "UID": document.UID(),
            "document_number": document.document_number,
            "index_number": document.index_number or None,
            "validity": document.validity,
            "validity_title": term_title(VALIDITY, document.validity) or None,
            "effective": _iso(document.effective_date),
        }


@implementer(ISerializeToJsonSummary)
@adapter(IPolicyInterpretation, IBrowserLayer)
class PolicyInterpretationSummary(DefaultJSONSummarySerializer):
    """plone.restapi's summary plus the forms and date of an interpretation."""

    def __call__(self):
        interpretation = self.context
        return {
            **super().__call__(),
            "UID": interpretation.UID(),
            "interpretation_form": list(interpretation.interpretation_form or []),
            "effective": _iso(interpretation.effective_date),
        }


@implementer(IExpandableElement)
@adapter(IPolicyDocument, IBrowserLayer)
class BackReferences:
    """``?expand=back-references``: the interpretations of a document and the
    documents it replaces, only those the caller may View.

    Back-references need a relation-catalog query and wake every source, so a
    plain GET lists only the link, as plone.restapi does for its own expanders.
    """

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand=False):
        result = {"@id": f"{self.context.absolute_url()}/@back-references"}
        if expand:
            result["interpretations"] = [
                summary(obj, self.request)
                for obj in back_references(
                    self.context, "interpreted_documents", "PolicyInterpretation"
                )
            ]
            result["replaces"] = [
                summary(obj, self.request)
                for obj in back_references(
                    self.context, "replaced_by", "PolicyDocument"
                )
            ]
        return {"back-references": result}


class BackReferencesGet(Service):
    """GET @back-references: the expanded element on its own."""

    def reply(self):
        return BackReferences(self.context, self.request)(expand=True)[
            "back-references"
        ]


@implementer(ISerializeToJson)
@adapter(IPolicyDocument, IBrowserLayer)
class SerializePolicyDocumentToJson(SerializeFolderToJson):
    """Adds ``replaced_by`` as a summary (back-references: the expander)."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        replaced_by = forward_references(self.context, "replaced_by")
        result["replaced_by"] = (
            summary(replaced_by[0], self.request) if replaced_by else None
        )
        return result


@implementer(ISerializeToJson)
@adapter(IPolicyInterpretation, IBrowserLayer)
class SerializePolicyInterpretationToJson(SerializeFolderToJson):
    """``interpreted_documents`` resolved, permission-filtered, with validity."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        result["interpreted_documents"] = [
            summary(obj, self.request)
            for obj in forward_references(self.context, "interpreted_documents")
        ]
        return result


@implementer(IDeserializeFromJson)
@adapter(IPolicyDocument, IBrowserLayer)
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
