"""Shared pieces of the applications tests: the applicant, the form, the case.

The fixtures (``smtp_sink``, ``applications_site``) live in conftest.py.
"""

from plone import api

import re
import transaction


PASSWORD = "Secret-password-1"
APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_number": "11010519491231002X",
    "phone": "13812345678",
    "email": "zhang@example.org",
    "address": "通辽市科尔沁区和平路1号",
    "description": "2025年通辽市城区供热价格调整文件",
    "provision_form": "email",
    "obtain_method": "email",
}
PDF = ("id.pdf", b"%PDF-1.4\n% test identity proof\n", "application/pdf")
# The public form is a z3c.form: its inputs are named form.widgets.<field>
# (selects with z3c.form's :list marker), the button form.buttons.submit.
APPLY_CHOICES = ("applicant_type", "id_type", "provision_form", "obtain_method")
PROOF_INPUT = "form.widgets.id_proof"


def apply_input(name):
    if name == "homepage":  # the honeypot is not a field
        return name
    return f"form.widgets.{name}" + (":list" if name in APPLY_CHOICES else "")


def apply_form_data(values):
    """The POST body of the public form for ``values`` (field name -> value)."""
    data = {apply_input(name): value for name, value in values.items()}
    data["form.buttons.submit"] = "提交申请"
    return data


def token_of(html):
    match = re.search(r'name="_authenticator"\s+value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"\s+name="_authenticator"', html
    )
    assert match, "no authenticator in page"
    return match.group(1)


def apply_online(browser_session, **override):
    session = browser_session()
    page = session.get("agency/@@apply")
    assert page.status_code == 200
    data = apply_form_data({**APPLICANT, **override})
    data["_authenticator"] = token_of(page.text)
    response = session.post("agency/@@apply", data=data, files={PROOF_INPUT: PDF})
    return response


def code_of(response):
    match = re.search(r'id="tracking-code">([^<]+)<', response.text)
    assert match, response.text[:2000]
    return match.group(1)


def officer_action(browser_session, case_url, action, **fields):
    session = browser_session(("officer", PASSWORD))
    page = session.get(case_url)
    assert page.status_code == 200, page.text[-3000:]
    data = {"action": action, "_authenticator": token_of(page.text), **fields}
    response = session.post(f"{case_url}/@@application-action", data=data)
    assert response.status_code == 200
    return response


def the_case(portal):
    transaction.begin()
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="DisclosureApplication"
    )
    assert len(brains) == 1
    return brains[0]._unrestrictedGetObject()
