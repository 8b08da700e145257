"""协调 (coordination): co-agencies confirm a policy document before approval.

A PolicyDocument names the agencies it involves (``co_agencies``, behavior
``tongliao.disclosure.coordination``). At submit a request goes to each of them
with a working-day deadline; a person holding the local role
``CoordinationReviewer`` on a co-agency reads the document while it is in review
and confirms or objects with an opinion; approval waits until every co-agency
confirmed or the approver records an override with a reason. See
docs/coordination.rst.
"""
