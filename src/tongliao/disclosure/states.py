"""Workflow state titles for people: from the workflow definition, translated."""

from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate


def state_title(state, request=None, workflow_id="disclosure_review_workflow"):
    """The title of ``state`` as the workflow definition names it, translated.

    The definition is the one source: a renamed state is shown renamed. Its
    titles are translated in the ``plone`` domain, as Plone's state menu does
    (locales/*/LC_MESSAGES/plone.po).
    """
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(workflow_id)
    definition = workflow.states.get(state) if workflow is not None else None
    if definition is None or not definition.title:
        return state or ""
    return translate(definition.title, domain="plone", context=request or getRequest())
