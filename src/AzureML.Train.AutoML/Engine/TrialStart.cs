using AzureML.Train.AutoML.Engine.Search;

namespace AzureML.Train.AutoML.Engine;

/// <summary>A trial about to run: its iteration number, algorithm, preprocessor and hyperparameters.</summary>
internal sealed record TrialStart(int Iteration, string Algorithm, string Preprocessor, TrialConfig Config);
