namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>MLflow's <c>LogBatch</c> limits per request.</summary>
internal static class MlflowLimits
{
    public const int MetricsPerBatch = 1000;
    public const int ParamsPerBatch = 100;
    public const int TagsPerBatch = 100;
    public const int EntitiesPerBatch = 1000;

    /// <summary>How many experiments or runs one search page asks for.</summary>
    public const int PageSize = 100;
}
