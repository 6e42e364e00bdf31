"""Privacy in the app, one module per screen: the reason asked before a
client page opens (`access_reason`), the teamleader's access log
(`access_log`), the privacy settings (`settings`), backups (`backup`) and
restoring one (`restore`). The work itself is `vwdesk.app`'s
`desk.privacy`."""
