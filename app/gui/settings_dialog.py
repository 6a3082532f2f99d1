"""The Settings dialog: one tab per area, values read from and written to `Settings`.

The Privacy tab shows the open workspace's retention policy (the one in force, app.core.retention):
OK stores it there through the writer, "Apply now…" counts what it would delete on a reader, asks,
then applies it on the writer. The user's settings only remember the last choice."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.profiles.survivorship import Survivorship, source_ranks
from app.core.retention import (
    GARANTE,
    OFF,
    RetentionPlan,
    RetentionPolicy,
    RetentionResult,
    apply_retention,
    get_policy,
    preview_retention,
    save_policy,
)
from app.gui.i18n import LANGUAGES, format_date, format_number, resolve_language
from app.gui.jobs import Job, WorkspaceSession
from app.gui.settings import (
    ATTRIBUTION_MODELS,
    GARANTE_MARKETING_MONTHS,
    GARANTE_PROFILING_MONTHS,
    SETTINGS_BY_KEY,
    Settings,
)
from app.gui.vocab import channel_label
from app.gui.widgets import Retranslating, form_row

PHONE_REGIONS = ("IT", "SM", "VA", "CH", "FR", "DE", "AT", "ES", "GB", "US")


class SettingsDialog(Retranslating, QDialog):
    language_changed = Signal(str)  # the resolved language code, after OK
    source_order_changed = Signal(list)  # the open workspace's sources, most trusted first, after OK

    def __init__(self, settings: Settings, session: WorkspaceSession | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.session = session
        self.channels = dict(session.reader.query("SELECT name, channel FROM sources")) if session else {}
        self.initial_order = self._ranked_sources(None)
        self.stored_policy = get_policy(session.reader) if session else OFF
        self.confirm_box: QMessageBox | None = None
        self.labels: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        self._build_general()
        self._build_matching()
        self._build_profiles()
        self._build_reports()
        self._build_privacy()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(self.buttons)
        self.resize(560, 440)
        self.retranslate_ui()
        self.load(lambda key: self.settings.get(key))
        if session is not None:
            self.show_policy(self.stored_policy)
        self._fill_sources(self.initial_order)

    # -- pages ------------------------------------------------------------------------------
    def _build_general(self) -> None:
        self.language = QComboBox()
        for code in ("", *LANGUAGES):
            self.language.addItem("", code)
        self.phone_region = QComboBox()
        self.phone_region.setEditable(True)
        self.phone_region.addItems(PHONE_REGIONS)
        page, self.general_form = _form_page()
        self.labels["language"] = form_row(self.general_form, self.language)
        self.labels["phone_region"] = form_row(self.general_form, self.phone_region)
        self.tabs.addTab(page, "")

    def _build_matching(self) -> None:
        self.custom_thresholds = QCheckBox()
        self.auto_threshold = _probability_box()
        self.review_threshold = _probability_box()
        self.custom_thresholds.toggled.connect(self.auto_threshold.setEnabled)
        self.custom_thresholds.toggled.connect(self.review_threshold.setEnabled)
        self.matching_note = _note()
        page, self.matching_form = _form_page()
        self.matching_form.addRow(self.custom_thresholds)
        self.labels["auto_threshold"] = form_row(self.matching_form, self.auto_threshold)
        self.labels["review_threshold"] = form_row(self.matching_form, self.review_threshold)
        self.matching_form.addRow(self.matching_note)
        self.tabs.addTab(page, "")

    def _build_profiles(self) -> None:
        self.priority = QListWidget()
        self.priority.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.up = QPushButton()
        self.down = QPushButton()
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.profiles_note = _note()
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.priority, 1)
        row.addLayout(buttons)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(self.profiles_note)
        lay.addLayout(row)
        self.tabs.addTab(page, "")

    def _build_reports(self) -> None:
        self.model = QComboBox()
        for model in ATTRIBUTION_MODELS:
            self.model.addItem("", model)
        self.lookback = _int_box("reports/lookback_days")
        self.half_life = _int_box("reports/half_life_days")
        page, self.reports_form = _form_page()
        self.labels["model"] = form_row(self.reports_form, self.model)
        self.labels["lookback"] = form_row(self.reports_form, self.lookback)
        self.labels["half_life"] = form_row(self.reports_form, self.half_life)
        self.tabs.addTab(page, "")

    def _build_privacy(self) -> None:
        self.retention = QCheckBox()
        self.preset = QComboBox()
        self.preset.addItem("", "garante")
        self.preset.addItem("", "custom")
        self.profiling_months = _int_box("retention/profiling_months")
        self.marketing_months = _int_box("retention/marketing_months")
        self.privacy_note = _note()
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply_now)
        self.retention_status = _note()
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.retention.toggled.connect(self._update_retention_enabled)
        page, self.privacy_form = _form_page()
        self.privacy_form.addRow(self.retention)
        self.labels["preset"] = form_row(self.privacy_form, self.preset)
        self.labels["profiling_months"] = form_row(self.privacy_form, self.profiling_months)
        self.labels["marketing_months"] = form_row(self.privacy_form, self.marketing_months)
        self.privacy_form.addRow(self.privacy_note)
        self.privacy_form.addRow(self.apply_button)
        self.privacy_form.addRow(self.retention_status)
        self.tabs.addTab(page, "")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for i, text in enumerate((self.tr("General"), self.tr("Matching"), self.tr("Golden records"),
                                  self.tr("Reports"), self.tr("Privacy"))):
            self.tabs.setTabText(i, text)
        system = LANGUAGES[resolve_language("")]
        self.language.setItemText(0, self.tr("Same as the system (%1)").replace("%1", system))
        for i, code in enumerate(LANGUAGES, start=1):
            self.language.setItemText(i, LANGUAGES[code])
        self.labels["language"].setText(self.tr("Language"))
        self.labels["phone_region"].setText(self.tr("Default phone region"))
        self.phone_region.setToolTip(self.tr("Country used for phone numbers written without +prefix"))
        self.custom_thresholds.setText(self.tr("Choose the thresholds myself"))
        self.labels["auto_threshold"].setText(self.tr("Merge automatically above"))
        self.labels["review_threshold"].setText(self.tr("Ask me to review above"))
        self.matching_note.setText(self.tr(
            "By default Unico uses thresholds measured to keep automatic merges at least 99.5% precise. "
            "Pairs between the two thresholds go to the Review screen."))
        self.profiles_note.setText(self.tr(
            "When the sources of this workspace disagree on a name or an address, the first source in this "
            "list wins. Contact details follow the most recent value.") if self.session else self.tr(
            "Open a workspace to choose which of its sources wins for names and addresses."))
        self.up.setText(self.tr("Move up"))
        self.down.setText(self.tr("Move down"))
        for i in range(self.priority.count()):
            item = self.priority.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{name}  ({channel_label(self.channels.get(name))})")
        names = {
            "first": self.tr("First touch"), "last": self.tr("Last touch"),
            "last-non-direct": self.tr("Last non-direct touch"), "linear": self.tr("Linear"),
            "time-decay": self.tr("Time decay"), "position": self.tr("Position-based (40/20/40)"),
            "markov": self.tr("Markov chain (removal effect)"), "shapley": self.tr("Shapley value"),
        }
        for i in range(self.model.count()):
            self.model.setItemText(i, names[self.model.itemData(i)])
        self.labels["model"].setText(self.tr("Attribution model"))
        self.labels["lookback"].setText(self.tr("Lookback window"))
        self.labels["half_life"].setText(self.tr("Time-decay half-life"))
        for box in (self.lookback, self.half_life):
            box.setSuffix(self.tr(" days"))
        self.retention.setText(self.tr("Limit how long personal data is kept"))
        self.preset.setItemText(0, self.tr("Garante loyalty-card limits (%1 months profiling, %2 marketing)")
                                .replace("%1", str(GARANTE_PROFILING_MONTHS)).replace("%2", str(GARANTE_MARKETING_MONTHS)))
        self.preset.setItemText(1, self.tr("Custom"))
        self.labels["preset"].setText(self.tr("Limits"))
        self.labels["profiling_months"].setText(self.tr("Keep for profiling"))
        self.labels["marketing_months"].setText(self.tr("Keep for marketing"))
        for box in (self.profiling_months, self.marketing_months):
            box.setSuffix(self.tr(" months"))
            box.setSpecialValueText(self.tr("No limit"))
        note = self.tr(
            "Off by default. The Italian data protection authority (Garante) limits loyalty-card data to "
            "12 months for profiling and 24 months for marketing unless the customer agreed otherwise.")
        how = self.tr(
            "People with no activity for longer than the marketing limit are left out of exports at once. "
            "Events older than the profiling limit are deleted when you apply the policy.") if self.session \
            else self.tr("Open a workspace to store and apply its policy.")
        self.privacy_note.setText(f"{note}\n{how}")
        self.apply_button.setText(self.tr("Apply now…"))
        self.apply_button.setToolTip(self.tr(
            "Store this policy in the workspace and delete the history it does not allow (you are asked first)"))

    # -- values -----------------------------------------------------------------------------
    def load(self, get) -> None:
        """Show values from `get(key)` (the stored settings, or the declared defaults)."""
        self.language.setCurrentIndex(max(0, self.language.findData(get("general/language"))))
        self.phone_region.setCurrentText(get("import/phone_region"))
        self.custom_thresholds.setChecked(get("matching/custom_thresholds"))
        self.auto_threshold.setValue(get("matching/auto_threshold"))
        self.review_threshold.setValue(get("matching/review_threshold"))
        self.auto_threshold.setEnabled(self.custom_thresholds.isChecked())
        self.review_threshold.setEnabled(self.custom_thresholds.isChecked())
        self.model.setCurrentIndex(max(0, self.model.findData(get("reports/attribution_model"))))
        self.lookback.setValue(get("reports/lookback_days"))
        self.half_life.setValue(get("reports/half_life_days"))
        self.retention.setChecked(get("retention/enabled"))
        garante = (get("retention/profiling_months"), get("retention/marketing_months")) == (
            GARANTE_PROFILING_MONTHS, GARANTE_MARKETING_MONTHS)
        self.preset.setCurrentIndex(0 if garante else 1)
        self.profiling_months.setValue(get("retention/profiling_months"))
        self.marketing_months.setValue(get("retention/marketing_months"))
        self._update_retention_enabled()

    def values(self) -> dict:
        return {
            "general/language": self.language.currentData(),
            "import/phone_region": self.phone_region.currentText().strip().upper() or "IT",
            "matching/custom_thresholds": self.custom_thresholds.isChecked(),
            "matching/auto_threshold": round(self.auto_threshold.value(), 3),
            "matching/review_threshold": round(self.review_threshold.value(), 3),
            "reports/attribution_model": self.model.currentData(),
            "reports/lookback_days": self.lookback.value(),
            "reports/half_life_days": self.half_life.value(),
            "retention/enabled": self.retention.isChecked(),
            "retention/profiling_months": self.profiling_months.value(),
            "retention/marketing_months": self.marketing_months.value(),
        }

    def show_policy(self, policy: RetentionPolicy) -> None:
        """Show a workspace's policy (0 months: no limit for that purpose)."""
        self.retention.setChecked(policy.enabled)
        if policy.enabled:
            self.preset.setCurrentIndex(0 if policy == GARANTE else 1)
            self.profiling_months.setValue(policy.profiling_months or 0)
            self.marketing_months.setValue(policy.marketing_months or 0)
        self._update_retention_enabled()

    def policy(self) -> RetentionPolicy:
        """The policy the Privacy tab shows."""
        if not self.retention.isChecked():
            return OFF
        return RetentionPolicy(self.profiling_months.value() or None, self.marketing_months.value() or None)

    def restore_defaults(self) -> None:
        self.load(lambda key: SETTINGS_BY_KEY[key].default)
        self._fill_sources(self._ranked_sources(Survivorship()))

    # -- the workspace's source order ----------------------------------------------------------
    def _ranked_sources(self, chosen: Survivorship | None) -> list[str]:
        """The open workspace's sources, most trusted first (`chosen` None: as stored)."""
        if self.session is None:
            return []
        ranks = source_ranks(self.session.reader, chosen)
        return sorted(ranks, key=ranks.get)

    def _fill_sources(self, names: list[str]) -> None:
        self.priority.clear()
        for name in names:
            item = QListWidgetItem(f"{name}  ({channel_label(self.channels.get(name))})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.priority.addItem(item)
        for w in (self.priority, self.up, self.down):
            w.setEnabled(bool(names))

    def source_order(self) -> list[str]:
        return [self.priority.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.priority.count())]

    def accept(self) -> None:
        values = self.values()
        if values["matching/review_threshold"] >= values["matching/auto_threshold"]:
            self.review_threshold.setFocus()
            self.matching_note.setText(self.tr("The review threshold must be lower than the automatic one."))
            self.tabs.setCurrentIndex(1)
            return
        old_language = resolve_language(self.settings.get("general/language"))
        for key, value in values.items():
            self.settings.set(key, value)
        self.settings.sync()
        if self.session is not None and self.policy() != self.stored_policy:
            self.save_policy_job = self.session.write(lambda ws, _p, policy=self.policy(): save_policy(ws, policy),
                                                      self.tr("Saving the retention policy"), changes="retention")
        super().accept()
        new_language = resolve_language(values["general/language"])
        if new_language != old_language:
            self.language_changed.emit(new_language)
        if self.session is not None and self.source_order() != self.initial_order:
            self.source_order_changed.emit(self.source_order())

    # -- helpers ----------------------------------------------------------------------------
    def _move(self, step: int) -> None:
        row = self.priority.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.priority.count():
            return
        item = self.priority.takeItem(row)
        self.priority.insertItem(target, item)
        self.priority.setCurrentRow(target)

    def _apply_preset(self) -> None:
        if self.preset.currentData() == "garante":
            self.profiling_months.setValue(GARANTE_PROFILING_MONTHS)
            self.marketing_months.setValue(GARANTE_MARKETING_MONTHS)
        self._update_retention_enabled()

    def _update_retention_enabled(self) -> None:
        on = self.retention.isChecked()
        self.preset.setEnabled(on)
        custom = on and self.preset.currentData() == "custom"
        self.profiling_months.setEnabled(custom)
        self.marketing_months.setEnabled(custom)
        self.apply_button.setEnabled(on and self.session is not None)

    # -- applying the retention policy ------------------------------------------------------
    def apply_now(self) -> Job | None:
        """Count what the policy shown would delete (in the background), then ask before applying it."""
        if self.session is None:
            return None
        policy = self.policy()
        job = self.session.read(lambda ws, _p: preview_retention(ws, policy), self.tr("Counting old personal data"),
                                key="retention-preview")
        job.succeeded.connect(self._confirm_apply)
        return job

    def _plan_text(self, plan: RetentionPlan) -> str:
        lines = []
        if plan.profiling_cutoff is not None:
            lines.append(self.tr("Events dated before %1 to delete: %2 (profiles concerned: %3).")
                         .replace("%1", format_date(plan.profiling_cutoff))
                         .replace("%2", format_number(plan.events_to_delete))
                         .replace("%3", format_number(plan.profiles_with_old_events)))
        if plan.marketing_cutoff is not None:
            lines.append(self.tr("Profiles with no activity since %1: %2; left out of marketing, though they could "
                                 "be contacted otherwise: %3.")
                         .replace("%1", format_date(plan.marketing_cutoff))
                         .replace("%2", format_number(plan.inactive_profiles))
                         .replace("%3", format_number(plan.contacts_expiring)))
        return "\n".join(lines) or self.tr("The policy sets no limit: nothing will be deleted.")

    def _confirm_apply(self, plan: RetentionPlan) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Apply the retention policy"))
        box.setText(self._plan_text(plan))
        box.setInformativeText(self.tr("Deleted events cannot be brought back: this cannot be undone."))
        apply = box.addButton(self.tr("Delete and apply"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.buttonClicked.connect(lambda button: self._apply(plan.policy) if button is apply else None)
        self.confirm_box = box
        box.open()

    def _apply(self, policy: RetentionPolicy) -> Job:
        job = self.session.write(lambda ws, p: apply_retention(ws, policy, progress=p),
                                 self.tr("Applying the retention policy"), changes="profiles")
        job.succeeded.connect(self._applied)
        self.apply_job = job
        return job

    def _applied(self, result: RetentionResult) -> None:
        self.stored_policy = result.plan.policy
        self.retention_status.setText(self.tr("Applied: %1 events deleted.")
                                      .replace("%1", format_number(result.events_deleted)))


def _form_page() -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    form = QFormLayout(page)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return page, form


def _note() -> QLabel:
    label = QLabel()
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _probability_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, 1.0)
    box.setDecimals(3)
    box.setSingleStep(0.01)
    return box


def _int_box(key: str) -> QSpinBox:
    setting = SETTINGS_BY_KEY[key]
    box = QSpinBox()
    box.setRange(int(setting.minimum), int(setting.maximum))
    return box
