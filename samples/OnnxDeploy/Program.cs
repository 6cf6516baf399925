// Deploys an ONNX model with no scoring code: the local service scores it in-process with ONNX Runtime.
// model/iris.onnx is a softmax classifier over the four iris measurements (string labels, ZipMap
// probabilities, feature names in its metadata). Run it with: dotnet run --project samples/OnnxDeploy
using AzureML.Core;
using AzureML.Core.Webservices;

var ws = Workspace.Local(args.Length > 0 ? args[0] : Workspace.DefaultLocalPath);

Model model = Model.Register(ws, modelPath: Path.Combine(AppContext.BaseDirectory, "model", "iris.onnx"), modelName: "iris-onnx",
    modelFramework: Model.Framework.Onnx, description: "Softmax classifier over the iris measurements");
Console.WriteLine($"Registered model {model.Id}");

Webservice service = Model.Deploy(ws, "iris-onnx-service", new[] { model }, deploymentConfig: AciWebservice.DeployConfiguration(cpuCores: 1, memoryGb: 1), overwrite: true);
service.WaitForDeployment(showOutput: true);

// Named columns, string values and all: the service coerces them to the model's float input.
string answer = service.Run("""
    {"data": [
      {"sepal_length": "5.1", "sepal_width": "3.5", "petal_length": "1.4", "petal_width": "0.2"},
      {"sepal_length": 6.7, "sepal_width": 3.0, "petal_length": 5.2, "petal_width": 2.3}
    ]}
    """);
Console.WriteLine($"Scored at {service.ScoringUri}: {answer}");

service.Delete();
Console.WriteLine($"Deleted service {service.Name}");
