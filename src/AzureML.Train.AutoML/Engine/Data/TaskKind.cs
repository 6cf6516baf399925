namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>The tasks the local engine trains.</summary>
internal enum TaskKind
{
    /// <summary>Predict one of a fixed set of labels (two: binary; more: multiclass).</summary>
    Classification,

    /// <summary>Predict a number.</summary>
    Regression,
}
