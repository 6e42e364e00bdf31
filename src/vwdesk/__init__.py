"""vwdesk: registrations and year reports for VluchtelingenWerk's local offices.

`vwdesk.core` is free of Qt (models, database, services, report figures);
`vwdesk.gui` is the PySide6 application on top of it.
"""

from importlib.metadata import version

# The version lives in pyproject.toml only; the installer bundle copies the
# package metadata (build_installer.spec), so this works there too.
__version__ = version("vwdesk")
