using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners.Trees;
using AzureML.Train.AutoML.Engine.Search;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// Extremely randomized trees (azureml's ExtremeRandomTrees, scikit-learn's ExtraTrees): every tree sees all rows,
/// and each split keeps the best of random thresholds on its drawn features. ML.NET has no counterpart.
/// </summary>
internal sealed class ExtraTreesLearner : ForestLearner
{
    public override string Name => "ExtremeRandomTrees";

    protected override SplitRule Rule => SplitRule.RandomThreshold;

    protected override bool Bootstrap => false;

    protected override double PerRowFeatureMs => 8.5e-6;

    protected override string ScikitLearnName(TaskKind task) => task == TaskKind.Regression ? "ExtraTreesRegressor" : "ExtraTreesClassifier";

    /// <summary>
    /// scikit-learn's defaults (its share of features per split, leaves of one row), with up to
    /// <see cref="ForestLearner.WarmStartTrees"/> trees.
    /// </summary>
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[]
    {
        Forest(context, WarmStartTrees, DefaultFeatureShare(context), 1),
    };
}
