// Runs notebooks headless and writes them back with their outputs:
//   dotnet run --project samples/notebooks/runner -- <notebook.ipynb> --output <executed.ipynb>
//       [--source <package folder>] [--package-version <version of the AzureML.* packages>]
// The notebook runs with its own folder as the working directory, one cell after another; the first cell that
// produces an error stops the run (exit code 1), as it would stop a reader.
using AzureML.NotebookRunner;

var options = RunnerOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: AzureML.NotebookRunner <notebook.ipynb> --output <executed.ipynb> [--source <package folder>] [--package-version <version>]");
    return 2;
}

using var runner = NotebookKernel.Create();
NotebookRun run = await runner.RunAsync(options);
return run.Failed ? 1 : 0;
