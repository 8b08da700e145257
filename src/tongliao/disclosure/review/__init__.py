"""disclosure_review_workflow: 先审查、后公开, three recorded steps, four eyes.

Decisions (see tests/test_review_*.py):

- Review steps (pass_department_review, pass_secrecy_review, approve, reject,
  withdraw, retract_on_edit) fire only inside ``review.perform`` (the ``@review``
  endpoint and the ``@@review-panel`` form): their guard needs a per-thread grant
  that carries the record's data and re-checks every rule. ``@workflow`` on a
  reviewable item answers 403 for them; ``submit`` and ``revise`` stay plain.
- Four eyes: the reviewer is neither a creator/owner nor the last submitter, and
  one person passes at most one step per round (a round = one submit).
- The one rule (integrity.py): any change to an item or to what it contains
  (edit, attachment added/replaced/removed, rename, move) in a pending state
  records ``returned`` and fires ``retract_on_edit`` back to draft; in
  ``published`` it records a withdrawal and fires ``withdraw_on_change``.
- Published items: Modify only for Manager (and the rule withdraws them);
  editors withdraw (reason) → revise → review again. ``Manage properties`` is
  held by no one; revert and ``Modify view template`` only in draft.
- Plain content placed in an agency's sections gets this workflow through a
  chain adapter (placement.py); sections and directory categories are
  structure (disclosure_structure_workflow), agencies have
  disclosure_agency_workflow.
- plone.app.iterate check-out is switched off by the workflow (no role has
  "iterate : Check out content"), since a published working copy would be a
  second public item.
- Mail to the next step's staff group (and to the authors on reject) is sent
  after the commit, so an SMTP failure never undoes a decision.
"""

from AccessControl import ModuleSecurityInfo


# The guard expressions import guard.allowed; restricted code imports a module only
# when every package on its path is declared (nothing else is made public).
for _name in ("tongliao", "tongliao.disclosure", "tongliao.disclosure.review"):
    ModuleSecurityInfo(_name)
ModuleSecurityInfo("tongliao.disclosure.review.guard").declarePublic("allowed")
