"""The add-on's control panel: the plone.registry settings of IDisclosureSettings."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from tongliao.disclosure import _
from tongliao.disclosure.interfaces import IApplicationSettings
from tongliao.disclosure.interfaces import IDisclosureSettings


class DisclosureSettingsForm(RegistryEditForm):
    schema = IDisclosureSettings
    schema_prefix = "tongliao.disclosure"
    label = _("Disclosure platform settings")
    description = _(
        "Deadlines, reminders and the working-day calendar of the platform."
    )


class DisclosureSettingsView(ControlPanelFormWrapper):
    form = DisclosureSettingsForm


class ApplicationSettingsForm(RegistryEditForm):
    """Notice templates, rate limits and fee period; editable by officers."""

    schema = IApplicationSettings
    schema_prefix = "tongliao.disclosure"
    label = _("Application settings")
    description = _(
        "Notice templates (告知书), the remedy clause, rate limits of the public "
        "form and the status lookup, and the fee payment period."
    )


class ApplicationSettingsView(ControlPanelFormWrapper):
    form = ApplicationSettingsForm
