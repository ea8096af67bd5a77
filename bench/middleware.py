from django.db import connection


def count_queries(get_response):
    """Adds ``X-Bench-SQL``: how many SQL statements the response cost."""

    def middleware(request):
        counter = {"n": 0}

        def count(execute, sql, params, many, context):
            counter["n"] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = get_response(request)
        response["X-Bench-SQL"] = str(counter["n"])
        return response

    return middleware
