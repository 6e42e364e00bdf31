"""The application layer: what the screens and the commands do, Qt-free.

`Desk` (one user at one location) is the only way in; see `vwdesk.app.desk`.
`vwdesk.app.login` comes before a desk exists (first start, log in);
`vwdesk.app.opening` opens the database.
"""

from vwdesk.app.desk import Desk, Saved

__all__ = ["Desk", "Saved"]
