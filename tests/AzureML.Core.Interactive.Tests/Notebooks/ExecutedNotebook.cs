using AzureML.TestUtilities;
using AzureML.TestUtilities.Packaging;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace AzureML.Core.Interactive.Tests.Notebooks;

/// <summary>A notebook run headless by the notebook runner from a copy of samples/, and its outputs cell by cell.</summary>
internal sealed class ExecutedNotebook
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(6);

    // What the notebooks read from the other samples: the ONNX model and the heart failure records.
    private static readonly string[] s_siblingFolders = [Path.Combine("OnnxDeploy", "model"), Path.Combine("HeartFailureAutoML", "data")];

    private ExecutedNotebook(CommandResult run, InteractiveDocument document)
    {
        Run = run;
        Cells = document.Elements.Where(e => e.KernelName != "markdown").ToList();
    }

    /// <summary>What the runner printed and its exit code.</summary>
    public CommandResult Run { get; }

    /// <summary>The code cells with their outputs.</summary>
    public IReadOnlyList<InteractiveDocumentElement> Cells { get; }

    /// <summary>
    /// Copies the notebooks (and the sample model and data they load) into <paramref name="folder"/>, runs
    /// <paramref name="notebook"/> there against the packed SDK, and reads the executed notebook back.
    /// </summary>
    public static ExecutedNotebook RunCopy(string notebook, string folder, LocalPackageFeed feed)
    {
        string samples = Path.Combine(folder, "samples");
        CopyFolder(NotebookPaths.Notebooks, Path.Combine(samples, "notebooks"));
        foreach (string sibling in s_siblingFolders)
            CopyFolder(Path.Combine(RepositoryPaths.Root, "samples", sibling), Path.Combine(samples, sibling));
        string executed = Path.Combine(folder, "executed", notebook);
        var environment = new Dictionary<string, string?>
        {
            // New packages go to the feed's own folder; everything else comes from this machine's cache.
            ["NUGET_PACKAGES"] = Path.Combine(feed.FeedFolder, "..", "kernel-packages"),
            ["NUGET_FALLBACK_PACKAGES"] = MachinePackageCache(),
        };
        CommandResult run = DotnetCommand.Run(folder, environment, s_timeout,
            NotebookPaths.NotebookRunner, Path.Combine(samples, "notebooks", notebook), "--output", executed,
            "--source", feed.FeedFolder, "--package-version", feed.Version);
        if (!File.Exists(executed)) throw new InvalidOperationException($"The runner wrote no executed notebook.\n{run}");
        using FileStream stream = File.OpenRead(executed);
        return new ExecutedNotebook(run, Notebook.Read(stream, new KernelInfoCollection { new("csharp", "C#", ["c#", "C#"]) }));
    }

    /// <summary>The code cell whose source starts with <paramref name="start"/>.</summary>
    public InteractiveDocumentElement Cell(string start) => Cells.Single(c => c.Contents.TrimStart().StartsWith(start, StringComparison.Ordinal));

    /// <summary>Every output of a cell of one MIME type (<c>text/plain</c> also covers printed text).</summary>
    public static IEnumerable<string> Outputs(InteractiveDocumentElement cell, string mimeType) => cell.Outputs.SelectMany(o => o switch
    {
        TextElement text when mimeType == "text/plain" => [text.Text],
        DisplayElement display when display.Data.TryGetValue(mimeType, out object? value) => [Text(value)],
        ReturnValueElement value when value.Data.TryGetValue(mimeType, out object? data) => [Text(data)],
        _ => Array.Empty<string>(),
    });

    // .ipynb files keep multi-line values as lists of lines.
    private static string Text(object? value) => value is System.Collections.IEnumerable lines and not string
        ? string.Concat(lines.Cast<object?>())
        : Convert.ToString(value) ?? "";

    /// <summary>Every error output of the notebook.</summary>
    public IEnumerable<ErrorElement> Errors => Cells.SelectMany(c => c.Outputs.OfType<ErrorElement>());

    private static string MachinePackageCache() => System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
        ? configured
        : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    // The runner's build output and a workspace left by running the notebooks in place are not part of the samples.
    private static void CopyFolder(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("runner" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith(Path.Combine(".azureml", "local") + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            string destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
