using AzureML.Core.Onnx;
using NUnit.Framework;

namespace AzureML.Core.Tests.Onnx;

[TestFixture]
public class OnnxGraphBuilderTests
{
    [Test]
    public void AddNode_OutputNameAlreadyProduced_Throws()
    {
        var graph = new OnnxGraphBuilder().AddInput("X", OnnxType.Tensor(OnnxElementType.Float));

        Assert.That(() => graph.AddNode("Identity", ["X"], ["X"]), Throws.ArgumentException.With.Message.Contains("'X'"));
    }

    [Test]
    public void With_SameAttributeTwice_Throws()
    {
        OnnxNodeBuilder node = new OnnxGraphBuilder().AddNode("Cast", ["X"], ["Y"]).With("to", 1L);

        Assert.That(() => node.With("to", 7L), Throws.ArgumentException.With.Message.Contains("'to'"));
    }

    [Test]
    public void ToBytes_UnknownDimension_RoundTripsThroughRuntimeAsUnknown()
    {
        var writer = new OnnxModelWriter();
        writer.Graph
            .AddInput("X", OnnxType.Tensor(OnnxElementType.Double, OnnxDimension.Unknown, OnnxDimension.Fixed(4)))
            .AddOutput("Y", OnnxType.Tensor(OnnxElementType.Double, OnnxDimension.Unknown, OnnxDimension.Fixed(4)))
            .AddNode("Identity", ["X"], ["Y"]);

        using OnnxModel model = OnnxModel.Load(writer.ToBytes());

        Assert.That(model.Inputs.Single().Type.Shape, Is.EqualTo(new[] { OnnxDimension.Unknown, OnnxDimension.Fixed(4) }));
    }

    [Test]
    public void ToBytes_ConstantWithTensorAttribute_RunsInRuntime()
    {
        var writer = new OnnxModelWriter();
        writer.Graph
            .AddInput("X", OnnxType.Tensor(OnnxElementType.Int64, OnnxDimension.Fixed(2)))
            .AddOutput("Y", OnnxType.Tensor(OnnxElementType.Int64, OnnxDimension.Fixed(2)));
        writer.Graph.AddNode("Constant", [], ["C"]).With("value", OnnxTensor.Vector(new[] { 100L, -100L }));
        writer.Graph.AddNode("Add", ["X", "C"], ["Y"]);

        using OnnxModel model = OnnxModel.Load(writer.ToBytes());

        Assert.That(model.Run(OnnxTensor.Vector(new[] { 1L, 2L })).GetTensor("Y").GetData<long>(), Is.EqualTo(new[] { 101L, -98L }));
    }
}
