using AzureML.Core.Backends.Local;

namespace AzureML.Core.Hosting;

/// <summary>
/// The entry point of the SDK's host program, which local workspaces start as processes of their own:
/// <c>serve &lt;config.json&gt;</c> for each local ONNX web service, <c>supervise …</c> for each submitted run.
/// Applications never call it.
/// </summary>
internal static class HostProgram
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == LocalHostProgram.ServeVerb)
        {
            return OnnxServiceHost.Run(args[1]);
        }

        if (args.Length > 0 && args[0] == LocalHostProgram.SuperviseVerb)
        {
            return LocalRunSupervisor.Supervise(args[1..]);
        }

        Console.Error.WriteLine("AzureML.Core.Hosting serves local ONNX web services and supervises local runs for AzureML.Core: serve <config.json> | supervise <workspace> <run id> <pid> <start ticks>.");
        return 2;
    }
}
