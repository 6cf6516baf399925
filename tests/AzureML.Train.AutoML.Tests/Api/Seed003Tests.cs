using System.Text.Json.Nodes;
using AzureML.Core;
using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Webservices;
using NUnit.Framework;
using Environment = AzureML.Core.Environment;

namespace AzureML.Train.AutoML.Tests.Api;

/// <summary>
/// Seed 003 on a local workspace, line for line as written (only the experiment timeout is shorter and files go to
/// the test's folder): AutoML on the registered heart-failure dataset, the best run's scoring file and environment
/// deployed as a web service answering the seed's request, and the registered ONNX model deployed without an
/// inference configuration answering the same.
/// </summary>
[TestFixture]
[Category("Integration")]
public class Seed003Tests : LocalWorkspaceTest
{
    private const string Request = """{"data": [{"age": "60", "anaemia": "false", "creatinine_phosphokinase": "500", "diabetes": "false", "ejection_fraction": "38", "high_blood_pressure": "false", "platelets": "260000", "serum_creatinine": "1.40", "serum_sodium": "137", "sex": "false", "smoking": "false", "time": "130"}]}""";

    [Test]
    public void Seed003_AutoMLThenDeployScoringFileAndOnnx_AnswerInTheLabelsType()
    {
        // The registered dataset, typed as Azure ML studio's schema step types it (0/1 columns are booleans).
        Datastore datastore = Ws.GetDefaultDatastore();
        datastore.UploadFiles([TestData.HeartFailureCsv], targetPath: "heart", showProgress: false);
        Dataset.Tabular.FromDelimitedFiles((datastore, "heart/*.csv"), setColumnTypes: TestData.HeartFailureBooleans).Register(Ws, "heart-failure-records");

        var experiment = new Experiment(Ws, "aml-experiment");
        AmlCompute amlCompute;
        try { amlCompute = new AmlCompute(Ws, "heart-f-cluster"); }
        catch (ComputeTargetException)
        {
            var amlConfig = AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: 1, maxNodes: 3);
            amlCompute = (AmlCompute)ComputeTarget.Create(Ws, "heart-f-cluster", amlConfig);
            amlCompute.WaitForCompletion(showOutput: true);
        }

        var computeTarget = Ws.ComputeTargets["heart-f-cluster"];
        var dataset = Ws.Datasets["heart-failure-records"];
        var df = dataset.ToDataFrame();
        Console.WriteLine(df.Describe());

        var automlConfig = new AutoMLConfig(
            task: "classification",
            computeTarget: computeTarget,
            trainingData: dataset,
            labelColumnName: "DEATH_EVENT",
            path: Folder.Combine("aml-project"),
            enableEarlyStopping: true,
            featurization: "auto",
            debugLog: Folder.Combine("automl_errors.log"),
            experimentTimeoutMinutes: 0.5,
            maxConcurrentIterations: 3,
            primaryMetric: "AUC_weighted");
        AutoMLRun remoteRun = (AutoMLRun)experiment.Submit(automlConfig);
        remoteRun.WaitForCompletion(showOutput: true);

        var (bestRun, fittedModel) = remoteRun.GetOutput();
        var props = bestRun.GetProperties();
        string modelName = bestRun.Properties["model_name"];
        string scriptFileName = Folder.Combine("inference", "score.py");
        bestRun.DownloadFile("outputs/scoring_file_v_1_0_0.py", scriptFileName);
        var model = bestRun.RegisterModel(modelName: modelName, modelPath: "./outputs/", description: "aml heart failure project sdk");

        var inferenceConfig = new InferenceConfig(entryScript: scriptFileName, environment: bestRun.GetEnvironment());
        var aciConfig = AciWebservice.DeployConfiguration(cpuCores: 1, memoryGb: 1,
            tags: new Dictionary<string, string> { ["type"] = "automl-heart-failure-prediction" },
            description: "Sample service for AutoML Heart Failure Prediction");
        var aciService = Model.Deploy(Ws, "automl-hf-sdk", new[] { model }, inferenceConfig, aciConfig);
        aciService.WaitForDeployment(showOutput: true);
        Console.WriteLine(aciService.State);
        string response = aciService.Run(inputData: Request);

        // The same model registered as ONNX and deployed with no inference configuration: served by ONNX Runtime.
        Model onnx = remoteRun.RegisterModel(description: "the same model, served by ONNX Runtime");
        Webservice onnxService = Model.Deploy(Ws, "automl-hf-onnx", new[] { onnx });
        onnxService.WaitForDeployment();
        string onnxResponse = onnxService.Run(Request);
        aciService.Delete();
        onnxService.Delete();

        // Assert
        Assert.That(props["run_algorithm"], Is.Not.Empty);
        Assert.That(aciService.State.ToString(), Is.Not.EqualTo("Failed"));
        JsonNode answer = JsonNode.Parse(response)!;
        JsonNode onnxAnswer = JsonNode.Parse(onnxResponse)!;
        Assert.That(answer["result"]!.ToJsonString(), Is.EqualTo("[false]").Or.EqualTo("[true]"), "a prediction in the label's own type (boolean)");
        object expected = fittedModel.Predict(new[] { SeedRow() })[0];
        Assert.That(answer["result"]![0]!.GetValue<bool>(), Is.EqualTo(expected));
        Assert.That(onnxAnswer["result"]!.ToJsonString(), Is.EqualTo(answer["result"]!.ToJsonString()));
        double scriptProbability = answer["probabilities"]![0]![1]!.GetValue<double>();
        double onnxProbability = onnxAnswer["probabilities"]![0]![1]!.GetValue<double>();
        Assert.That(scriptProbability, Is.EqualTo(onnxProbability).Within(1e-5));
    }

    private static IReadOnlyDictionary<string, object?> SeedRow()
        => JsonNode.Parse(Request)!["data"]![0]!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value!.GetValue<string>());
}
