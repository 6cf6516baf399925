using System.Reflection;
using Google.Protobuf;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Scoring;

/// <summary>
/// What an iteration writes beside its ONNX model so that it can be served without ONNX Runtime: the model's graph as
/// JSON (<c>model.onnx.json</c>) and azureml's scoring file, a plain Python script (numpy only) that evaluates that graph.
/// </summary>
internal static class ScoringFiles
{
    private static readonly Lazy<string> s_script = new(() => "# AzureML.Train.AutoML scoring file (azureml's scoring_file_v_1_0_0.py).\n" + Resource("onnx_numpy.py") + Resource("scoring_entry.py"));

    /// <summary>The scoring file: the numpy evaluator followed by <c>init()</c> and <c>run(raw_data)</c>.</summary>
    public static string ScoringScript => s_script.Value;

    /// <summary>The graph in protobuf's JSON form, which the scoring file evaluates.</summary>
    public static string Description(ModelProto model) => JsonFormatter.Default.Format(model);

    private static string Resource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Scoring/" + name)
            ?? throw new InvalidOperationException($"The scoring resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
