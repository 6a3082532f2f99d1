"""Languages, translators and locale-aware formatting for the GUI.

The language follows the system locale (Italian if it is Italian, else English) unless Settings
say otherwise. Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget;
each widget re-labels itself in ``retranslate_ui``. Numbers, money and dates go through the
language's ``QLocale`` so that an Italian user sees ``25/11/2026`` and ``1.234,56 €``.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QLibraryInfo, QLocale, QTime, QTranslator

from app.core.resources import resource_path

LANGUAGES: dict[str, str] = {"it": "Italiano", "en": "English"}  # each in its own language
DEFAULT_LANGUAGE = "en"


def system_language() -> str:
    return "it" if QLocale.system().language() == QLocale.Language.Italian else DEFAULT_LANGUAGE


def resolve_language(choice: str | None) -> str:
    """A Settings/CLI choice ('' or None = follow the system) → a shipped language code."""
    return choice if choice in LANGUAGES else system_language()


def locale_for(lang: str) -> QLocale:
    if lang == "it":
        return QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
    system = QLocale.system()
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def qm_path(lang: str):
    return resource_path("translations", f"unico_{lang}.qm")


class Translations:
    """The translators installed in the application; switch() replaces them at run time."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = ""

    def switch(self, lang: str) -> bool:
        """Install `lang`; returns False when Unico's own .qm file is missing (strings stay English)."""
        self.uninstall()
        app = QCoreApplication.instance()
        ours = QTranslator(app)
        loaded = ours.load(str(qm_path(lang)))
        qt_base = QTranslator(app)  # Qt's own strings: standard buttons, wizard buttons, dialogs
        if qt_base.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            self._installed.append(qt_base)
        if loaded:
            app.installTranslator(ours)
            self._installed.append(ours)
        QLocale.setDefault(locale_for(lang))
        self.language = lang
        # Qt posts LanguageChange to every window; deliver it now so that the whole UI has
        # re-labelled itself when switch() returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return loaded

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        for t in self._installed:
            app.removeTranslator(t)
            t.deleteLater()
        self._installed = []


# -- formatting ---------------------------------------------------------------------------------
def _group(digits: str, sep: str) -> str:
    """Group thousands always (Qt follows CLDR's Italian minimum grouping and prints 1234,56)."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(value: float | int | None, decimals: int = 0, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    loc = locale or QLocale()
    text = f"{abs(value):.{decimals}f}"
    whole, _, frac = text.partition(".")
    out = _group(whole, loc.groupSeparator())
    if frac:
        out += loc.decimalPoint() + frac
    return ("-" if value < 0 and float(text) != 0 else "") + out


def format_percent(fraction: float | None, decimals: int = 1, locale: QLocale | None = None) -> str:
    """0.542 → `54,2 %` in Italian, `54.2 %` in English."""
    return "" if fraction is None else format_number(100 * fraction, decimals, locale) + "\u00a0%"


def format_money(value: float | None, currency: str | None = "EUR", locale: QLocale | None = None) -> str:
    """`1.234,56 €` in Italian, `€1,234.56` in English; an unknown code is written after the amount."""
    if value is None:
        return ""
    loc = locale or QLocale()
    symbol = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}.get((currency or "EUR").upper(), currency or "")
    zero = loc.toString(0.0, "f", 2)
    pattern = loc.toCurrencyString(0.0, symbol, 2).replace(zero, "{}", 1)
    if "{}" not in pattern:
        pattern = "{} " + symbol
    number = format_number(abs(value), 2, loc)
    return ("-" if value < 0 else "") + pattern.format(number)


def _date_format(loc: QLocale) -> str:
    fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def format_date(value: date | datetime | str | None, locale: QLocale | None = None) -> str:
    """A date in the locale's short form with a four-digit year (`25/11/2026`)."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value  # partial or odd dates are shown as stored
    loc = locale or QLocale()
    d = value.date() if isinstance(value, datetime) else value
    return loc.toString(QDate(d.year, d.month, d.day), _date_format(loc))


def format_datetime(value: datetime | str | int | None, locale: QLocale | None = None) -> str:
    """Date and time (minutes) in local time; an int is seconds since the epoch."""
    if value in (None, ""):
        return ""
    if isinstance(value, int):
        value = datetime.fromtimestamp(value).astimezone()
    elif isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    loc = locale or QLocale()
    if value.tzinfo is not None:
        value = value.astimezone()
    qdt = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return loc.toString(qdt, _date_format(loc) + " " + loc.timeFormat(QLocale.FormatType.ShortFormat))
