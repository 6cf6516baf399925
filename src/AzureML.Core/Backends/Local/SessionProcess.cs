using System.Diagnostics;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// How runs and services start their processes: a bash wrapper in a session of its own (<c>setsid</c>), so the
/// process outlives the program that started it and its whole group can be ended together; the program and
/// its arguments are passed as the wrapper's argument list, never spliced into a shell string.
/// </summary>
internal static class SessionProcess
{
    private static readonly bool s_hasSetsid = File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid");

    /// <param name="wrapper">The bash script run as <c>bash -c</c>; it gets the program and its arguments as <c>"$@"</c>.</param>
    /// <param name="label">What <c>$0</c> is called, for process listings.</param>
    /// <param name="workingDirectory">Where the program runs.</param>
    /// <param name="program">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="variables">Variables to set on top of this process's own.</param>
    public static ProcessStartInfo StartInfo(string wrapper, string label, string workingDirectory, string program, IEnumerable<string> arguments,
        IEnumerable<KeyValuePair<string, string>> variables)
    {
        var start = new ProcessStartInfo(s_hasSetsid ? "setsid" : "bash")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        if (s_hasSetsid) start.ArgumentList.Add("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(wrapper);
        start.ArgumentList.Add(label);
        start.ArgumentList.Add(program);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach ((string key, string value) in variables) start.Environment[key] = value;
        return start;
    }
}
