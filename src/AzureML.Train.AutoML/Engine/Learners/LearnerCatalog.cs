using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// The learners per task, and azureml's model names that have no ONNX-exportable ML.NET counterpart here
/// (accepted in blockedModels, refused when they are all that allowedModels leaves).
/// </summary>
internal static class LearnerCatalog
{
    public static IReadOnlyList<string> UnavailableClassification { get; } = new[]
    {
        "XGBoostClassifier", "KNN", "SVM", "LinearSVM", "DecisionTree", "MultinomialNaiveBayes", "BernoulliNaiveBayes",
        "AveragedPerceptronClassifier", "TensorFlowDNN", "TensorFlowLinearClassifier", "TabnetClassifier",
    };

    public static IReadOnlyList<string> UnavailableRegression { get; } = new[]
    {
        "XGBoostRegressor", "KNN", "DecisionTree", "LassoLars", "OnlineGradientDescentRegressor", "TensorFlowDNN",
        "TensorFlowLinearRegressor", "TabnetRegressor",
    };

    public static IReadOnlyList<Learner> For(TaskKind task) => task == TaskKind.Classification
        ? new Learner[] { new LightGbmLearner(), new LbfgsLearner(), new SdcaLearner(TaskKind.Classification), new RandomForestLearner(), new ExtraTreesLearner(), new FastTreeLearner() }
        : new Learner[] { new LightGbmLearner(), new ElasticNetLearner(), new SdcaLearner(TaskKind.Regression), new RandomForestLearner(), new ExtraTreesLearner(), new FastTreeLearner() };

    public static IReadOnlyList<string> Unavailable(TaskKind task) => task == TaskKind.Classification ? UnavailableClassification : UnavailableRegression;
}
