namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>The names and metadata keys of every model the engine exports, so scoring code can rely on them.</summary>
internal static class OnnxNames
{
    /// <summary>Classification: the predicted class in the label's own type, shape [N].</summary>
    public const string Label = "output_label";

    /// <summary>Classification: float probabilities [N, classes], columns in the order of <see cref="ClassesKey"/>.</summary>
    public const string Probability = "output_probability";

    /// <summary>Regression: the prediction, float [N, 1].</summary>
    public const string Prediction = "variable";

    public const string TaskKey = "task";
    public const string LabelColumnKey = "label_column";
    public const string LabelTypeKey = "label_type";

    /// <summary>The classes as a JSON array of values in the label's type.</summary>
    public const string ClassesKey = "classes";

    /// <summary>A JSON array of the inputs that carry date-times (as seconds since 1970-01-01 UTC).</summary>
    public const string DateTimeInputsKey = "datetime_inputs";

    public const string AlgorithmKey = "algorithm";
    public const string PipelineKey = "pipeline";
    public const string Producer = "AzureML.Train.AutoML";
}
