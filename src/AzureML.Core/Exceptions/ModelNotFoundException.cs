namespace AzureML.Core;

/// <summary>Raised when a model name, version or id is not registered in the workspace (or not deployed with a scoring process).</summary>
public class ModelNotFoundException : AzureMLException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was looked up and what exists instead.</param>
    /// <param name="modelName">The model name that was looked up.</param>
    /// <param name="version">The version that was looked up, or <c>null</c> for the latest.</param>
    public ModelNotFoundException(string message, string modelName, int? version = null) : base(message)
    {
        ModelName = modelName;
        Version = version;
        ErrorCode = AzureMLErrorCode.ResourceNotFound;
    }

    /// <summary>The model name that was looked up.</summary>
    public string ModelName { get; }

    /// <summary>The version that was looked up, or <c>null</c> for the latest.</summary>
    public int? Version { get; }
}
