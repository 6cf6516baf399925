using Microsoft.ML;
using Microsoft.ML.Data;

namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// An ML.NET <see cref="IDataView"/> over in-memory column arrays, optionally restricted to some rows (a fold)
/// without copying. Arrays are never written, so any number of cursors may read at once. Column arrays:
/// <c>float[]</c> (Single), <c>string[]</c> (Text), <c>bool[]</c> (Boolean), <c>uint[]</c> (Key, 1-based, 0 = missing)
/// and <c>float[][]</c> (a known-size Single vector).
/// </summary>
internal sealed class TableDataView : IDataView
{
    private readonly Array[] _columns;
    private readonly int[]? _rows;
    private readonly int _rowCount;

    public TableDataView(IReadOnlyList<(string Name, DataViewType Type, Array Values)> columns, int[]? rows = null)
    {
        var builder = new DataViewSchema.Builder();
        foreach ((string name, DataViewType type, _) in columns) builder.AddColumn(name, type);
        Schema = builder.ToSchema();
        _columns = columns.Select(c => c.Values).ToArray();
        _rows = rows;
        _rowCount = rows?.Length ?? (_columns.Length == 0 ? 0 : _columns[0].Length);
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        => new Cursor(this, rand is null ? null : Permutation(rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => new[] { GetRowCursor(columnsNeeded, rand) };

    private int[] Permutation(Random random)
    {
        int[] order = Enumerable.Range(0, _rowCount).ToArray();
        random.Shuffle(order);
        return order;
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TableDataView _view;
        private readonly int[]? _order;
        private long _position = -1;

        public Cursor(TableDataView view, int[]? order)
        {
            _view = view;
            _order = order;
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._rowCount)
            {
                _position = _view._rowCount;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter()
            => (ref DataViewRowId id) => id = new DataViewRowId((ulong)Row, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        // The row of the underlying arrays the cursor is on.
        private int Row
        {
            get
            {
                int at = _order is null ? (int)_position : _order[_position];
                return _view._rows is null ? at : _view._rows[at];
            }
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = _view._columns[column.Index] switch
            {
                float[] floats => (ValueGetter<float>)((ref float value) => value = floats[Row]),
                string[] strings => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = strings[Row].AsMemory()),
                bool[] booleans => (ValueGetter<bool>)((ref bool value) => value = booleans[Row]),
                uint[] keys => (ValueGetter<uint>)((ref uint value) => value = keys[Row]),
                float[][] vectors => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    float[] source = vectors[Row];
                    VBufferEditor<float> editor = VBufferEditor.Create(ref value, source.Length);
                    source.AsSpan().CopyTo(editor.Values);
                    value = editor.Commit();
                }),
                Array other => throw new NotSupportedException($"Column arrays of {other.GetType().Name} are not supported."),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
