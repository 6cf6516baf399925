namespace AzureML.Core.Data;

/// <summary>How a run receives a dataset input; the <c>mechanism</c> of a run configuration's <c>data</c> section.</summary>
public enum DatasetConsumptionMode
{
    /// <summary>The run reads the data itself; locally its files are downloaded like <see cref="Download"/>.</summary>
    Direct,

    /// <summary>The files appear read-only under a folder (locally a read-only copy).</summary>
    Mount,

    /// <summary>The files are copied to a folder before the run starts.</summary>
    Download,
}
