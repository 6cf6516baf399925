namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>Tables of the model registry.</summary>
    private const string ModelTables = "";
}
