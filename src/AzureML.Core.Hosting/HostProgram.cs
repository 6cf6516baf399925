namespace AzureML.Core.Hosting;

/// <summary>
/// The entry point used when the SDK's own assembly runs as a local web service host
/// (<c>dotnet AzureML.Core.dll serve &lt;config.json&gt;</c>). Applications never call it.
/// </summary>
internal static class HostProgram
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "serve")
        {
            return OnnxServiceHost.Run(args[1]);
        }

        Console.Error.WriteLine("AzureML.Core is a library. As a program it only hosts local web services: serve <config.json>.");
        return 2;
    }
}
