using System.Globalization;

namespace AzureML.Train.AutoML.Local;

/// <summary>The runner's log: each line, time-stamped, to standard output (the run's log) and to the debug log file when one is set.</summary>
internal sealed class RunnerLog
{
    private readonly string? _debugLog;
    private readonly object _gate = new();

    public RunnerLog(string? debugLog) => _debugLog = debugLog;

    public void Write(string message)
    {
        string line = $"{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture)} - {message}";
        lock (_gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
            if (_debugLog is null) return;
            try
            {
                File.AppendAllText(_debugLog, line + System.Environment.NewLine);
            }
            catch (IOException)
            {
                // The debug log is a convenience; the run's own log has every line.
            }
        }
    }
}
