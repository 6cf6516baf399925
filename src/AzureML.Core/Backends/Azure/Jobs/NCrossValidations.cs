namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>NCrossValidations</c>: <c>{"mode":"Auto"}</c> or <c>{"mode":"Custom","value":n}</c>.</summary>
internal sealed class NCrossValidations
{
    public string? Mode { get; set; }
    public int? Value { get; set; }
}
