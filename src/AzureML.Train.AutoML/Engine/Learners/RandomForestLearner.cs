using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners.Trees;
using AzureML.Train.AutoML.Engine.Search;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// A random forest (azureml's RandomForest, scikit-learn's RandomForest; Breiman 2001): every tree sees a bootstrap
/// sample of the rows, and each split takes the best threshold of an exact number of drawn features.
/// </summary>
internal sealed class RandomForestLearner : ForestLearner
{
    public override string Name => "RandomForest";

    protected override SplitRule Rule => SplitRule.BestThreshold;

    protected override bool Bootstrap => true;

    protected override double PerRowFeatureMs => 6.7e-5;

    protected override string ScikitLearnName(TaskKind task) => task == TaskKind.Regression ? "RandomForestRegressor" : "RandomForestClassifier";

    /// <summary>
    /// Two random forests as they are usually run (scikit-learn's share of features per split), with up to
    /// <see cref="ForestLearner.WarmStartTrees"/> trees. One grows the trees fully; the other stops at leaves of 10 rows,
    /// whose smoother probabilities suit a few hundred noisy rows. Cross-validation chooses between them.
    /// </summary>
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context)
        => new[] { Forest(context, WarmStartTrees, DefaultFeatureShare(context), 1), Forest(context, WarmStartTrees, DefaultFeatureShare(context), SmoothedLeafRows) };

    private const int SmoothedLeafRows = 10;
}
