"""Privacy and data safety (AVG): access log, retention and anonymisation,
inzage export, backups and restore, integrity checks. Qt-free."""
