using System.Globalization;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML;

public sealed partial class AutoMLConfig
{
    private static readonly string[] s_localTasks = { "classification", "regression" };

    private static readonly string[] s_azureTasks =
    {
        "forecasting", "image-classification", "image-classification-multilabel", "image-multi-labeling", "image-object-detection",
        "image-instance-segmentation", "text-classification", "text-classification-multilabel", "text-ner",
    };

    private static string ValidTask(string? task)
    {
        string value = (task ?? "").Trim().ToLowerInvariant();
        if (s_localTasks.Contains(value)) return value;
        if (s_azureTasks.Contains(value))
        {
            throw new ConfigException(
                $"The task '{task}' is not supported on a local workspace: the local engine trains classification and regression models. " +
                "Submit to an Azure Machine Learning workspace for forecasting, image and text tasks.", "task");
        }

        throw new ConfigException($"Invalid value '{task}' for parameter 'task'. Supported values: {string.Join(", ", s_localTasks.Concat(s_azureTasks))}.", "task");
    }

    private static string ValidPrimaryMetric(string? metric, TaskKind task)
    {
        if (metric is null) return MetricCatalog.DefaultPrimary(task);
        IReadOnlyList<string> allowed = MetricCatalog.Primary(task);
        return allowed.Contains(metric)
            ? metric
            : throw new ConfigException(
                $"Invalid primary metric '{metric}' for task '{task.ToString().ToLowerInvariant()}'. Supported primary metrics: {string.Join(", ", allowed)}.", "primaryMetric");
    }

    private static int Positive(int value, string parameter)
        => value >= 1 ? value : throw new ConfigException($"{parameter} must be at least 1; got {value}.", parameter);

    private static double ExperimentTimeout(double? minutes, double? hours)
    {
        if (minutes is not null && hours is not null)
        {
            throw new ConfigException("experimentTimeoutMinutes and experimentTimeoutHours were both given; set one of them.", "experimentTimeoutMinutes");
        }

        double value = minutes ?? (hours * 60) ?? DefaultExperimentTimeoutMinutes;
        string parameter = hours is not null ? "experimentTimeoutHours" : "experimentTimeoutMinutes";
        return value > 0 && double.IsFinite(value) ? value : throw new ConfigException($"{parameter} must be a positive number; got {(hours ?? minutes)!.Value.ToString(CultureInfo.InvariantCulture)}.", parameter);
    }

    private void Validate(TaskKind task)
    {
        if (TrainingData is null || string.IsNullOrEmpty(LabelColumnName))
        {
            throw new ConfigException(
                "trainingData and labelColumnName are both required: pass the training data (a TabularDataset or a DataFrame) and the name of the column to predict.",
                TrainingData is null ? "trainingData" : "labelColumnName");
        }

        if (WeightColumnName is not null && WeightColumnName == LabelColumnName)
        {
            throw new ConfigException($"weightColumnName '{WeightColumnName}' is the label column; the weights must be another column.", "weightColumnName");
        }

        if (ValidationSize is double size && !(size > 0 && size < 1))
        {
            throw new ConfigException($"validationSize must be between 0 and 1 (exclusive); got {size.ToString(CultureInfo.InvariantCulture)}.", "validationSize");
        }

        if (NCrossValidations is int folds && folds < 2)
        {
            throw new ConfigException($"nCrossValidations must be at least 2; got {folds}.", "nCrossValidations");
        }

        Conflict(ValidationData is not null && NCrossValidations is not null, "nCrossValidations", "validationData");
        Conflict(ValidationData is not null && ValidationSize is not null, "validationSize", "validationData");
        Conflict(NCrossValidations is not null && ValidationSize is not null, "validationSize", "nCrossValidations");
        Conflict(CvSplitColumnNames.Count > 0 && NCrossValidations is not null, "cvSplitColumnNames", "nCrossValidations");
        Conflict(CvSplitColumnNames.Count > 0 && ValidationSize is not null, "cvSplitColumnNames", "validationSize");
        Conflict(CvSplitColumnNames.Count > 0 && ValidationData is not null, "cvSplitColumnNames", "validationData");

        if (MaxCoresPerIteration is 0 or < -1)
        {
            throw new ConfigException($"maxCoresPerIteration must be -1 (all cores) or at least 1; got {MaxCoresPerIteration}.", "maxCoresPerIteration");
        }

        if (IterationTimeoutMinutes is double iteration)
        {
            if (!(iteration > 0) || !double.IsFinite(iteration))
            {
                throw new ConfigException($"iterationTimeoutMinutes must be a positive number; got {iteration.ToString(CultureInfo.InvariantCulture)}.", "iterationTimeoutMinutes");
            }

            if (iteration > ExperimentTimeoutMinutes)
            {
                throw new ConfigException(
                    $"iterationTimeoutMinutes ({iteration.ToString(CultureInfo.InvariantCulture)}) is longer than the experiment timeout " +
                    $"({ExperimentTimeoutMinutes.ToString(CultureInfo.InvariantCulture)} minutes); an iteration cannot outlast the experiment.", "iterationTimeoutMinutes");
            }
        }

        if (ExperimentExitScore is double exit && !double.IsFinite(exit))
        {
            throw new ConfigException("experimentExitScore must be a finite number.", "experimentExitScore");
        }

        if (PositiveLabel is not null && task != TaskKind.Classification)
        {
            throw new ConfigException("positiveLabel applies to classification only.", "positiveLabel");
        }

        if (Iterations <= (EnableVotingEnsemble ? 1 : 0) + (EnableStackEnsemble ? 1 : 0))
        {
            throw new ConfigException(
                $"iterations is {Iterations}, which leaves no iteration to train models before the ensembles; allow more iterations or disable the ensembles.", "iterations");
        }
    }

    private static void Conflict(bool both, string parameter, string other)
    {
        if (both)
        {
            throw new ConfigException($"{parameter} and {other} cannot be used together; they are different ways to validate. Set one of them.", parameter);
        }
    }
}
