from vwdesk.cli import main

raise SystemExit(main())
