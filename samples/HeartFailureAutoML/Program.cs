// Seed 003: AutoML on the heart-failure records, deploy the best model with its scoring file, consume the endpoint.
// Run it with: dotnet run --project samples/HeartFailureAutoML
// The program works in its output folder, where .azureml/config.json points at a local workspace ("local_path").
using AzureML.Core;
using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Webservices;
using AzureML.Train.AutoML;

System.Environment.CurrentDirectory = AppContext.BaseDirectory;

// Set-up the seed assumes: the data registered as a dataset, with the 0/1 columns typed as booleans as Azure ML
// studio's schema step types them.
var workspace = Workspace.FromConfig();
if (!workspace.Datasets.ContainsKey("heart-failure-records"))
{
    Datastore datastore = workspace.GetDefaultDatastore();
    datastore.UploadFiles(["data/heart_failure_clinical_records.csv"], targetPath: "heart", showProgress: false);
    var booleans = new[] { "anaemia", "diabetes", "high_blood_pressure", "sex", "smoking", "DEATH_EVENT" }.ToDictionary(c => c, _ => DataFrameColumnType.Boolean);
    Dataset.Tabular.FromDelimitedFiles((datastore, "heart/*.csv"), setColumnTypes: booleans).Register(workspace, "heart-failure-records");
}

// The seed, as written.
var ws = Workspace.FromConfig();
var experiment = new Experiment(ws, "aml-experiment");

AmlCompute amlCompute;
try { amlCompute = new AmlCompute(ws, "heart-f-cluster"); }
catch (ComputeTargetException)
{
    var amlConfig = AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: 1, maxNodes: 3);
    amlCompute = (AmlCompute)ComputeTarget.Create(ws, "heart-f-cluster", amlConfig);
    amlCompute.WaitForCompletion(showOutput: true);
}
var computeTarget = ws.ComputeTargets["heart-f-cluster"];

var dataset = ws.Datasets["heart-failure-records"];               // registered TabularDataset
var df = dataset.ToDataFrame();                                    // typed in-memory table
Console.WriteLine(df.Describe());

var automlConfig = new AutoMLConfig(
    task: "classification",
    computeTarget: computeTarget,
    trainingData: dataset,
    labelColumnName: "DEATH_EVENT",
    path: "./aml-project",
    enableEarlyStopping: true,
    featurization: "auto",
    debugLog: "automl_errors.log",
    experimentTimeoutMinutes: 20,
    maxConcurrentIterations: 3,
    primaryMetric: "AUC_weighted");
AutoMLRun remoteRun = (AutoMLRun)experiment.Submit(automlConfig);
remoteRun.WaitForCompletion(showOutput: true);

var (bestRun, fittedModel) = remoteRun.GetOutput();                // fittedModel: an ONNX model you can Predict with
var props = bestRun.GetProperties();
string modelName = bestRun.Properties["model_name"];
bestRun.DownloadFile("outputs/scoring_file_v_1_0_0.py", "inference/score.py");
var model = bestRun.RegisterModel(modelName: modelName, modelPath: "./outputs/", description: "aml heart failure project sdk");

var inferenceConfig = new InferenceConfig(entryScript: "inference/score.py", environment: bestRun.GetEnvironment());
var aciConfig = AciWebservice.DeployConfiguration(cpuCores: 1, memoryGb: 1,
    tags: new Dictionary<string, string> { ["type"] = "automl-heart-failure-prediction" },
    description: "Sample service for AutoML Heart Failure Prediction");
var aciService = Model.Deploy(ws, "automl-hf-sdk", new[] { model }, inferenceConfig, aciConfig);
aciService.WaitForDeployment(showOutput: true);
Console.WriteLine(aciService.State);                                // "Healthy"

string response = aciService.Run(inputData: """{"data": [{"age": "60", "anaemia": "false", "creatinine_phosphokinase": "500", "diabetes": "false", "ejection_fraction": "38", "high_blood_pressure": "false", "platelets": "260000", "serum_creatinine": "1.40", "serum_sodium": "137", "sex": "false", "smoking": "false", "time": "130"}]}""");
Console.WriteLine(response);                                        // {"result": [false], ...} (a prediction in the label's own type)

// Beyond the seed: the fitted model and the summary, then the service is removed again.
Console.WriteLine(fittedModel);
Console.WriteLine(remoteRun.Summary());
aciService.Delete();
