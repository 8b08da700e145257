"""Catalog indexers of the policy types.

Every index of ours has a catch-all indexer for other objects that raises
AttributeError ("no value"): without it, a File inside a PolicyDocument would
acquire the document's attributes and show up in the catalogue's facets.
"""

from plone import api
from plone.indexer import indexer
from tongliao.disclosure.policy.document import IPolicyDocument
from tongliao.disclosure.policy.interpretation import IPolicyInterpretation
from tongliao.disclosure.vocabularies import subject_parent
from zope.interface import Interface


def _none(obj):
    raise AttributeError


def _attribute(name):
    """An indexer of PolicyDocument's attribute ``name`` (empty: no value)."""

    @indexer(IPolicyDocument)
    def index(obj):
        value = getattr(obj.aq_base, name, None)
        if value is None or value == "":
            raise AttributeError(name)
        return value

    return index


# Anything else: no value (not the acquired value of a containing document).
not_ours = indexer(Interface)(_none)

document_kind_document = _attribute("document_kind")
issuing_agency_document = _attribute("issuing_agency")
validity_document = _attribute("validity")
disclosure_attribute_document = _attribute("disclosure_attribute")
index_number_document = _attribute("index_number")
document_number_document = _attribute("document_number")
date_written_document = _attribute("date_written")


@indexer(IPolicyDocument)
def subject_category_document(obj):
    """The token and its top category, so a top category finds its children."""
    token = obj.subject_category
    if not token:
        raise AttributeError("subject_category")
    return [token] if subject_parent(token) == token else [token, subject_parent(token)]


@indexer(IPolicyDocument)
def year_written_document(obj):
    if obj.date_written is None:
        raise AttributeError("year_written")
    return obj.date_written.year


def html_to_text(obj, richtext):
    if richtext is None or not richtext.raw:
        return ""
    transforms = api.portal.get_tool("portal_transforms")
    html = richtext.output_relative_to(obj)
    data = transforms.convertTo("text/plain", html, mimetype="text/html")
    return data.getData() if data is not None else ""


def _searchable(obj, *parts):
    return " ".join(
        part
        for part in (
            obj.Title(),
            obj.Description(),
            *parts,
            " ".join(obj.Subject()),
            html_to_text(obj, obj.text),
        )
        if part
    )


@indexer(IPolicyDocument)
def searchable_text_document(obj):
    """Title, numbers, agency, keywords and body (CJK is split by Plone's splitter)."""
    return _searchable(obj, obj.document_number, obj.index_number, obj.issuing_agency)


@indexer(IPolicyInterpretation)
def searchable_text_interpretation(obj):
    return _searchable(obj, obj.interpreting_agency, obj.interpreter)
