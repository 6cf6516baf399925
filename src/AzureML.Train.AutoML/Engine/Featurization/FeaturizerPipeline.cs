using AzureML.Train.AutoML.Engine.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AzureML.Train.AutoML.Engine.Featurization;

/// <summary>
/// Builds the featurizing ML.NET pipeline of a <see cref="FeaturizerPlan"/> from components that export to ONNX
/// and match ONNX Runtime (each is covered by a parity test): missing indicators, mean imputation, one-hot and
/// hashed one-hot encoding, concatenation.
/// </summary>
internal static class FeaturizerPipeline
{
    public static IEstimator<ITransformer> CreateEstimator(MLContext ml, FeaturizerPlan plan)
    {
        IReadOnlyList<string> numeric = plan.Columns.NumericColumns;
        var steps = new List<IEstimator<ITransformer>>();
        var features = new List<string>(numeric);
        if (plan.MissingIndicators.Count > 0)
        {
            // The indicators read the raw values, before imputation replaces them.
            InputOutputColumnPair[] flags = plan.MissingIndicators.Select(c => new InputOutputColumnPair(FeaturizerPlan.IndicatorColumn(c) + "#flag", c)).ToArray();
            InputOutputColumnPair[] indicators = plan.MissingIndicators.Select(c => new InputOutputColumnPair(FeaturizerPlan.IndicatorColumn(c), FeaturizerPlan.IndicatorColumn(c) + "#flag")).ToArray();
            steps.Add(ml.Transforms.IndicateMissingValues(flags));
            steps.Add(ml.Transforms.Conversion.ConvertType(indicators, DataKind.Single));
            features.AddRange(plan.MissingIndicators.Select(FeaturizerPlan.IndicatorColumn));
        }

        if (plan.Enabled && numeric.Count > 0)
        {
            steps.Add(ml.Transforms.ReplaceMissingValues(
                numeric.Select(c => new InputOutputColumnPair(c, c)).ToArray(), MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        if (plan.OneHot.Count > 0)
        {
            steps.Add(ml.Transforms.Categorical.OneHotEncoding(
                plan.OneHot.Select(c => new InputOutputColumnPair(Encoded(c), c)).ToArray(), OneHotEncodingEstimator.OutputKind.Indicator));
            features.AddRange(plan.OneHot.Select(Encoded));
        }

        foreach ((string column, int bits) in plan.Hashed)
        {
            steps.Add(ml.Transforms.Categorical.OneHotHashEncoding(Encoded(column), column, OneHotEncodingEstimator.OutputKind.Indicator, bits));
            features.Add(Encoded(column));
        }

        steps.Add(ml.Transforms.Concatenate(PipelineColumns.Features, features.ToArray()));
        return steps.Skip(1).Aggregate(steps[0], (chain, step) => chain.Append(step));
    }

    private static string Encoded(string column) => column + InputColumn.DerivedSeparator + "encoded";
}
