using System.Reflection;
using System.Text.Json.Nodes;
using AzureML.Core;
using Environment = AzureML.Core.Environment;

namespace AzureML.Train.AutoML.Local;

/// <summary>
/// The environment an iteration's scoring file runs in (plain Python with numpy: the scoring file evaluates the
/// model's graph itself), and the versions of the libraries that trained the models.
/// </summary>
internal static class AutoMLEnvironments
{
    /// <summary>The scoring environment's name, after azureml's curated AutoML environment.</summary>
    public const string ScoringEnvironmentName = "AzureML-AutoML";

    public static Environment Scoring()
    {
        var environment = new Environment(ScoringEnvironmentName);
        environment.Python.CondaDependencies = new CondaDependencies();
        environment.Python.CondaDependencies.AddCondaPackage("numpy");
        return environment;
    }

    /// <summary>The scoring environment as a conda file (<c>conda_env_v_1_0_0.yml</c>).</summary>
    public static string ScoringCondaFile() => Scoring().Python.CondaDependencies!.SerializeToString();

    /// <summary>Package → version of what trains and exports the models, as JSON (azureml's <c>dependencies_versions</c>).</summary>
    public static string DependencyVersions()
    {
        var versions = new JsonObject();
        foreach ((string name, Assembly assembly) in new[]
        {
            ("AzureML.Train.AutoML", typeof(AutoMLEnvironments).Assembly),
            ("Microsoft.ML", typeof(Microsoft.ML.MLContext).Assembly),
            ("Microsoft.ML.LightGbm", typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer).Assembly),
            ("Microsoft.ML.FastTree", typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer).Assembly),
            ("OnnxSharp", typeof(Onnx.ModelProto).Assembly),
        })
        {
            versions[name] = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? assembly.GetName().Version?.ToString();
        }

        return versions.ToJsonString();
    }
}
