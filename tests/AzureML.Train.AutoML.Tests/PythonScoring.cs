using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Scoring;
using Onnx;

namespace AzureML.Train.AutoML.Tests;

/// <summary>Runs an engine model's scoring file in Debian's plain python3 (numpy only), as a deployed service would.</summary>
internal static class PythonScoring
{
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Scores every row of <paramref name="data"/>' inputs through the scoring file; returns its parsed answer.</summary>
    public static JsonNode Score(ModelProto model, TrainingData data, string folder)
    {
        string modelDir = Directory.CreateDirectory(Path.Combine(folder, "model", "outputs")).FullName;
        File.WriteAllText(Path.Combine(modelDir, "model.onnx.json"), ScoringFiles.Description(model));
        string script = Path.Combine(folder, "score.py");
        File.WriteAllText(script, ScoringFiles.ScoringScript);
        var rows = new JsonArray();
        for (int r = 0; r < data.RowCount; r++)
        {
            var row = new JsonObject();
            foreach (InputColumn input in data.Inputs)
            {
                row[input.Name] = input.Kind switch
                {
                    InputKind.Float => float.IsNaN(input.Floats![r]) ? null : JsonValue.Create(input.Floats[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
                    InputKind.String => JsonValue.Create(input.Strings![r]),
                    _ => double.IsNaN(input.Seconds![r]) ? null : JsonValue.Create(input.Seconds[r]),
                };
            }

            rows.Add(row);
        }

        string request = Path.Combine(folder, "request.json");
        File.WriteAllText(request, new JsonObject { ["data"] = rows }.ToJsonString());
        string driver = "import importlib.util, json, sys\n" +
            "spec = importlib.util.spec_from_file_location('score', sys.argv[1]); score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)\n" +
            "score.init(); print(json.dumps(score.run(open(sys.argv[2]).read())))\n";
        var start = new ProcessStartInfo(Python, new[] { "-c", driver, script, request }) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AZUREML_MODEL_DIR"] = Path.Combine(folder, "model");
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The scoring file failed: {error.Result}");
        return JsonNode.Parse(output)!;
    }
}
