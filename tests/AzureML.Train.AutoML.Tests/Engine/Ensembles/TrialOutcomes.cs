using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using Onnx;

namespace AzureML.Train.AutoML.Tests.Engine.Ensembles;

/// <summary>Finished trials made from out-of-fold predictions alone, for selection tests.</summary>
internal static class TrialOutcomes
{
    public static TrialOutcome Of(TrialData shared, int iteration, string algorithm, Predictions outOfFold) => new()
    {
        Start = new TrialStart(iteration, algorithm, "None", new TrialConfig(Array.Empty<(string, object)>())),
        Metrics = shared.Evaluate(outOfFold),
        OutOfFold = outOfFold,
        Model = new ModelProto(),
        Pipeline = algorithm,
        Duration = TimeSpan.Zero,
    };

    /// <summary>One guessing trial per entry of <paramref name="algorithms"/>, numbered from 0 in that order.</summary>
    public static List<TrialOutcome> Guessing(TrialData shared, IEnumerable<string> algorithms, int seed)
    {
        var random = new Random(seed);
        return algorithms.Select((a, i) => Of(shared, i, a, Guessing(shared, random))).ToList();
    }

    /// <summary>Class probabilities drawn at random, unrelated to the labels: a model that learned nothing.</summary>
    public static Predictions Guessing(TrialData shared, Random random)
    {
        int width = shared.Data.OutputWidth;
        var values = new double[shared.ValidatedRows.Length * width];
        for (int row = 0; row < shared.ValidatedRows.Length; row++)
        {
            double[] draws = Enumerable.Range(0, width).Select(_ => random.NextDouble()).ToArray();
            for (int c = 0; c < width; c++) values[(row * width) + c] = draws[c] / draws.Sum();
        }

        return new Predictions(shared.ValidatedRows.Length, width, values);
    }
}
