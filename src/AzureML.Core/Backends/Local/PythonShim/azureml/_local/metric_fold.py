"""How a run's metric points become the values of get_metrics, written once for both languages.

FOLD_SQL reads a table ``points(id, name, kind, value)`` (``value`` the point's JSON text, ``id`` in logging
order) and answers rows ``(name, kind, piece)``: in the order given, the pieces of a metric joined together
are its folded JSON text (metrics in the order they were first logged; the joining is left to the caller
because SQLite orders no string aggregate before 3.44). AzureML.Core runs this same statement (it reads it
from this file) for Run.GetMetrics, so a metric reads back the same from C# and from a Python script. The
rules, as azureml-core's get_metrics presents metrics:

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
names AS (
    SELECT name, count(*) AS points, min(id) AS first_id, max(id) AS last_id FROM points GROUP BY name),
ordered AS (
    SELECT p.id, p.name, p.kind, coalesce(p.value, 'null') AS value, n.points, n.first_id, l.kind AS last_kind
    FROM points p JOIN names n ON n.name = p.name JOIN points l ON l.id = n.last_id),
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
fragments AS (
    SELECT name, ordinal, id, fragment, row_number() OVER (PARTITION BY name, ordinal ORDER BY id) AS r
    FROM cells WHERE fragment IS NOT NULL),
tables AS (
    SELECT DISTINCT name, last_kind, first_id FROM ordered WHERE last_kind IN ('row', 'table')),
pieces (name, kind, first_id, ordinal, seq, piece) AS (
    SELECT name, last_kind, first_id, 0, id,
           CASE WHEN points = 1 THEN value WHEN id = first_id THEN '[' || value ELSE ',' || value END
    FROM ordered WHERE last_kind NOT IN ('row', 'table')
    UNION ALL
    SELECT name, last_kind, first_id, 0, 9223372036854775807, ']'
    FROM ordered WHERE last_kind NOT IN ('row', 'table') AND points > 1 AND id = first_id
    UNION ALL
    SELECT name, last_kind, first_id, 0, 0, '{' FROM tables
    UNION ALL
    SELECT c.name, t.last_kind, t.first_id, c.ordinal, 0, CASE WHEN c.ordinal = 1 THEN '' ELSE ',' END || json_quote(c.col) || ':['
    FROM columns c JOIN tables t ON t.name = c.name
    UNION ALL
    SELECT f.name, t.last_kind, t.first_id, f.ordinal, f.id, CASE WHEN f.r = 1 THEN '' ELSE ',' END || f.fragment
    FROM fragments f JOIN tables t ON t.name = f.name
    UNION ALL
    SELECT c.name, t.last_kind, t.first_id, c.ordinal, 9223372036854775807, ']'
    FROM columns c JOIN tables t ON t.name = c.name
    UNION ALL
    SELECT name, last_kind, first_id, 9223372036854775807, 0, '}' FROM tables)
SELECT name, kind, piece FROM pieces ORDER BY first_id, ordinal, seq
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
        texts = {}
        for name, _, piece in connection.execute(FOLD_SQL):
            texts.setdefault(name, []).append(piece)
        return {name: decode(json.loads("".join(pieces))) for name, pieces in texts.items()}
    finally:
        connection.close()
