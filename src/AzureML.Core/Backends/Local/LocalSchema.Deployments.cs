namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>Tables of web services.</summary>
    private const string DeploymentTables = "";
}
