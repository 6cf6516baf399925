using AzureML.Train.AutoML.Engine.OnnxExport;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// Merges engine models into one ONNX graph that outputs the weighted average of their probabilities (or
/// predictions): each member's nodes and constants are copied under a prefix, the graph inputs are shared by
/// name, and the shared outputs are computed from the weighted sum.
/// </summary>
internal static class OnnxEnsembleMerger
{
    public static ModelProto Merge(IReadOnlyList<ModelProto> members, IReadOnlyList<double> weights, OnnxModelSpec spec)
    {
        bool regression = spec.Data.Classes is null;
        string memberOutput = regression ? OnnxNames.Prediction : OnnxNames.Probability;
        var merged = new ModelProto { IrVersion = members.Max(m => m.IrVersion), Graph = new GraphProto() };
        GraphProto graph = merged.Graph;
        var inputs = new Dictionary<string, ValueInfoProto>(StringComparer.Ordinal);
        var outputs = new List<string>();
        for (int m = 0; m < members.Count; m++)
        {
            GraphProto source = members[m].Graph;
            string prefix = $"m{m}_";
            var shared = new HashSet<string>(source.Input.Select(i => i.Name), StringComparer.Ordinal);
            string Rename(string name) => name.Length == 0 || shared.Contains(name) ? name : prefix + name;
            foreach (ValueInfoProto input in source.Input) inputs.TryAdd(input.Name, input.Clone());
            foreach (TensorProto initializer in source.Initializer)
            {
                TensorProto copy = initializer.Clone();
                copy.Name = Rename(copy.Name);
                graph.Initializer.Add(copy);
            }

            foreach (NodeProto node in source.Node)
            {
                NodeProto copy = node.Clone();
                copy.Name = prefix + copy.Name;
                for (int i = 0; i < copy.Input.Count; i++) copy.Input[i] = Rename(copy.Input[i]);
                for (int i = 0; i < copy.Output.Count; i++) copy.Output[i] = Rename(copy.Output[i]);
                graph.Node.Add(copy);
            }

            outputs.Add(Rename(memberOutput));
            foreach (OperatorSetIdProto opset in members[m].OpsetImport) OnnxModelFinisher.EnsureOpset(merged, opset.Domain, opset.Version);
        }

        // Inputs in the first member's order (all members take the same columns).
        graph.Input.AddRange(members[0].Graph.Input.Select(i => inputs[i.Name]));
        var writer = new OnnxGraphWriter(graph, "ensemble_");
        string[] weighted = outputs.Select((o, m) => writer.Node("Mul", new[] { o, writer.ScalarConstant((float)weights[m]) })).ToArray();
        string sum = weighted.Length == 1 ? weighted[0] : writer.Node("Sum", weighted);
        OnnxModelFinisher.SetOutputs(writer, sum, spec.Data);
        OnnxModelFinisher.Prune(graph);
        OnnxModelFinisher.Describe(merged, spec);
        return merged;
    }
}
