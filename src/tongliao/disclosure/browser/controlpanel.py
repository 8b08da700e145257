"""The add-on's control panel: the plone.registry settings of IDisclosureSettings."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from tongliao.disclosure import _
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
