"""Field constraints that every channel reports as a validation error.

The validators raise ``zope.interface.Invalid``; z3c.form catches that, but
plone.restapi only turns ``ValidationError`` into a 400 (anything else is a 500).
"""

from functools import wraps
from tongliao.disclosure import validators
from zope.interface import Invalid
from zope.schema import ValidationError


class RuleViolation(ValidationError):
    """A ValidationError whose doc() is the translatable message of the rule."""

    def doc(self):
        return self.args[0]


def as_constraint(check):
    @wraps(check)
    def constraint(value):
        try:
            check(value)
        except RuleViolation:
            raise
        except Invalid as error:
            raise RuleViolation(error.args[0]) from None
        return True

    return constraint


document_number = as_constraint(validators.document_number_constraint)
uscc = as_constraint(validators.uscc_constraint)
date_written_not_future = as_constraint(
    lambda value: validators.check_dates_written_before_published(value, None)
)
date_changed_not_future = as_constraint(
    lambda value: validators.check_date_changed(value)
)
