"""gunicorn settings read from the project folder (``gunicorn cancerfax.wsgi``).

Access log lines carry the path without its query string, and no Referer: a
coordinator's search (``/admin/inquiries/inquiry/?q=<patient name>``) would
otherwise sit in the log files, also after the person's data was erased. The
path itself can be a key (the patient's secure link): the logger class
replaces that segment with ``…``.
"""

# host, user, time, "METHOD /path HTTP/1.1", status, bytes, seconds, user agent
access_log_format = '%(h)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)s "%(a)s"'
logger_class = "cancerfax.gunicorn_logging.RedactingLogger"
# gunicorn 27 otherwise opens a control socket in the home folder.
control_socket_disable = True
