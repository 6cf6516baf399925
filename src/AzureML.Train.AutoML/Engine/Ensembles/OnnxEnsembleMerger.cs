using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.OnnxExport;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// Merges engine models into one ONNX graph: each member's nodes and constants are copied under a prefix and the graph
/// inputs are shared by name. A voting ensemble outputs the weighted average of the members' probabilities (or
/// predictions); a stack ensemble feeds them to a meta model.
/// </summary>
internal static class OnnxEnsembleMerger
{
    public static ModelProto Vote(IReadOnlyList<ModelProto> members, IReadOnlyList<double> weights, OnnxModelSpec spec)
    {
        (ModelProto merged, OnnxGraphWriter writer, string[] outputs) = Combine(members);
        string[] weighted = outputs.Select((o, m) => writer.Node("Mul", new[] { o, writer.ScalarConstant((float)weights[m]) })).ToArray();
        string sum = weighted.Length == 1 ? weighted[0] : writer.Node("Sum", weighted);
        return Finish(merged, writer, sum, spec);
    }

    /// <summary>
    /// The members' probabilities (the positive class's only, for two classes) or predictions, side by side, as the
    /// input of <paramref name="meta"/>, a model whose one input is that [N, features] matrix and whose output
    /// <paramref name="metaScores"/> is of kind <paramref name="metaOutput"/>.
    /// </summary>
    public static ModelProto Stack(IReadOnlyList<ModelProto> members, ModelProto meta, string metaScores, ScoreOutput metaOutput, OnnxModelSpec spec)
    {
        (ModelProto merged, OnnxGraphWriter writer, string[] outputs) = Combine(members);
        ClassLabels? classes = spec.Data.Classes;
        string[] columns = classes is { IsBinary: true }
            ? outputs.Select(o => writer.Node("Gather", new[] { o, writer.Constant(new[] { (long)classes.PositiveIndex }, 1) }, attributes: ("axis", 1L))).ToArray()
            : outputs;
        string features = writer.Node("Concat", columns, attributes: ("axis", 1L));
        string scores = Copy(merged, meta, "meta_", new Dictionary<string, string> { [meta.Graph.Input.Single().Name] = features })[metaScores];
        return Finish(merged, writer, OnnxModelFinisher.Predictions(writer, metaOutput, scores, spec.Data), spec);
    }

    private static (ModelProto Merged, OnnxGraphWriter Writer, string[] Outputs) Combine(IReadOnlyList<ModelProto> members)
    {
        var merged = new ModelProto { IrVersion = members.Max(m => m.IrVersion), Graph = new GraphProto() };
        // Inputs in the first member's order (all members take the same columns).
        merged.Graph.Input.AddRange(members[0].Graph.Input.Select(i => i.Clone()));
        // The writer's names start with ensemble_, the copies' with m0_, m1_… and meta_: they cannot clash.
        var writer = new OnnxGraphWriter(merged.Graph, "ensemble_");
        var outputs = new string[members.Count];
        for (int m = 0; m < members.Count; m++)
        {
            string output = members[m].Graph.Output.Select(o => o.Name).Single(n => n is OnnxNames.Probability or OnnxNames.Prediction);
            var shared = members[m].Graph.Input.ToDictionary(i => i.Name, i => i.Name, StringComparer.Ordinal);
            outputs[m] = Copy(merged, members[m], $"m{m}_", shared)[output];
        }

        return (merged, writer, outputs);
    }

    /// <summary>Copies a model's nodes and constants into the merged graph under <paramref name="prefix"/>, mapping its inputs as given; returns old → new names.</summary>
    private static Dictionary<string, string> Copy(ModelProto merged, ModelProto source, string prefix, Dictionary<string, string> inputs)
    {
        var names = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        string Rename(string name) => name.Length == 0 ? name : names.TryGetValue(name, out string? renamed) ? renamed : names[name] = prefix + name;
        foreach (TensorProto initializer in source.Graph.Initializer)
        {
            TensorProto copy = initializer.Clone();
            copy.Name = Rename(copy.Name);
            merged.Graph.Initializer.Add(copy);
        }

        foreach (NodeProto node in source.Graph.Node)
        {
            NodeProto copy = node.Clone();
            copy.Name = prefix + copy.Name;
            for (int i = 0; i < copy.Input.Count; i++) copy.Input[i] = Rename(copy.Input[i]);
            for (int i = 0; i < copy.Output.Count; i++) copy.Output[i] = Rename(copy.Output[i]);
            merged.Graph.Node.Add(copy);
        }

        foreach (ValueInfoProto output in source.Graph.Output) Rename(output.Name);
        foreach (OperatorSetIdProto opset in source.OpsetImport) OnnxModelFinisher.EnsureOpset(merged, opset.Domain, opset.Version);
        return names;
    }

    private static ModelProto Finish(ModelProto merged, OnnxGraphWriter writer, string scores, OnnxModelSpec spec)
    {
        OnnxModelFinisher.SetOutputs(writer, scores, spec.Data);
        OnnxModelFinisher.Prune(merged.Graph);
        OnnxModelFinisher.Describe(merged, spec);
        return merged;
    }
}
