namespace AzureML.Core.Hosting;

/// <summary>
/// The entry point of the ONNX scoring host (<c>dotnet AzureML.Core.Hosting.dll serve &lt;config.json&gt;</c>), which
/// AzureML.Core starts for each local ONNX web service. Applications never call it.
/// </summary>
internal static class HostProgram
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "serve")
        {
            return OnnxServiceHost.Run(args[1]);
        }

        Console.Error.WriteLine("AzureML.Core.Hosting serves local ONNX web services for AzureML.Core: serve <config.json>.");
        return 2;
    }
}
