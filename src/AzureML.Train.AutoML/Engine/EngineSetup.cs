using AzureML.Train.AutoML.Engine.Trials;

namespace AzureML.Train.AutoML.Engine;

/// <summary>What setup produced: the shared trial data and the data guardrails.</summary>
internal sealed record EngineSetup(TrialData Shared, IReadOnlyList<DataGuardrail> Guardrails, TimeSpan Duration);
