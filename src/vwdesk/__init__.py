"""vwdesk: registrations and year reports for VluchtelingenWerk's local offices.

`vwdesk.core` is free of Qt (models, database, services, report figures);
`vwdesk.gui` is the PySide6 application on top of it.
"""

# The one place of the version: hatchling reads it from here when it builds
# the package (pyproject.toml: [tool.hatch.version]), and the installer bundle
# and its Windows version resource take it from here too
# (build_installer.spec). A plain string, so nothing is looked up at run time.
__version__ = "0.1.0"
