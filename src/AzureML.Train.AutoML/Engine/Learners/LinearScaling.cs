using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>The feature scaling linear learners search over, named as azureml names its preprocessors.</summary>
internal static class LinearScaling
{
    public const string Parameter = "scaler";
    public const string Standard = "StandardScalerWrapper";
    public const string MinMax = "MinMaxScaler";
    public const string MaxAbs = "MaxAbsScaler";

    public static Hyperparameter Hyperparameter { get; } = new(Parameter, Domain.Choice(Standard, MinMax, MaxAbs), Standard);

    /// <summary>The scaler in front of <paramref name="trainer"/>.</summary>
    public static IEstimator<ITransformer> Before(MLContext ml, TrialConfig config, IEstimator<ITransformer> trainer)
    {
        string column = PipelineColumns.Features;
        IEstimator<ITransformer> scaler = config.Text(Parameter) switch
        {
            Standard => ml.Transforms.NormalizeMeanVariance(column, fixZero: false),
            MinMax => ml.Transforms.NormalizeMinMax(column, fixZero: false),
            _ => ml.Transforms.NormalizeMinMax(column, fixZero: true),
        };
        return scaler.Append(trainer);
    }
}
