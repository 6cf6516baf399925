using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// A learner on one of ML.NET's FastTree-family trainers: the same tree options (<c>n_estimators</c>, <c>num_leaves</c>,
/// <c>min_samples_leaf</c>, threads, seeds, columns) for regression and binary classification, and one binary model
/// per class when there are several classes.
/// </summary>
internal abstract class TreeEnsembleLearner : MLNetLearner
{
    /// <summary>The regression trainer's name, for descriptions.</summary>
    protected abstract string RegressionTrainer { get; }

    /// <summary>The binary trainer's name, for descriptions.</summary>
    protected abstract string BinaryTrainer { get; }

    public override string Component(LearnerContext context) => context.Task == TaskKind.Regression ? RegressionTrainer
        : context.IsBinary ? BinaryTrainer : $"OneVersusAll({BinaryTrainer})";

    public override bool Supports(TaskKind task) => true;

    /// <summary>Options with the hyperparameters every tree learner here has, the trial's threads and seed, and the pipeline's columns.</summary>
    protected static TOptions TreeOptions<TOptions>(LearnerContext context, TrialConfig config)
        where TOptions : TreeOptions, new() => new()
    {
        NumberOfTrees = config.Int("n_estimators"),
        NumberOfLeaves = config.Int("num_leaves"),
        MinimumExampleCountPerLeaf = config.Int("min_samples_leaf"),
        NumberOfThreads = context.Threads,
        Seed = context.Seed,
        FeatureSelectionSeed = context.Seed,
        LabelColumnName = PipelineColumns.Label,
        FeatureColumnName = PipelineColumns.Features,
        ExampleWeightColumnName = WeightColumn(context),
    };

    /// <summary>The binary trainer itself, or one of it per class when there are several classes.</summary>
    protected static IEstimator<ITransformer> PerClass<TModel>(MLContext ml, LearnerContext context, ITrainerEstimator<BinaryPredictionTransformer<TModel>, TModel> binary)
        where TModel : class
        => context.IsBinary ? binary : ml.MulticlassClassification.Trainers.OneVersusAll(binary, PipelineColumns.Label);
}
