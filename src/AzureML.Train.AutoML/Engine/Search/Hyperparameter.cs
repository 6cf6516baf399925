namespace AzureML.Train.AutoML.Engine.Search;

/// <summary>One searched hyperparameter: its name (as azureml properties show it), its values and its low-cost starting value.</summary>
internal sealed record Hyperparameter(string Name, Domain Domain, object Initial);
