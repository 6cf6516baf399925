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

    protected override string ScikitLearnName(TaskKind task) => task == TaskKind.Regression ? "RandomForestRegressor" : "RandomForestClassifier";

    /// <summary>
    /// Two random forests as they are usually run (scikit-learn's defaults: the square root of the features per split
    /// for classification, all of them for regression), with up to 300 trees rather than 100 as averages of more
    /// trees rank rows with fewer ties. One grows the trees fully; the other stops at leaves of 10 rows, whose smoother
    /// probabilities suit a few hundred noisy rows. Cross-validation chooses between them.
    /// </summary>
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context)
    {
        double share = context.Task == TaskKind.Regression ? 1.0 : SquareRootShare(context);
        return new[] { Forest(context, WarmStartTrees, share, 1), Forest(context, WarmStartTrees, share, SmoothedLeafRows) };
    }

    private const int WarmStartTrees = 300;

    private const int SmoothedLeafRows = 10;
}
