"""Add and edit forms of PolicyDocument: the cross-schema 成文日期 ≤ 发布日期 check.

The schema's invariants see only their own schema's fields; 发布日期 (effective)
belongs to IPublication (the "dates" fieldset), so the check runs on the merged
data of all fieldsets here and marks the 成文日期 widget.
"""

from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from tongliao.disclosure.policy.document import cross_schema_problems
from z3c.form.interfaces import IErrorViewSnippet
from zope.component import getMultiAdapter
from zope.interface import Invalid


_MISSING = object()


class DatesCheckMixin:
    def _current(self, name):
        return None

    def extractData(self, setErrors=True):
        data, errors = super().extractData(setErrors=setErrors)
        if errors:
            return data, errors
        written = data.get("date_written", _MISSING)
        # Behavior fields are keyed with their schema prefix.
        effective = data.get("IPublication.effective", data.get("effective", _MISSING))
        if written is _MISSING:
            written = self._current("date_written")
        if effective is _MISSING:
            effective = self._current("effective")
        problems = cross_schema_problems(written, effective)
        if not problems:
            return data, errors
        widget = self.widgets.get("date_written")
        new_errors = []
        for message in problems:
            view = getMultiAdapter(
                (
                    Invalid(message),
                    self.request,
                    widget,
                    widget.field if widget is not None else None,
                    self,
                    self.getContent(),
                ),
                IErrorViewSnippet,
            )
            view.update()
            new_errors.append(view)
        if widget is not None:
            widget.error = new_errors[0]
        if setErrors:
            self.widgets.errors = tuple(self.widgets.errors or ()) + tuple(new_errors)
        return data, tuple(errors or ()) + tuple(new_errors)


class PolicyDocumentAddForm(DatesCheckMixin, DefaultAddForm):
    portal_type = "PolicyDocument"


class PolicyDocumentAddView(DefaultAddView):
    form = PolicyDocumentAddForm


class PolicyDocumentEditForm(DatesCheckMixin, DefaultEditForm):
    def _current(self, name):
        if name == "effective":
            return self.context.effective_date
        return getattr(self.context, name, None)
