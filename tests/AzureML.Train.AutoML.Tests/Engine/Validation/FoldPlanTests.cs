using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Validation;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Validation;

[TestFixture]
public class FoldPlanTests
{
    [Test]
    public void Create_SmallDataWithoutChoice_RepeatsStratifiedFiveFoldWithDifferentShuffles()
    {
        // Arrange
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(200, "binary"), TaskKind.Classification, "label");

        // Act
        FoldPlan plan = FoldPlan.Create(data, crossValidations: null, validationSize: null, seed: 3);

        // Assert
        Assert.That(plan.Folds, Has.Count.EqualTo(FoldPlan.SmallDataFolds * FoldPlan.SmallDataRepeats));
        Assert.That(plan.FoldsPerRepeat, Is.EqualTo(FoldPlan.SmallDataFolds));
        Assert.That(plan.Description, Is.EqualTo("5-fold stratified cross-validation repeated 3 times"));
        List<Fold[]> repeats = plan.Folds.Chunk(plan.FoldsPerRepeat).ToList();
        foreach (Fold[] repeat in repeats)
        {
            Assert.That(repeat.SelectMany(f => f.Valid).Order(), Is.EqualTo(Enumerable.Range(0, 200)), "each repeat validates every row once");
            Assert.That(repeat.Select(f => f.Valid.Count(r => data.ClassIndex[r] == 1)), Is.All.InRange(PositiveCount(data) / 5, PositiveCount(data) / 5 + 1));
        }

        Assert.That(repeats[1][0].Valid, Is.Not.EquivalentTo(repeats[0][0].Valid), "repeats shuffle differently");
        Assert.That(plan.RefitRows, Is.EqualTo(Enumerable.Range(0, 200)));
    }

    [Test]
    public void Create_UserFoldCount_IsNotRepeated()
    {
        // Arrange
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(200, "binary"), TaskKind.Classification, "label");

        // Act
        FoldPlan plan = FoldPlan.Create(data, crossValidations: 4, validationSize: null, seed: 3);

        // Assert
        Assert.That(plan.Folds, Has.Count.EqualTo(4));
        Assert.That(plan.FoldsPerRepeat, Is.EqualTo(4));
        Assert.That(plan.Description, Is.EqualTo("4-fold stratified cross-validation"));
    }

    private static int PositiveCount(TrainingData data) => Enumerable.Range(0, data.TrainingRowCount).Count(r => data.ClassIndex[r] == 1);
}
