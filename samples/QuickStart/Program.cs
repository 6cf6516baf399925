// The quick start: train a scikit-learn model on a local workspace, stream its output, read back its
// metrics and files, then register the model, deploy it as a web service, score three rows and delete
// the service. Run it with: dotnet run --project samples/QuickStart
using AzureML.Core;
using AzureML.Core.Webservices;
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
foreach ((string name, object? value) in run.GetMetrics()) Console.WriteLine($"  {name}: {value}");

Console.WriteLine("Files:");
foreach (string file in run.GetFileNames()) Console.WriteLine($"  {file}");

Model model = run.RegisterModel(
    modelName: "sklearn-iris",
    modelPath: "outputs/model.joblib",
    modelFramework: Model.Framework.ScikitLearn,
    modelFrameworkVersion: "1.2",
    resourceConfiguration: new ResourceConfiguration(cpu: 1, memoryInGB: 0.5));
Console.WriteLine($"Registered model {model.Id}");

Webservice service = Model.Deploy(ws, "scikit-learn-service", new[] { model }, overwrite: true);   // no-code deployment
service.WaitForDeployment(showOutput: true);
string predictions = service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2], [5.9, 3.0, 4.2, 1.5], [6.7, 3.0, 5.2, 2.3]]}");
Console.WriteLine($"Predictions from {service.ScoringUri}: {predictions}");

service.Delete();
Console.WriteLine($"Deleted service {service.Name}");
