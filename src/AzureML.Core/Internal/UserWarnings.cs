namespace AzureML.Core.Internal;

/// <summary>
/// Warnings for the person running the code, where no log of their own is at hand (registering a model, uploading
/// a folder): written to standard error, as azureml-core's warnings are.
/// </summary>
internal static class UserWarnings
{
    public static void Write(string message) => Console.Error.WriteLine($"Warning: {message}");
}
