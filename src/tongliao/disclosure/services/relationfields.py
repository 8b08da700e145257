"""Relation fields in REST JSON list only what the reader may View.

plone.restapi serialises every target of a relation field; a published document
would list its draft directory items. These serializers (registered for the
add-on's browser layer, more specific than plone.restapi's) drop the targets the
reader may not View, through the one helper of ``relations.py``, for every
relation field of every Dexterity type — no per-field special cases.
"""

from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.relationfield import RelationChoiceFieldSerializer
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from tongliao.disclosure.interfaces import IBrowserLayer
from tongliao.disclosure.relations import viewable
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.interface import implementer


@adapter(IRelationChoice, IDexterityContent, IBrowserLayer)
@implementer(IFieldSerializer)
class ViewableRelationChoiceSerializer(RelationChoiceFieldSerializer):
    def get_value(self, default=None):
        value = super().get_value(default)
        if value is None or viewable(value) is None:
            return None
        return value


@adapter(IRelationList, IDexterityContent, IBrowserLayer)
@implementer(IFieldSerializer)
class ViewableRelationListSerializer(RelationListFieldSerializer):
    def get_value(self, default=None):
        return [rel for rel in super().get_value(default) if viewable(rel) is not None]
