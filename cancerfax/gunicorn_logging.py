"""gunicorn's logger, with secret path segments redacted (``log_redaction``).

``gunicorn.conf.py`` names it as ``logger_class``. The access log's atoms are
redacted where they are built, so whatever ``access_log_format`` (or a log
config) chooses to print, a path, the raw request line, a Location or Referer
header, never carries a patient's token. The error log ("Error handling
request /my-inquiry/...") gets the same filter.
"""

from gunicorn import glogging

from .log_redaction import SecretPathFilter, redact

_FILTER = SecretPathFilter()


class RedactingLogger(glogging.Logger):
    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(_FILTER)

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
