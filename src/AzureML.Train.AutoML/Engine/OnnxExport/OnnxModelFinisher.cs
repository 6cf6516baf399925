using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>
/// Turns the graph ML.NET's converter wrote into the model users get: one input per original column (raw
/// categories and date-times, which the graph fills and splits itself), the outputs every engine model shares
/// (<see cref="OnnxNames.Label"/> in the label's type plus <see cref="OnnxNames.Probability"/>, or
/// <see cref="OnnxNames.Prediction"/>), nothing that does not lead to them, and the classes and task in the
/// metadata (ONNX has no place for a class list).
/// </summary>
internal static class OnnxModelFinisher
{
    /// <summary>ML.NET's converter names the outputs it writes after their columns.</summary>
    public const string ProbabilityColumnOutput = "Probability.output";

    /// <inheritdoc cref="ProbabilityColumnOutput"/>
    public const string ScoreColumnOutput = "Score.output";

    /// <summary>Finishes a graph whose value <paramref name="scores"/> holds the learner's output of kind <paramref name="output"/>.</summary>
    public static ModelProto Finish(ModelProto model, ScoreOutput output, string scores, OnnxModelSpec spec)
    {
        GraphProto graph = model.Graph;
        var writer = new OnnxGraphWriter(graph, "automl_");
        TrainingData data = spec.Data;

        SetOutputs(writer, Predictions(writer, output, scores, data), data);
        ReplaceInputs(writer, data);
        Prune(graph);
        Describe(model, spec);
        return model;
    }

    /// <summary>The probability matrix (class order) or prediction column a learner's raw output of kind <paramref name="output"/> means.</summary>
    public static string Predictions(OnnxGraphWriter writer, ScoreOutput output, string scores, TrainingData data) => output switch
    {
        ScoreOutput.Probability => BinaryProbabilities(writer, scores, data.Classes!.PositiveIndex),
        _ => scores,
    };

    /// <summary>Sets the shared outputs from a probability matrix (or a prediction column for regression).</summary>
    public static void SetOutputs(OnnxGraphWriter writer, string scores, TrainingData data)
    {
        GraphProto graph = writer.Graph;
        graph.Output.Clear();
        if (data.Classes is not { } classes)
        {
            writer.Node("Identity", new[] { scores }, OnnxNames.Prediction);
            graph.Output.Add(OnnxGraphWriter.TensorInfo(OnnxNames.Prediction, DataType.Float, -1, 1));
            return;
        }

        writer.Node("Identity", new[] { scores }, OnnxNames.Probability);
        string index = writer.Node("ArgMax", new[] { OnnxNames.Probability }, attributes: new (string, object)[] { ("axis", 1L), ("keepdims", 0L) });
        (string values, DataType type) = ClassConstant(writer, classes);
        writer.Node("Gather", new[] { values, index }, OnnxNames.Label, attributes: ("axis", 0L));
        graph.Output.Add(OnnxGraphWriter.TensorInfo(OnnxNames.Label, type, -1));
        graph.Output.Add(OnnxGraphWriter.TensorInfo(OnnxNames.Probability, DataType.Float, -1, classes.Count));
    }

    // [1 - p, p] in class order, from the positive class's probability [N, 1].
    private static string BinaryProbabilities(OnnxGraphWriter writer, string positive, int positiveIndex)
    {
        string negative = writer.Node("Sub", new[] { writer.ScalarConstant(1f), positive });
        return writer.Node("Concat", positiveIndex == 1 ? new[] { negative, positive } : new[] { positive, negative }, attributes: ("axis", 1L));
    }

    private static (string Name, DataType Type) ClassConstant(OnnxGraphWriter writer, ClassLabels classes)
    {
        long k = classes.Count;
        return classes.LabelType switch
        {
            DataFrameColumnType.Boolean => (writer.Constant(classes.Classes.Select(c => (bool)c).ToArray(), k), DataType.Bool),
            DataFrameColumnType.Integer => (writer.Constant(classes.Classes.Select(c => (long)c).ToArray(), k), DataType.Int64),
            DataFrameColumnType.Float => (writer.Constant(classes.Classes.Select(c => (double)c).ToArray(), k), DataType.Double),
            _ => (writer.Constant(classes.Classes.Select(ClassLabels.Format).ToArray(), k), DataType.String),
        };
    }

    /// <summary>Gives the graph one input per model input column, computing the pipeline's derived inputs from them.</summary>
    private static void ReplaceInputs(OnnxGraphWriter writer, TrainingData data)
    {
        GraphProto graph = writer.Graph;
        var existing = graph.Input.ToDictionary(i => i.Name, StringComparer.Ordinal);
        graph.Input.Clear();
        foreach (InputColumn input in data.Inputs)
        {
            switch (input.Kind)
            {
                case InputKind.Float:
                    graph.Input.Add(existing.TryGetValue(input.Name, out ValueInfoProto? info) ? info : OnnxGraphWriter.TensorInfo(input.Name, DataType.Float, -1, 1));
                    break;
                case InputKind.String:
                    graph.Input.Add(OnnxGraphWriter.TensorInfo(input.Name, DataType.String, -1, 1));
                    if (input.FillValue is not null) FillMissing(writer, input);
                    break;
                case InputKind.DateTime:
                    graph.Input.Add(OnnxGraphWriter.TensorInfo(input.Name, DataType.Double, -1, 1));
                    DateTimeGraph.AddParts(writer, input);
                    break;
            }
        }
    }

    // Known categories map to themselves and the empty (missing) value to the most frequent one; anything
    // unknown maps to empty, which the one-hot encoder turns into all zeros, as ML.NET does for unseen values.
    private static void FillMissing(OnnxGraphWriter writer, InputColumn input)
    {
        string[] keys = input.Categories.Prepend("").ToArray();
        string[] values = input.Categories.Prepend(input.FillValue!).ToArray();
        writer.Node("LabelEncoder", new[] { input.Name }, input.PipelineTextColumn, OnnxGraphWriter.MLDomain,
            ("keys_strings", keys), ("values_strings", values), ("default_string", ""));
    }

    /// <summary>
    /// Removes every node and constant that does not lead to an output and puts the nodes in an order where each
    /// comes after the nodes it reads from (nodes added for inputs were appended last).
    /// </summary>
    public static void Prune(GraphProto graph)
    {
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (NodeProto node in graph.Node)
        {
            foreach (string output in node.Output) producers[output] = node;
        }

        var needed = new HashSet<string>(StringComparer.Ordinal);
        var keep = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<string>(graph.Output.Select(o => o.Name));
        while (pending.Count > 0)
        {
            string value = pending.Pop();
            if (!needed.Add(value) || !producers.TryGetValue(value, out NodeProto? producer) || !keep.Add(producer)) continue;
            foreach (string input in producer.Input.Where(i => i.Length > 0)) pending.Push(input);
        }

        List<NodeProto> kept = graph.Node.Where(keep.Contains).ToList();
        graph.Node.Clear();
        graph.Node.AddRange(InDependencyOrder(kept, graph.Input.Select(i => i.Name).Concat(graph.Initializer.Select(t => t.Name))));
        List<TensorProto> initializers = graph.Initializer.Where(t => needed.Contains(t.Name)).ToList();
        graph.Initializer.Clear();
        graph.Initializer.AddRange(initializers);
        List<ValueInfoProto> infos = graph.ValueInfo.Where(v => needed.Contains(v.Name)).ToList();
        graph.ValueInfo.Clear();
        graph.ValueInfo.AddRange(infos);
    }

    private static List<NodeProto> InDependencyOrder(List<NodeProto> nodes, IEnumerable<string> available)
    {
        var ready = new HashSet<string>(available, StringComparer.Ordinal) { "" };
        var ordered = new List<NodeProto>(nodes.Count);
        var pending = new List<NodeProto>(nodes);
        while (pending.Count > 0)
        {
            int before = ordered.Count;
            foreach (NodeProto node in pending.ToList())
            {
                if (!node.Input.All(ready.Contains)) continue;
                ordered.Add(node);
                ready.UnionWith(node.Output);
                pending.Remove(node);
            }

            if (ordered.Count == before)
            {
                throw new InvalidOperationException(
                    $"The ONNX graph reads values no node produces: {string.Join(", ", pending.SelectMany(n => n.Input).Where(i => !ready.Contains(i)).Distinct())}.");
            }
        }

        return ordered;
    }

    /// <summary>Producer, opsets and the metadata every engine model carries.</summary>
    public static void Describe(ModelProto model, OnnxModelSpec spec)
    {
        TrainingData data = spec.Data;
        model.ProducerName = OnnxNames.Producer;
        model.ProducerVersion = typeof(OnnxModelFinisher).Assembly.GetName().Version?.ToString() ?? "";
        model.DocString = spec.Pipeline;
        model.Graph.Name = spec.Algorithm;
        EnsureOpset(model, OnnxGraphWriter.MLDomain, 2);
        var metadata = new Dictionary<string, string>
        {
            [OnnxNames.TaskKey] = data.Task == TaskKind.Classification ? "classification" : "regression",
            [OnnxNames.LabelColumnKey] = data.LabelColumn,
            [OnnxNames.AlgorithmKey] = spec.Algorithm,
            [OnnxNames.PipelineKey] = spec.Pipeline,
            [OnnxNames.DateTimeInputsKey] = JsonSerializer.Serialize(data.Inputs.Where(i => i.Kind == InputKind.DateTime).Select(i => i.Name).ToArray()),
        };
        if (data.Classes is { } classes)
        {
            metadata[OnnxNames.LabelTypeKey] = classes.LabelType.ToString();
            metadata[OnnxNames.ClassesKey] = ClassesJson(classes);
        }

        model.MetadataProps.Clear();
        foreach ((string key, string value) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
    }

    public static string ClassesJson(ClassLabels classes)
    {
        var array = new JsonArray();
        foreach (object value in classes.Classes)
        {
            array.Add(value switch
            {
                bool b => JsonValue.Create(b),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(d),
                _ => JsonValue.Create(ClassLabels.Format(value)),
            });
        }

        return array.ToJsonString();
    }

    public static void EnsureOpset(ModelProto model, string domain, long version)
    {
        OperatorSetIdProto? opset = model.OpsetImport.FirstOrDefault(o => o.Domain == domain);
        if (opset is null) model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        else if (opset.Version < version) opset.Version = version;
    }
}
