"""The PySide6 application: views build widgets, the services do the work."""
