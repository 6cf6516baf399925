using AzureML.Train.AutoML.Engine.Learners.Trees;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Learners;

[TestFixture]
public class TreeBuilderTests
{
    // One feature whose values 1, 2, 3 hold class 0 and 10, 11, 12 class 1 (one-hot targets).
    private static readonly float[][] X = new[] { 1f, 2f, 3f, 10f, 11f, 12f }.Select(v => new[] { v }).ToArray();
    private static readonly double[] Targets = { 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1 };
    private static readonly double[] Weights = Enumerable.Repeat(1.0, 6).ToArray();

    [Test]
    public void Build_BestThreshold_SplitsMidwayBetweenTheClassesIntoPureLeaves()
    {
        // Arrange
        var builder = new TreeBuilder(X, Targets, 2, Weights, maxFeatures: 1, minLeaf: 1, SplitRule.BestThreshold, bootstrap: false);

        // Act
        DecisionTree tree = builder.Build(new Random(1));

        // Assert
        Assert.That(tree.NodeCount, Is.EqualTo(3));
        Assert.That(tree.Threshold[0], Is.EqualTo(6.5f));
        Assert.That(tree.Leaf(new[] { 6.5f }), Is.EqualTo(new[] { 1.0, 0.0 }));
        Assert.That(tree.Leaf(new[] { 6.6f }), Is.EqualTo(new[] { 0.0, 1.0 }));
    }

    [Test]
    public void Build_RandomThreshold_SplitsSomewhereBetweenTheSmallestAndLargestValue()
    {
        // Arrange
        var builder = new TreeBuilder(X, Targets, 2, Weights, maxFeatures: 1, minLeaf: 1, SplitRule.RandomThreshold, bootstrap: false);

        // Act
        float[] roots = Enumerable.Range(0, 20).Select(seed => builder.Build(new Random(seed)).Threshold[0]).ToArray();

        // Assert: the thresholds vary with the seed, and each tree still ends in pure leaves.
        Assert.That(roots, Is.All.InRange(1f, 12f));
        Assert.That(roots.Distinct().Count(), Is.GreaterThan(10));
        Assert.That(Enumerable.Range(0, 20).Select(seed => builder.Build(new Random(seed)).Leaf(new[] { 2f })), Is.All.EqualTo(new[] { 1.0, 0.0 }));
    }

    [Test]
    public void Build_Bootstrap_LeafMeansFollowTheSampledRowsWeights()
    {
        // Arrange: leaves of at least six rows cannot split six rows, so the root is the one leaf. Without a
        // bootstrap it is the mean of all rows (half of each class); a bootstrap sample weighs rows by their draws.
        var all = new TreeBuilder(X, Targets, 2, Weights, maxFeatures: 1, minLeaf: 6, SplitRule.BestThreshold, bootstrap: false);
        var sampled = new TreeBuilder(X, Targets, 2, Weights, maxFeatures: 1, minLeaf: 6, SplitRule.BestThreshold, bootstrap: true);

        // Act
        double[] allLeaf = all.Build(new Random(3)).Leaf(new[] { 1f });
        double[][] sampledLeaves = Enumerable.Range(0, 20).Select(seed => sampled.Build(new Random(seed)).Leaf(new[] { 1f })).ToArray();

        // Assert: every leaf is a class distribution counted in sixths (six draws); most samples are uneven.
        Assert.That(allLeaf, Is.EqualTo(new[] { 0.5, 0.5 }));
        Assert.That(sampledLeaves.Select(l => l[0] + l[1]), Is.All.EqualTo(1).Within(1e-12));
        Assert.That(sampledLeaves.Select(l => l[0] * 6), Is.All.Matches<double>(v => Math.Abs(v - Math.Round(v)) < 1e-9));
        Assert.That(sampledLeaves.Count(l => l[0] != 0.5), Is.GreaterThan(10));
    }
}
