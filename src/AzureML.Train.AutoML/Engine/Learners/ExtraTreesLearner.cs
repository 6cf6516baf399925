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

    protected override string ScikitLearnName(TaskKind task) => task == TaskKind.Regression ? "ExtraTreesRegressor" : "ExtraTreesClassifier";

    /// <summary>
    /// scikit-learn's defaults (the square root of the features per split for classification, all of them for
    /// regression, leaves of one row), with up to 300 trees rather than 100: an average of more trees ranks rows with
    /// fewer ties and less noise.
    /// </summary>
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[]
    {
        Forest(context, WarmStartTrees, context.Task == TaskKind.Regression ? 1.0 : SquareRootShare(context), 1),
    };

    private const int WarmStartTrees = 300;
}
