"""Database triggers that refuse UPDATE and DELETE of append-only rows.

The models refuse changes in Python (``cancerfax.append_only``); these triggers
make the database refuse them too, whatever writes: ``QuerySet.update()``,
Django's own cascades, raw SQL. Migrations add them with ``AppendOnlyTriggers``,
on PostgreSQL (a PL/pgSQL function, also refusing TRUNCATE) and on SQLite (one
trigger for UPDATE, one for DELETE). Both raise an integrity error.

The one way past them is ``cancerfax.append_only.erasure_allowed()``: on
PostgreSQL it sets ``ALLOWED_SETTING`` for its transaction only (``SET LOCAL``);
on SQLite it writes a row to ``ALLOWANCE_TABLE`` inside its transaction and
removes it before the commit. Either is invisible to every other connection.

On SQLite, a migration that alters a protected table rebuilds it and so drops
its triggers: add them again after it (``tests/test_append_only_triggers.py``
fails while a column is unguarded).
"""

from django.db import NotSupportedError
from django.db.migrations.operations.base import Operation

ALLOWED_SETTING = "cancerfax.append_only_allowed"
ALLOWANCE_TABLE = "cancerfax_append_only_allowance"  # spelled out in append_only.py


def trigger_names(table: str, vendor: str) -> list[str]:
    """The triggers guarding ``table`` (the first also names PostgreSQL's function)."""
    if vendor == "postgresql":
        return [f"{table}_append_only", f"{table}_append_only_truncate"]
    return [f"{table}_append_only_update", f"{table}_append_only_delete"]


def _quote(name: str) -> str:
    return f'"{name}"'


class AppendOnlyTriggers(Operation):
    """Make the database refuse changes to ``table``'s rows.

    ``columns`` never change. A column in ``links`` (a foreign key with
    ``SET_NULL``) may be cut, when the row it points to is deleted, but never
    pointed elsewhere. ``rows`` (SQL on ``OLD``) limits the protection to some
    rows, all by default: the others may be changed and deleted freely, and
    inserts are never refused. ``also_refuse`` (SQL on ``OLD`` and ``NEW``)
    refuses further changes of a protected row, such as a status moving back.
    """

    reduces_to_sql = True
    reversible = True

    def __init__(self, table, *, columns, links=(), rows="", also_refuse=""):
        self.table = table
        self.columns = list(columns)
        self.links = list(links)
        self.rows = rows
        self.also_refuse = also_refuse

    def state_forwards(self, app_label, state):
        pass

    def describe(self):
        return f"Append-only triggers on {self.table}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for statement in self._sql(schema_editor.connection.vendor, forwards=True):
            schema_editor.execute(statement, params=None)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        for statement in self._sql(schema_editor.connection.vendor, forwards=False):
            schema_editor.execute(statement, params=None)

    def _sql(self, vendor, *, forwards):
        if vendor == "postgresql":
            return self._postgresql() if forwards else self._postgresql_drop()
        if vendor == "sqlite":
            return self._sqlite() if forwards else self._sqlite_drop()
        raise NotSupportedError(f"No append-only triggers for {vendor}.")

    def _changed(self, distinct):
        """SQL true when an UPDATE changes what may not change."""
        parts = [distinct(f"NEW.{_quote(c)}", f"OLD.{_quote(c)}") for c in self.columns]
        parts += [
            f"({distinct(f'NEW.{_quote(c)}', f'OLD.{_quote(c)}')} "
            f"AND NEW.{_quote(c)} IS NOT NULL)"
            for c in self.links
        ]
        if self.also_refuse:
            parts.append(f"({self.also_refuse})")
        return " OR ".join(parts)

    def _message(self, what):
        return f"append-only: rows of {self.table} cannot be {what}"

    def _postgresql(self):
        function, truncate = trigger_names(self.table, "postgresql")
        rows = self.rows or "TRUE"
        changed = self._changed(lambda a, b: f"{a} IS DISTINCT FROM {b}")
        refuse = "RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE = '{}';".format
        return [
            f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('{ALLOWED_SETTING}', true) = 'on' THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        {refuse(self._message("emptied"))}
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF {rows} THEN {refuse(self._message("deleted"))} END IF;
        RETURN OLD;
    END IF;
    IF ({rows}) AND ({changed}) THEN {refuse(self._message("changed"))} END IF;
    RETURN NEW;
END
$$""",
            f"CREATE TRIGGER {function} BEFORE UPDATE OR DELETE ON {_quote(self.table)}"
            f" FOR EACH ROW EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER {truncate} BEFORE TRUNCATE ON {_quote(self.table)}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        ]

    def _postgresql_drop(self):
        names = trigger_names(self.table, "postgresql")
        return [
            f"DROP TRIGGER IF EXISTS {name} ON {_quote(self.table)}" for name in names
        ] + [f"DROP FUNCTION IF EXISTS {names[0]}()"]

    def _sqlite(self):
        allowed = f"EXISTS (SELECT 1 FROM {_quote(ALLOWANCE_TABLE)})"  # noqa: S608
        rows = f"({self.rows}) AND " if self.rows else ""
        changed = self._changed(lambda a, b: f"{a} IS NOT {b}")
        update, delete = trigger_names(self.table, "sqlite")
        return [
            f"CREATE TABLE IF NOT EXISTS {_quote(ALLOWANCE_TABLE)} "
            '("token" varchar(32) NOT NULL PRIMARY KEY)',
            f"CREATE TRIGGER {_quote(update)} BEFORE UPDATE ON {_quote(self.table)} "
            f"FOR EACH ROW WHEN {rows}({changed}) AND NOT {allowed} "
            f"BEGIN SELECT RAISE(ABORT, '{self._message('changed')}'); END",
            f"CREATE TRIGGER {_quote(delete)} BEFORE DELETE ON {_quote(self.table)} "
            f"FOR EACH ROW WHEN {rows}NOT {allowed} "
            f"BEGIN SELECT RAISE(ABORT, '{self._message('deleted')}'); END",
        ]

    def _sqlite_drop(self):
        return [
            f"DROP TRIGGER IF EXISTS {_quote(name)}"
            for name in trigger_names(self.table, "sqlite")
        ]
