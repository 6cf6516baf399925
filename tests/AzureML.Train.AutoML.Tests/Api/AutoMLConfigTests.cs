using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Api;

[TestFixture]
public class AutoMLConfigTests
{
    private static readonly DataFrame s_frame = new(new[]
    {
        DataFrameColumn.OfDouble("x", new double?[] { 1, 2, 3, 4 }),
        DataFrameColumn.OfString("y", new[] { "a", "b", "a", "b" }),
    });

    private static AutoMLConfig Config(string task = "classification", string? primaryMetric = null, IReadOnlyDictionary<string, object?>? settings = null,
        int? nCrossValidations = null, double? validationSize = null, AutoMLData? validationData = null, IEnumerable<string>? allowedModels = null,
        IEnumerable<string>? blockedModels = null, double? experimentTimeoutMinutes = null, double? experimentTimeoutHours = null,
        double? iterationTimeoutMinutes = null, int maxCoresPerIteration = 1, int maxConcurrentIterations = 1, int? iterations = null,
        IEnumerable<string>? cvSplitColumnNames = null, object? positiveLabel = null)
        => new(task, trainingData: s_frame, labelColumnName: "y", primaryMetric: primaryMetric, automlSettings: settings, nCrossValidations: nCrossValidations,
            validationSize: validationSize, validationData: validationData, allowedModels: allowedModels, blockedModels: blockedModels,
            experimentTimeoutMinutes: experimentTimeoutMinutes, experimentTimeoutHours: experimentTimeoutHours, iterationTimeoutMinutes: iterationTimeoutMinutes,
            maxCoresPerIteration: maxCoresPerIteration, maxConcurrentIterations: maxConcurrentIterations, iterations: iterations,
            cvSplitColumnNames: cvSplitColumnNames, positiveLabel: positiveLabel);

    [Test]
    public void Ctor_Defaults_AreAzureMLs()
    {
        AutoMLConfig classification = Config();
        AutoMLConfig regression = Config(task: "regression");

        Assert.That(classification.PrimaryMetric, Is.EqualTo("accuracy"));
        Assert.That(regression.PrimaryMetric, Is.EqualTo("normalized_root_mean_squared_error"));
        Assert.That(classification.Iterations, Is.EqualTo(1000));
        Assert.That(classification.ExperimentTimeoutMinutes, Is.EqualTo(6 * 24 * 60));
        Assert.That(classification.EnableVotingEnsemble, Is.True);
        Assert.That(classification.Featurization.Mode, Is.EqualTo("auto"));
    }

    [TestCase("forecasting")]
    [TestCase("image-classification")]
    [TestCase("text-ner")]
    public void Ctor_AzureOnlyTask_SaysNotSupportedLocally(string task)
    {
        var error = Assert.Throws<ConfigException>(() => Config(task: task))!;
        Assert.That(error.Message, Does.StartWith($"The task '{task}' is not supported on a local workspace"));
        Assert.That(error.ParameterName, Is.EqualTo("task"));
    }

    [Test]
    public void Ctor_UnknownTask_ListsTasks()
        => Assert.That(() => Config(task: "clustering"), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("Invalid value 'clustering' for parameter 'task'. Supported values: classification, regression, forecasting"));

    [Test]
    public void Ctor_MetricOfOtherTask_ListsTheTasksMetrics()
        => Assert.That(() => Config(primaryMetric: "r2_score"), Throws.TypeOf<ConfigException>().With.Message.EqualTo(
            "Invalid primary metric 'r2_score' for task 'classification'. Supported primary metrics: accuracy, AUC_weighted, average_precision_score_weighted, norm_macro_recall, precision_score_weighted."));

    [Test]
    public void Ctor_UnknownModel_ListsSupportedNames()
    {
        var error = Assert.Throws<ConfigException>(() => Config(allowedModels: new[] { "LightGBM", "DeepForest" }))!;
        Assert.That(error.Message, Does.StartWith("Invalid allowedModels for task 'classification': DeepForest. Supported model names:"));
        Assert.That(error.Message, Does.Contain("RandomForest"));
        Assert.That(error.ParameterName, Is.EqualTo("allowedModels"));
    }

    [Test]
    public void Ctor_OnlyModelsWithoutLocalCounterpart_SaysNoneLeft()
        => Assert.That(() => Config(allowedModels: new[] { "XGBoostClassifier" }), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("No model is left to train").And.Property(nameof(ConfigException.ParameterName)).EqualTo("allowedModels"));

    [Test]
    public void Ctor_AllowedAndBlocked_TrainsTheDifference()
    {
        AutoMLConfig config = Config(allowedModels: new[] { "LightGBM", "RandomForest", "XGBoostClassifier" }, blockedModels: new[] { "RandomForest" });

        Assert.That(config.Learners.Select(l => l.Name), Is.EqualTo(new[] { "LightGBM" }));
    }

    [Test]
    public void Ctor_AllowedExtremeRandomTrees_TrainsOnlyThem()
        => Assert.That(Config(allowedModels: new[] { "ExtremeRandomTrees" }).Learners.Select(l => l.Name), Is.EqualTo(new[] { "ExtremeRandomTrees" }));

    [Test]
    public void Ctor_TimeoutInMinutesAndHours_Conflict()
        => Assert.That(() => Config(experimentTimeoutMinutes: 10, experimentTimeoutHours: 1), Throws.TypeOf<ConfigException>()
            .With.Message.EqualTo("experimentTimeoutMinutes and experimentTimeoutHours were both given; set one of them."));

    [Test]
    public void Ctor_IterationTimeoutLongerThanExperiment_Refused()
        => Assert.That(() => Config(experimentTimeoutMinutes: 5, iterationTimeoutMinutes: 10), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("iterationTimeoutMinutes (10) is longer than the experiment timeout (5 minutes)"));

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.2)]
    public void Ctor_ValidationSizeOutOfRange_Refused(double size)
        => Assert.That(() => Config(validationSize: size), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("validationSize must be between 0 and 1 (exclusive)").And.Property(nameof(ConfigException.ParameterName)).EqualTo("validationSize"));

    [Test]
    public void Ctor_CrossValidationAndValidationData_Conflict()
        => Assert.That(() => Config(nCrossValidations: 3, validationData: s_frame), Throws.TypeOf<ConfigException>()
            .With.Message.EqualTo("nCrossValidations and validationData cannot be used together; they are different ways to validate. Set one of them."));

    [Test]
    public void Ctor_SplitColumnsAndCrossValidation_Conflict()
        => Assert.That(() => Config(nCrossValidations: 3, cvSplitColumnNames: new[] { "x" }), Throws.TypeOf<ConfigException>()
            .With.Property(nameof(ConfigException.ParameterName)).EqualTo("cvSplitColumnNames"));

    [TestCase(0, 1, "maxCoresPerIteration must be -1 (all cores) or at least 1; got 0.")]
    [TestCase(-2, 1, "maxCoresPerIteration must be -1 (all cores) or at least 1; got -2.")]
    [TestCase(1, 0, "maxConcurrentIterations must be at least 1; got 0.")]
    public void Ctor_BadParallelism_Refused(int cores, int concurrent, string message)
        => Assert.That(() => Config(maxCoresPerIteration: cores, maxConcurrentIterations: concurrent), Throws.TypeOf<ConfigException>().With.Message.EqualTo(message));

    [Test]
    public void Ctor_OneIterationWithEnsemble_LeavesNothingToTrain()
        => Assert.That(() => Config(iterations: 1), Throws.TypeOf<ConfigException>().With.Message.StartsWith("iterations is 1, which leaves no iteration"));

    [Test]
    public void Ctor_PositiveLabelForRegression_Refused()
        => Assert.That(() => Config(task: "regression", positiveLabel: "a"), Throws.TypeOf<ConfigException>().With.Message.EqualTo("positiveLabel applies to classification only."));

    [Test]
    public void Ctor_NoTrainingData_NamesBoth()
        => Assert.That(() => new AutoMLConfig("classification", labelColumnName: "y"), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("trainingData and labelColumnName are both required").And.Property(nameof(ConfigException.ParameterName)).EqualTo("trainingData"));

    [Test]
    public void Ctor_SettingsDictionary_SetsAzureMLKeys()
    {
        AutoMLConfig config = Config(settings: new Dictionary<string, object?>
        {
            ["experiment_timeout_minutes"] = 20,
            ["max_concurrent_iterations"] = 3,
            ["primary_metric"] = "AUC_weighted",
            ["enable_early_stopping"] = true,
            ["blocked_models"] = new[] { "RandomForest" },
        });

        Assert.That(config.ExperimentTimeoutMinutes, Is.EqualTo(20));
        Assert.That(config.MaxConcurrentIterations, Is.EqualTo(3));
        Assert.That(config.PrimaryMetric, Is.EqualTo("AUC_weighted"));
        Assert.That(config.EnableEarlyStopping, Is.True);
        Assert.That(config.BlockedModels, Is.EqualTo(new[] { "RandomForest" }));
    }

    [Test]
    public void Ctor_SettingsDictionaryContradictsParameter_NamesBoth()
        => Assert.That(() => Config(primaryMetric: "accuracy", settings: new Dictionary<string, object?> { ["primary_metric"] = "AUC_weighted" }),
            Throws.TypeOf<ConfigException>().With.Message.EqualTo("'primary_metric' in automlSettings ('AUC_weighted') contradicts the parameter primaryMetric ('accuracy'); give it once."));

    [Test]
    public void Ctor_SettingsDictionaryAgreesWithParameter_Accepted()
        => Assert.That(Config(primaryMetric: "AUC_weighted", settings: new Dictionary<string, object?> { ["primary_metric"] = "AUC_weighted" }).PrimaryMetric, Is.EqualTo("AUC_weighted"));

    [Test]
    public void Ctor_UnknownSetting_ListsKnownOnes()
        => Assert.That(() => Config(settings: new Dictionary<string, object?> { ["experiment_timeout_days"] = 1 }), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("Unknown AutoML setting 'experiment_timeout_days' in automlSettings. Known settings: task, path, iterations"));

    [Test]
    public void Ctor_SettingOfWrongType_SaysWhatIsExpected()
        => Assert.That(() => Config(settings: new Dictionary<string, object?> { ["max_concurrent_iterations"] = "many" }), Throws.TypeOf<ConfigException>()
            .With.Message.EqualTo("automlSettings: maxConcurrentIterations must be a number; got 'many'."));

    [Test]
    public void Featurization_UnknownString_Refused()
        => Assert.That(() => { FeaturizationConfig featurization = "sometimes"; }, Throws.TypeOf<ConfigException>()
            .With.Message.EqualTo("Invalid featurization 'sometimes'. Use \"auto\", \"off\" or a FeaturizationConfig."));

    [Test]
    public void Featurization_UnknownPurpose_ListsPurposes()
        => Assert.That(() => new FeaturizationConfig(columnPurposes: new Dictionary<string, string> { ["x"] = "Money" }), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("Invalid column purpose 'Money' for column 'x'. Supported: Numeric, Categorical"));

    [Test]
    public void ToSettingsJson_NamesSettingsAsAzureML()
    {
        string json = Config(primaryMetric: "AUC_weighted").ToSettingsJson();

        Assert.That(json, Does.Contain("\"primary_metric\":\"AUC_weighted\"").And.Contain("\"task_type\":\"classification\"").And.Contain("\"label_column_name\":\"y\""));
    }
}
