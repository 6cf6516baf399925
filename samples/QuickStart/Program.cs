// The quick start: train a scikit-learn model on a local workspace, stream its output, then read back
// its metrics and files. Run it with: dotnet run --project samples/QuickStart
using AzureML.Core;
using Environment = AzureML.Core.Environment;

string scripts = Path.Combine(AppContext.BaseDirectory, "scripts");
var ws = Workspace.Local(args.Length > 0 ? args[0] : Workspace.DefaultLocalPath);

var env = Environment.FromCondaSpecification(name: "sklearn-env", filePath: Path.Combine(scripts, "sklearn-env.yml"));
var config = new ScriptRunConfig(sourceDirectory: scripts, script: "train_iris.py", arguments: new object[] { "--kernel", "linear", "--penalty", 1.0 });
config.RunConfig.Environment = env;

Run run = new Experiment(ws, "train-sklearn").Submit(config);
run.WaitForCompletion(showOutput: true);

Console.WriteLine();
Console.WriteLine("Metrics:");
foreach ((string name, object? value) in run.GetMetrics())
{
    Console.WriteLine($"  {name}: {(value is System.Collections.IEnumerable list and not string ? string.Join(", ", list.Cast<object>()) : value)}");
}

Console.WriteLine("Files:");
foreach (string file in run.GetFileNames()) Console.WriteLine($"  {file}");
