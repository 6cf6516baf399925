using AzureML.Core.Onnx;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Onnx;

[TestFixture]
public class OnnxModelTests
{
    [Test]
    public void Load_Bytes_ExposesInputsOutputsAndShapes()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Add());

        Assert.That(model.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(model.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "Y" }));
        OnnxType input = model.Inputs[0].Type;
        Assert.That(input.Kind, Is.EqualTo(OnnxValueKind.Tensor));
        Assert.That(input.ElementType, Is.EqualTo(OnnxElementType.Float));
        Assert.That(input.Shape, Is.EqualTo(new[] { OnnxDimension.Symbolic("N"), OnnxDimension.Fixed(3) }));
        Assert.That(input.ToString(), Is.EqualTo("tensor(float)[N,3]"));
    }

    [Test]
    public void Load_Bytes_ExposesModelMetadata()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Add());

        Assert.That(model.Metadata.ProducerName, Is.EqualTo("azureml-tests"));
        Assert.That(model.Metadata.GraphName, Is.EqualTo("add_graph"));
        Assert.That(model.Metadata.Description, Is.EqualTo("adds two tensors"));
        Assert.That(model.Metadata.CustomMetadata, Is.EquivalentTo(new Dictionary<string, string> { ["feature_names"] = "a,b,c" }));
    }

    [Test]
    public void Load_File_RunsLikeBytes()
    {
        using var folder = new TestFolder();
        string path = folder.Combine("model with spaces é.onnx");
        File.WriteAllBytes(path, OnnxTestModels.Add());

        using OnnxModel model = OnnxModel.Load(path);
        OnnxRunResult result = model.Run(OnnxTensor.Create(new[] { 1f, 2f, 3f }, 1, 3), OnnxTensor.Create(new[] { 10f, 20f, 30f }, 1, 3));

        Assert.That(result.GetTensor("Y").GetData<float>(), Is.EqualTo(new[] { 11f, 22f, 33f }));
    }

    [Test]
    public void Load_MissingFile_ThrowsNoSuchFileWithPath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid() + ".onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxModel.Load(path));

        Assert.That(error!.ErrorCode, Is.EqualTo(OnnxRuntimeErrorCode.NoSuchFile));
        Assert.That(error.Message, Does.Contain(path));
    }

    [Test]
    public void Load_GarbageBytes_ThrowsInvalidProtobuf()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxModel.Load(new byte[] { 0xFF, 0xFF, 0xFF, 0x01, 0x02 }));

        Assert.That(error!.ErrorCode, Is.EqualTo(OnnxRuntimeErrorCode.InvalidProtobuf));
        Assert.That(error.Message, Does.Contain("protobuf"));
    }

    [Test]
    public void Run_NamedInputs_AddsElementwise()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Add());

        OnnxRunResult result = model.Run(new Dictionary<string, OnnxTensor>
        {
            ["B"] = OnnxTensor.Create(new[] { 0.5f, 0.5f, 0.5f, 1f, 1f, 1f }, 2, 3),
            ["A"] = OnnxTensor.Create(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3),
        });

        OnnxTensor y = result.GetTensor("Y");
        Assert.That(y.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(y.GetData<float>(), Is.EqualTo(new[] { 1.5f, 2.5f, 3.5f, 5f, 6f, 7f }));
    }

    [Test]
    public void Run_MatMulAdd_MatchesHandComputedProduct()
    {
        float[] w = [1f, -1f, 0.5f, 2f, -0.25f, 0f];
        float[] b = [0.1f, -0.2f];
        float[] x = [1f, 2f, 3f, -1f, 0f, 4f];
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Linear(w, b));

        float[] y = model.Run(OnnxTensor.Create(x, 2, 3)).GetTensor("Y").GetData<float>();

        var expected = new float[4];
        for (int row = 0; row < 2; row++)
            for (int col = 0; col < 2; col++)
                expected[row * 2 + col] = b[col] + Enumerable.Range(0, 3).Sum(k => x[row * 3 + k] * w[k * 2 + col]);
        Assert.That(y, Is.EqualTo(expected).Within(1e-5f));
    }

    [Test]
    public void Run_CastInt64ToFloat_ConvertsValues()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Cast(OnnxElementType.Int64, OnnxElementType.Float));

        OnnxTensor y = model.Run(OnnxTensor.Create(new[] { -3L, 0L, 7L, 1L << 20 }, 2, 2)).GetTensor("Y");

        Assert.That(y.ElementType, Is.EqualTo(OnnxElementType.Float));
        Assert.That(y.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(y.GetData<float>(), Is.EqualTo(new[] { -3f, 0f, 7f, 1048576f }));
    }

    [Test]
    public void Run_CastFloatToString_ReturnsStrings()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Cast(OnnxElementType.Float, OnnxElementType.String));

        OnnxTensor y = model.Run(OnnxTensor.Vector(new[] { 1.5f, -2f })).GetTensor("Y");

        Assert.That(y.GetData<string>(), Is.EqualTo(new[] { "1.5", "-2" }));
    }

    private static IEnumerable<TestCaseData> RoundTripCases()
    {
        long[][] shapes = [[], [3], [2, 3], [2, 1, 3]];
        foreach (long[] shape in shapes)
        {
            int n = (int)shape.Aggregate(1L, (a, d) => a * d);
            string rank = "rank" + shape.Length;
            yield return new TestCaseData(OnnxTensor.Create(Enumerable.Range(0, n).Select(i => i * 0.5f - 1f).ToArray(), shape)).SetArgDisplayNames("float", rank);
            yield return new TestCaseData(OnnxTensor.Create(Enumerable.Range(0, n).Select(i => i * 1e-3 + 1e10).ToArray(), shape)).SetArgDisplayNames("double", rank);
            yield return new TestCaseData(OnnxTensor.Create(Enumerable.Range(0, n).Select(i => long.MaxValue - i).ToArray(), shape)).SetArgDisplayNames("int64", rank);
            yield return new TestCaseData(OnnxTensor.Create(Enumerable.Range(0, n).Select(i => int.MinValue + i).ToArray(), shape)).SetArgDisplayNames("int32", rank);
            yield return new TestCaseData(OnnxTensor.Create(Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray(), shape)).SetArgDisplayNames("bool", rank);
            yield return new TestCaseData(OnnxTensor.Create(Enumerable.Range(0, n).Select(i => i == 1 ? "" : $"élément {i} ✓").ToArray(), shape)).SetArgDisplayNames("string", rank);
        }
    }

    [TestCaseSource(nameof(RoundTripCases))]
    public void Run_IdentityOfEachElementTypeAndRank_ReturnsSameTensor(object tensor)
    {
        // NUnit needs public signatures; the tensor type is internal.
        var input = (OnnxTensor)tensor;
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Identity(input.ElementType));

        OnnxTensor output = model.Run(input).GetTensor("Y");

        Assert.That(output.ElementType, Is.EqualTo(input.ElementType));
        Assert.That(output.Shape, Is.EqualTo(input.Shape));
        Assert.That(output.Data, Is.EqualTo(input.Data));
    }

    [Test]
    public void Run_EmptyBatch_ReturnsEmptyTensor()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Identity(OnnxElementType.Float));

        OnnxTensor output = model.Run(OnnxTensor.Create(Array.Empty<float>(), 0, 3)).GetTensor("Y");

        Assert.That(output.Shape, Is.EqualTo(new long[] { 0, 3 }));
        Assert.That(output.Length, Is.Zero);
    }

    [Test]
    public void Run_UnknownInputName_ThrowsRuntimeMessageNamingIt()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Identity(OnnxElementType.Float));

        var error = Assert.Throws<OnnxRuntimeException>(() => model.Run(new Dictionary<string, OnnxTensor>
        {
            ["features"] = OnnxTensor.Vector(new[] { 1f }),
        }));

        Assert.That(error!.ErrorCode, Is.EqualTo(OnnxRuntimeErrorCode.InvalidArgument));
        Assert.That(error.Message, Does.Contain("features"));
    }

    [Test]
    public void Run_WrongElementType_ThrowsRuntimeMessageNamingTypes()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Add());

        var error = Assert.Throws<OnnxRuntimeException>(() => model.Run(
            OnnxTensor.Create(new[] { 1.0, 2.0, 3.0 }, 1, 3), OnnxTensor.Create(new[] { 1f, 2f, 3f }, 1, 3)));

        Assert.That(error!.ErrorCode, Is.EqualTo(OnnxRuntimeErrorCode.InvalidArgument));
        Assert.That(error.Message, Does.Contain("tensor(double)").And.Contain("tensor(float)"));
    }

    [Test]
    public void Run_WrongFixedDimension_ThrowsRuntimeMessageNamingDimension()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Add());

        var error = Assert.Throws<OnnxRuntimeException>(() => model.Run(
            OnnxTensor.Create(new[] { 1f, 2f, 3f, 4f }, 1, 4), OnnxTensor.Create(new[] { 1f, 2f, 3f, 4f }, 1, 4)));

        Assert.That(error!.ErrorCode, Is.EqualTo(OnnxRuntimeErrorCode.InvalidArgument));
        Assert.That(error.Message, Does.Contain("dimensions").IgnoreCase);
    }

    [Test]
    public void Run_MissingInput_ThrowsRuntimeMessageNamingIt()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Add());

        var error = Assert.Throws<OnnxRuntimeException>(() => model.Run(new Dictionary<string, OnnxTensor>
        {
            ["A"] = OnnxTensor.Create(new[] { 1f, 2f, 3f }, 1, 3),
        }));

        Assert.That(error!.Message, Does.Contain("B"));
    }

    [Test]
    public void Run_PositionalInputCountMismatch_ThrowsArgumentExceptionListingInputs()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Add());

        var error = Assert.Throws<ArgumentException>(() => model.Run(OnnxTensor.Create(new[] { 1f, 2f, 3f }, 1, 3)));

        Assert.That(error!.Message, Does.Contain("A, B"));
    }

    [Test]
    public void Run_ConcurrentCallsOnOneSession_GiveIdenticalResults()
    {
        float[] w = [1f, -1f, 0.5f, 2f, -0.25f, 0f];
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Linear(w, [0.1f, -0.2f]));
        float[] Score(int i) => model.Run(OnnxTensor.Create(new[] { i, i * 0.5f, -i }, 1, 3)).GetTensor("Y").GetData<float>();
        float[][] expected = Enumerable.Range(0, 50).Select(Score).ToArray();

        var results = new float[8][][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            results[t] = Enumerable.Range(0, 50).Select(i => Score(i)).ToArray());

        Assert.That(results, Has.All.EqualTo(expected));
    }

    [Test]
    public void Load_DimensionWithoutSizeOrName_ReportsUnknown()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.IdentityWithUnknownDimension());

        Assert.That(model.Inputs.Single().Type.Shape, Is.EqualTo(new[] { OnnxDimension.Unknown, OnnxDimension.Fixed(4) }));
        Assert.That(model.Inputs.Single().ToString(), Is.EqualTo("X: tensor(double)[?,4]"));
    }

    [Test]
    public void Run_ConstantFromTensorAttribute_AddsIt()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.AddConstant());

        Assert.That(model.Run(OnnxTensor.Vector(new[] { 1L, 2L })).GetTensor("Y").GetData<long>(), Is.EqualTo(new[] { 101L, -98L }));
    }

    [Test]
    public void Run_AfterDispose_ThrowsObjectDisposed()
    {
        OnnxModel model = OnnxModel.Load(OnnxTestModels.Identity(OnnxElementType.Float));
        model.Dispose();

        Assert.That(() => model.Run(OnnxTensor.Vector(new[] { 1f })), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void Dispose_WhileRunsAreInFlight_LetsEveryStartedRunFinish()
    {
        OnnxModel model = OnnxModel.Load(OnnxTestModels.Linear([1f, -1f, 0.5f, 2f, -0.25f, 0f], [0.1f, -0.2f]));
        var input = OnnxTensor.Create(new[] { 1f, 2f, 3f }, 1, 3);
        float[] expected = model.Run(input).GetTensor("Y").GetData<float>();
        using var started = new CountdownEvent(4);
        int completed = 0, refused = 0;

        Task[] workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            started.Signal();
            while (true)
            {
                try
                {
                    Assert.That(model.Run(input).GetTensor("Y").GetData<float>(), Is.EqualTo(expected));
                    Interlocked.Increment(ref completed);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
            }
        })).ToArray();
        started.Wait();
        model.Dispose();
        Task.WaitAll(workers);

        Assert.That(refused, Is.EqualTo(4));
        Assert.That(completed, Is.Positive);
    }

    [TestCase(OnnxGraphOptimizationLevel.Disabled, OnnxLogSeverity.Verbose)]
    [TestCase(OnnxGraphOptimizationLevel.Basic, OnnxLogSeverity.Warning)]
    [TestCase(OnnxGraphOptimizationLevel.Extended, OnnxLogSeverity.Fatal)]
    [TestCase(OnnxGraphOptimizationLevel.All, OnnxLogSeverity.Error)]
    public void Load_WithEachOptimizationLevel_GivesTheSameResult(object level, object severity)
    {
        var options = new OnnxModelOptions
        {
            GraphOptimization = (OnnxGraphOptimizationLevel)level,
            LogSeverity = (OnnxLogSeverity)severity,
            IntraOpThreads = 2,
        };
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Linear([1f, -1f, 0.5f, 2f, -0.25f, 0f], [0.1f, -0.2f]), options);

        float[] y = model.Run(OnnxTensor.Create(new[] { 1f, 2f, 3f }, 1, 3)).GetTensor("Y").GetData<float>();

        Assert.That(y, Is.EqualTo(new[] { 1f + 1f - 0.75f + 0.1f, -1f + 4f + 0f - 0.2f }).Within(1e-5f));
    }

    [Test]
    public void Result_UnknownOutputName_ThrowsListingOutputs()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.Identity(OnnxElementType.Float));
        OnnxRunResult result = model.Run(OnnxTensor.Vector(new[] { 1f }));

        var error = Assert.Throws<KeyNotFoundException>(() => _ = result["Z"]);

        Assert.That(error!.Message, Does.Contain("Y"));
    }
}
