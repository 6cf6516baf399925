namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>AutoMLVertical</c> for tabular tasks (<c>Classification</c>, <c>Regression</c>, <c>Forecasting</c>).</summary>
internal sealed class AutoMLTaskDetails
{
    public string? TaskType { get; set; }
    public string? PrimaryMetric { get; set; }
    public string? TargetColumnName { get; set; }
    public JobInput? TrainingData { get; set; }
    public JobInput? ValidationData { get; set; }
    public double? ValidationDataSize { get; set; }
    public NCrossValidations? NCrossValidations { get; set; }
    public TableLimitSettings? LimitSettings { get; set; }
    public FeaturizationSettings? FeaturizationSettings { get; set; }
    public TrainingSettings? TrainingSettings { get; set; }
    public string? LogVerbosity { get; set; }
    public string? WeightColumnName { get; set; }
    public string? PositiveLabel { get; set; }
}
