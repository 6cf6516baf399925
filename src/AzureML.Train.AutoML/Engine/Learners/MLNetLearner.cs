using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>A learner whose training is an ML.NET trainer (after an optional scaler) reading <see cref="PipelineColumns.Features"/>.</summary>
internal abstract class MLNetLearner : Learner
{
    /// <summary>The trainer (and scaler, if any) for a configuration, with explicit hyperparameters, seed and threads.</summary>
    public abstract IEstimator<ITransformer> Estimator(MLContext ml, LearnerContext context, TrialConfig config);

    public virtual ScoreOutput Output(LearnerContext context, TrialConfig config)
        => context.Task == TaskKind.Regression ? ScoreOutput.Value : context.IsBinary ? ScoreOutput.Probability : ScoreOutput.ClassProbabilities;

    public override TrainedModel Train(MLContext ml, LearnerContext context, TrialConfig config, IDataView features, CancellationToken cancellationToken)
        => new MLNetModel(Estimator(ml, context, config).Fit(features), Output(context, config));
}
