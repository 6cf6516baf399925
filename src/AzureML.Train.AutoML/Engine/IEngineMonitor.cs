namespace AzureML.Train.AutoML.Engine;

/// <summary>
/// Progress hooks of the engine (ML.NET AutoML's monitor idea). The engine calls them one at a time, never
/// concurrently, in the order things happen.
/// </summary>
internal interface IEngineMonitor
{
    void SetupCompleted(EngineSetup setup);

    void TrialStarted(TrialStart start);

    void TrialCompleted(TrialOutcome outcome);

    /// <summary>A trial that did not complete: <paramref name="canceled"/> when the experiment stopped it, else failed (<paramref name="error"/> says why).</summary>
    void TrialEnded(TrialStart start, bool canceled, Exception error, TimeSpan duration);
}
