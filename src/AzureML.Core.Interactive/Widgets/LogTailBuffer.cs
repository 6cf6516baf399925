namespace AzureML.Widgets;

/// <summary>The last lines of a run's output, kept while it streams in from another thread.</summary>
internal sealed class LogTailBuffer
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    public LogTailBuffer(int capacity) => _capacity = capacity;

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _capacity) _lines.Dequeue();
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (_lines) return _lines.ToArray();
    }
}
