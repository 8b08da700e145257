"""The add-on's control panel: the plone.registry settings of IDisclosureSettings."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.formwidget.namedfile.widget import NamedImageFieldWidget
from tongliao.disclosure import _
from tongliao.disclosure.interfaces import IApplicationSettings
from tongliao.disclosure.interfaces import IDisclosureSettings
from tongliao.disclosure.interfaces import ISiteIdentitySettings


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


class SiteIdentitySettingsForm(RegistryEditForm):
    """Masthead (emblem, subtitle) and the footer's 主办单位 … 公安机关备案号."""

    schema = ISiteIdentitySettings
    schema_prefix = "tongliao.disclosure.site"
    label = _("Masthead and footer")
    description = _(
        "The emblem and subtitle of the masthead and the lines of the footer: "
        "organizer, operator, phone and the website's record numbers."
    )

    def updateFields(self):
        super().updateFields()
        self.fields["emblem"].widgetFactory = NamedImageFieldWidget


class SiteIdentitySettingsView(ControlPanelFormWrapper):
    form = SiteIdentitySettingsForm
