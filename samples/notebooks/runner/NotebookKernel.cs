using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace AzureML.NotebookRunner;

/// <summary>
/// A C# kernel set up as the dotnet-interactive tool sets it up for Polyglot Notebooks and Jupyter: <c>#r "nuget:"</c>
/// and <c>#i</c>, the display helpers, and the kernel extensions a restored package ships under
/// <c>interactive-extensions/dotnet</c> (its <see cref="IKernelExtension"/> types are loaded and called).
/// </summary>
internal sealed partial class NotebookKernel : IDisposable
{
    private static readonly KernelInfoCollection s_kernels = new()
    {
        new("csharp", "C#", ["c#", "C#", "cs"]),
        new("markdown", "Markdown", ["md"]),
    };

    private readonly CompositeKernel _root;
    private readonly HashSet<string> _loadedExtensions = new(StringComparer.Ordinal);

    private NotebookKernel()
    {
        var csharp = new CSharpKernel();
        _root = new CompositeKernel { csharp };
        _root.DefaultKernelName = csharp.Name;
        csharp.UseNugetDirective(LoadPackagesAsync).UseKernelHelpers();
    }

    public static NotebookKernel Create() => new();

    /// <summary>Runs every code cell of the notebook in order and writes the executed notebook.</summary>
    public async Task<NotebookRun> RunAsync(RunnerOptions options)
    {
        InteractiveDocument notebook;
        await using (FileStream input = File.OpenRead(options.Notebook)) notebook = Notebook.Read(input, s_kernels);
        Directory.SetCurrentDirectory(Path.GetDirectoryName(options.Notebook)!);
        var run = new NotebookRun();
        if (options.PackageSource is { } source)
        {
            // A folder feed stands in for nuget.org; the notebook itself names only the packages.
            KernelCommandResult added = await _root.SendAsync(new SubmitCode($"#i \"nuget: {source}\"", "csharp"));
            run.Record(-1, added);
        }

        int cellNumber = 0;
        foreach (InteractiveDocumentElement cell in notebook.Elements)
        {
            if (cell.KernelName is "markdown" || string.IsNullOrWhiteSpace(cell.Contents)) continue;
            cellNumber++;
            Console.Error.WriteLine($"[{Path.GetFileName(options.Notebook)}] cell {cellNumber}: {FirstLine(cell.Contents)}");
            string code = options.PackageVersion is { } version ? AzureMLPackageVersion().Replace(cell.Contents, "${package}, " + version + "\"") : cell.Contents;
            KernelCommandResult result = await _root.SendAsync(new SubmitCode(code, "csharp"));
            cell.Outputs.Clear();
            cell.Outputs.AddRange(run.Record(cellNumber, result));
            cell.ExecutionOrder = cellNumber;
            if (run.Failed) break;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        await using (FileStream output = File.Create(options.Output)) Notebook.Write(notebook, output, s_kernels);
        foreach (string error in run.Errors) Console.Error.WriteLine(error);
        return run;
    }

    // What the dotnet-interactive tool does with restored packages: reference their assemblies, then load the kernel
    // extensions they carry (each folder once).
    private async Task LoadPackagesAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
        foreach (ResolvedPackageReference package in packages)
        {
            string folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder) || !_loadedExtensions.Add(folder)) continue;
            foreach (string dll in Directory.GetFiles(folder, "*.dll"))
            {
                Assembly assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
                foreach (Type type in assembly.ExportedTypes.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
                    await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(_root);
            }
        }
    }

    private static string FirstLine(string code) => code.Split('\n', 2)[0].Trim() is { Length: > 70 } line ? line[..70] + "…" : code.Split('\n', 2)[0].Trim();

    [GeneratedRegex("(?<package>#r\\s+\"nuget:\\s*AzureML\\.[A-Za-z.]+)\\s*,\\s*[^\"]+\"")]
    private static partial Regex AzureMLPackageVersion();

    public void Dispose() => _root.Dispose();
}
