using System.Text.Json.Nodes;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>
/// A job the fake service runs: the statuses it goes through, one per run-history poll, and the log lines it writes
/// on the way. What the job produces (outputs, metrics) the test sets up when the job is submitted.
/// </summary>
internal sealed class FakeJob
{
    private readonly Queue<(string Status, string[] Lines)> _steps = new();
    private readonly List<string> _log = new();

    public FakeJob(string name, JsonObject resource)
    {
        Name = name;
        Resource = resource;
    }

    public string Name { get; }

    /// <summary>The job as the SDK sent it, with the fields the service adds.</summary>
    public JsonObject Resource { get; }

    public string Status { get; private set; } = "Queued";

    public DateTimeOffset? StartTime { get; private set; }

    public DateTimeOffset? EndTime { get; private set; }

    /// <summary>The primary user log so far.</summary>
    public string Log => string.Concat(_log.Select(l => l + "\n"));

    /// <summary>Polls made of its details.</summary>
    public int DetailPolls { get; private set; }

    /// <summary>Adds a step: at the next poll the job is in <paramref name="status"/> and has written <paramref name="lines"/>.</summary>
    public FakeJob Then(string status, params string[] lines)
    {
        _steps.Enqueue((status, lines));
        return this;
    }

    /// <summary>Moves to the next step, if any (a run-history poll).</summary>
    public void Advance()
    {
        DetailPolls++;
        if (!_steps.TryDequeue(out (string Status, string[] Lines) step)) return;
        _log.AddRange(step.Lines);
        Set(step.Status);
    }

    /// <summary>Ends the job now (a cancel).</summary>
    public void Cancel()
    {
        _steps.Clear();
        Set("Canceled");
    }

    private void Set(string status)
    {
        Status = status;
        if (status == "Running") StartTime ??= DateTimeOffset.UtcNow;
        if (status is "Completed" or "Failed" or "Canceled") EndTime = DateTimeOffset.UtcNow;
        Resource["properties"]!["status"] = status;
    }
}
