# Data files of Unico (tables, translations, style). A package so that importlib.resources finds it.
