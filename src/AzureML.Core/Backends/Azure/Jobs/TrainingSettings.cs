namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>TableVerticalTrainingSettings</c> for classification.</summary>
internal sealed class TrainingSettings
{
    public bool? EnableOnnxCompatibleModels { get; set; }
    public bool? EnableVoteEnsemble { get; set; }
    public bool? EnableStackEnsemble { get; set; }
    public List<string>? BlockedTrainingAlgorithms { get; set; }
    public List<string>? AllowedTrainingAlgorithms { get; set; }
}
