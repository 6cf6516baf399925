namespace AzureML.NotebookRunner;

/// <summary>What to run and where its packages come from.</summary>
/// <param name="Notebook">The .ipynb file.</param>
/// <param name="Output">Where the executed notebook (with outputs) is written.</param>
/// <param name="PackageSource">A folder feed added before the first cell (<c>#i "nuget: …"</c>), or null.</param>
/// <param name="PackageVersion">The version every <c>#r "nuget: AzureML.…"</c> line is pointed at, or null to keep the notebook's.</param>
internal sealed record RunnerOptions(string Notebook, string Output, string? PackageSource, string? PackageVersion)
{
    public static RunnerOptions? Parse(string[] args)
    {
        string? notebook = null, output = null, source = null, version = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                case "--source" when i + 1 < args.Length: source = Path.GetFullPath(args[++i]); break;
                case "--package-version" when i + 1 < args.Length: version = args[++i]; break;
                case var path when !path.StartsWith("--", StringComparison.Ordinal) && notebook is null: notebook = Path.GetFullPath(path); break;
                default: return null;
            }
        }

        return notebook is null || output is null ? null : new RunnerOptions(notebook, Path.GetFullPath(output), source, version);
    }
}
