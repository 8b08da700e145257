Several instances on one database: ``make start-zeo`` and ``make
start-relstorage`` (PostgreSQL from Debian's package) serve two instances; a
test publishes through one RelStorage instance and reads through the other, and
registers applications concurrently through both. Behind a reverse proxy,
``TRUSTED_PROXIES`` lets Zope take the client's address from X-Forwarded-For
(rate limits, logs). [#18]
