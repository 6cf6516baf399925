using AzureML.Train.AutoML.Engine;

namespace AzureML.Train.AutoML.Tests.Engine;

/// <summary>Keeps what the engine reports, in order.</summary>
internal sealed class RecordingMonitor : IEngineMonitor
{
    public EngineSetup? Setup { get; private set; }

    public List<TrialStart> Started { get; } = new();

    public List<TrialOutcome> Completed { get; } = new();

    public List<(TrialStart Start, bool Canceled, Exception Error)> Ended { get; } = new();

    public void SetupCompleted(EngineSetup setup) => Setup = setup;

    public void TrialStarted(TrialStart start) => Started.Add(start);

    public void TrialCompleted(TrialOutcome outcome) => Completed.Add(outcome);

    public void TrialEnded(TrialStart start, bool canceled, Exception error, TimeSpan duration) => Ended.Add((start, canceled, error));
}
