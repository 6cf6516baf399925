namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>How a model input carries a column (the ONNX input's element type).</summary>
internal enum InputKind
{
    /// <summary>A float: numbers and booleans (0/1); NaN when missing.</summary>
    Float,

    /// <summary>A string: categories; the empty string when missing.</summary>
    String,

    /// <summary>A double holding seconds since 1970-01-01 UTC; NaN when missing.</summary>
    DateTime,
}
