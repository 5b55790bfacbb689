from directory_client.cli import main

raise SystemExit(main())
