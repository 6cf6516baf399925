using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>Logistic regression (multinomial for several classes) fitted by L-BFGS on scaled features, searching L1/L2 strength and the scaler.</summary>
internal sealed class LbfgsLearner : MLNetLearner
{
    public override string Name => "LogisticRegression";

    public override string Component(LearnerContext context)
        => context.IsBinary ? nameof(LbfgsLogisticRegressionBinaryTrainer) : nameof(LbfgsMaximumEntropyMulticlassTrainer);

    public override bool Supports(TaskKind task) => task == TaskKind.Classification;

    // Fitted to 48 random configurations: 3 ms and 0.86 µs per row, feature and class. The iterations to converge
    // vary with the penalties (0.3× to 2.7× of the measured time for 80 % of them).
    public override double FitMilliseconds(LearnerContext context, TrialConfig config, TrainedModel? trained) => LinearMilliseconds(context, 3, 8.6e-4);

    public override SearchSpace Space(LearnerContext context) => new(
        new Hyperparameter("l2_regularization", Domain.Real(1e-4, 1e3, log: true), 1.0),
        new Hyperparameter("l1_regularization", Domain.Real(1e-4, 1e2, log: true), 1e-4),
        LinearScaling.Hyperparameter);

    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[] { Variant(context, ("l2_regularization", 0.1)), Variant(context, ("l2_regularization", 10.0)) };

    public override string Preprocessor(TrialConfig config) => config.Text(LinearScaling.Parameter);

    public override IEstimator<ITransformer> Estimator(MLContext ml, LearnerContext context, TrialConfig config)
    {
        float l2 = (float)config.Real("l2_regularization");
        float l1 = (float)config.Real("l1_regularization");
        IEstimator<ITransformer> trainer = context.IsBinary
            ? ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = l2, L1Regularization = l1, NumberOfThreads = context.Threads, MaximumNumberOfIterations = 1000,
                LabelColumnName = PipelineColumns.Label, FeatureColumnName = PipelineColumns.Features, ExampleWeightColumnName = WeightColumn(context),
            })
            : ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = l2, L1Regularization = l1, NumberOfThreads = context.Threads, MaximumNumberOfIterations = 1000,
                LabelColumnName = PipelineColumns.Label, FeatureColumnName = PipelineColumns.Features, ExampleWeightColumnName = WeightColumn(context),
            });
        return LinearScaling.Before(ml, config, trainer);
    }
}
