using AzureML.Core.Internal;

namespace AzureML.Train.AutoML.Local;

/// <summary>
/// Finds the program local AutoML runs execute in (<c>AzureML.Train.AutoML.Runner.dll</c> with its runtime
/// configuration), as every <see cref="PackagedProgram"/> is found, in <c>azureml-automl-runner/</c>.
/// </summary>
internal static class AutoMLRunnerLocator
{
    public const string AssemblyFileName = "AzureML.Train.AutoML.Runner.dll";

    public const string FolderName = "azureml-automl-runner";

    private static readonly PackagedProgram s_program = new(typeof(AutoMLRunnerLocator), FolderName, AssemblyFileName,
        "The AutoML runner", "AzureML.Train.AutoML", "AzureML.Train.AutoML.Runner");

    /// <exception cref="AzureML.Core.UserErrorException">No runner is installed; the message lists where it looked.</exception>
    public static string Locate() => s_program.Locate("AutoML experiments cannot run on a local workspace");
}
