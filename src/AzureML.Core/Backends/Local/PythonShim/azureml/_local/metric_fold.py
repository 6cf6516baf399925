"""How a run's metric points become the values of get_metrics, written once for both languages.

FOLD_SQL reads a table ``points(id, name, kind, value)`` (``value`` the point's JSON text, ``id`` in logging
order) and answers one row ``(name, kind, value)`` per metric, ``value`` being the folded JSON text.
AzureML.Core runs this same statement (it reads it from this file) for Run.GetMetrics, so a metric reads
back the same from C# and from a Python script. The rules, as azureml-core's get_metrics presents metrics:

- scalars, lists and images: one point is its value; several are a list of the values in logging order;
- rows and tables (the kind a name was last logged as decides): column -> values, a row adding one value
  to every column (none when it is empty), a table as many as its longest column; a column a point
  lacks, or has fewer values in, is padded with nulls. Points of other kinds under such a name are left out.

Numbers are copied as they were written (never re-formatted), so doubles read back exactly. Needs SQLite
3.38 or later (the ``->`` operator).
"""
import json
import sqlite3

from azureml._local.store import NON_FINITE_TAG

FOLD_SQL = r"""
WITH
ordered AS (
    SELECT id, name, kind, coalesce(value, 'null') AS value,
           first_value(kind) OVER (PARTITION BY name ORDER BY id DESC) AS last_kind,
           count(*) OVER (PARTITION BY name) AS points,
           min(id) OVER (PARTITION BY name) AS first_id
    FROM points),
series AS (
    SELECT name, last_kind, first_id,
           CASE WHEN points = 1 THEN value
                ELSE '[' || group_concat(value, ',') OVER (PARTITION BY name ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) || ']'
           END AS value,
           row_number() OVER (PARTITION BY name ORDER BY id) AS r
    FROM ordered
    WHERE last_kind NOT IN ('row', 'table')),
tabular AS (
    SELECT o.id, o.name, o.kind, o.value,
           CASE o.kind WHEN 'row' THEN (SELECT min(count(*), 1) FROM json_each(o.value))
                ELSE (SELECT coalesce(max(CASE e.type WHEN 'array' THEN json_array_length(e.value) ELSE 0 END), 0) FROM json_each(o.value) e)
           END AS n
    FROM ordered o
    WHERE o.last_kind IN ('row', 'table') AND o.kind IN ('row', 'table') AND json_type(o.value) = 'object'),
first_seen AS (
    SELECT t.name, e.key AS col, t.id, e.id AS member,
           row_number() OVER (PARTITION BY t.name, e.key ORDER BY t.id) AS r
    FROM tabular t, json_each(t.value) e),
columns AS (
    SELECT name, col, row_number() OVER (PARTITION BY name ORDER BY id, member) AS ordinal
    FROM first_seen WHERE r = 1),
cells AS (
    SELECT c.name, c.col, c.ordinal, t.id,
           CASE
               WHEN t.n = 0 THEN NULL
               WHEN e.key IS NULL OR (t.kind = 'table' AND e.type <> 'array') THEN substr(replace(hex(zeroblob(t.n)), '00', ',null'), 2)
               WHEN t.kind = 'row' THEN coalesce(t.value -> e.fullkey, CASE e.type
                   WHEN 'text' THEN json_quote(e.atom) WHEN 'real' THEN printf('%!.17g', e.atom) WHEN 'integer' THEN CAST(e.atom AS TEXT)
                   WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN 'null' ELSE e.value END)
               WHEN json_array_length(e.value) = 0 THEN substr(replace(hex(zeroblob(t.n)), '00', ',null'), 2)
               ELSE substr(e.value, 2, length(e.value) - 2) || replace(hex(zeroblob(t.n - json_array_length(e.value))), '00', ',null')
           END AS fragment
    FROM columns c
    JOIN tabular t ON t.name = c.name
    LEFT JOIN json_each(t.value) e ON e.key = c.col),
column_values AS (
    SELECT name, col, ordinal,
           '[' || coalesce(group_concat(fragment, ',') OVER (PARTITION BY name, col ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), '') || ']' AS value,
           row_number() OVER (PARTITION BY name, col ORDER BY id) AS r
    FROM cells),
tables AS (
    SELECT name,
           '{' || group_concat(json_quote(col) || ':' || value, ',') OVER (PARTITION BY name ORDER BY ordinal ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) || '}' AS value,
           row_number() OVER (PARTITION BY name ORDER BY ordinal) AS r
    FROM column_values WHERE r = 1),
table_names AS (
    SELECT DISTINCT name, last_kind, first_id FROM ordered WHERE last_kind IN ('row', 'table'))
SELECT name, kind, value FROM (
    SELECT name, last_kind AS kind, value, first_id FROM series WHERE r = 1
    UNION ALL
    SELECT n.name, n.last_kind, coalesce(t.value, '{}'), n.first_id
    FROM table_names n LEFT JOIN (SELECT name, value FROM tables WHERE r = 1) t ON t.name = n.name)
ORDER BY first_id
"""


def decode(value):
    """A stored JSON value as Python: NaN and infinities come back as floats from their tagged form."""
    if isinstance(value, dict) and len(value) == 1 and NON_FINITE_TAG in value:
        return float(value[NON_FINITE_TAG])
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    return value


def fold(rows):
    """Folds ``(name, kind, value JSON text or None)`` points, in logging order, into get_metrics' dict."""
    if sqlite3.sqlite_version_info < (3, 38, 0):
        raise RuntimeError("get_metrics needs SQLite 3.38 or later; this Python's sqlite3 has SQLite %s." % sqlite3.sqlite_version)
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE points (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, value TEXT)")
        connection.executemany("INSERT INTO points (name, kind, value) VALUES (?, ?, ?)", rows)
        return {name: decode(json.loads(value)) for name, _, value in connection.execute(FOLD_SQL)}
    finally:
        connection.close()
