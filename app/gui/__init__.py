"""The PySide6 desktop app: a thin face over app.core (screens, Qt models, a Qt adapter for jobs)."""
