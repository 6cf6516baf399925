namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>Tables of compute targets.</summary>
    private const string ComputeTables = "";
}
