namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>Tables of datastores and datasets.</summary>
    private const string DataTables = "";
}
