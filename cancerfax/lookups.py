"""``__in`` on integer columns that ignores integers no column can hold.

Since Django 5.0 ``exact``, ``gt``, ``lt``… on an integer field treat a value out
of the database's range as matching nothing; ``in`` does not, so a form posting
``groups=99999999999999999999999`` crashed the admin with OverflowError (SQLite)
or an operator error (PostgreSQL). Such a value matches no row, so it is dropped.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register():
    IntegerField.register_lookup(IntegerIn)
