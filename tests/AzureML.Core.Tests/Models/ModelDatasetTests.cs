using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Models;

public class ModelDatasetTests : LocalWorkspaceTest
{
    [Test]
    public void Register_WithDatasets_ReadsThemBack()
    {
        Folder.Write("data/train.csv", "a,b\n1,2\n");
        Dataset training = Dataset.Tabular.FromDelimitedFiles(Folder.Combine("data", "train.csv")).Register(Ws, "training-data");
        Dataset sample = Dataset.Tabular.FromDelimitedFiles(Folder.Combine("data", "train.csv")).Register(Ws, "sample-data");

        Model model = Model.Register(Ws, Folder.Write("model/model.pkl", "m"), "with-data",
            datasets: new[] { ("training", training) }, sampleInputDataset: sample);
        Model again = new(Ws, "with-data");

        Assert.Multiple(() =>
        {
            Assert.That(again.Datasets["training"].Name, Is.EqualTo("training-data"));
            Assert.That(again.SampleInputDataset!.Name, Is.EqualTo("sample-data"));
            Assert.That(again.SampleOutputDataset, Is.Null);
            Assert.That(model.Properties, Does.ContainKey("azureml.datasets.training"));
        });
    }

    [Test]
    public void Register_WithAnUnregisteredDataset_SaysToRegisterItFirst()
    {
        Folder.Write("data/train.csv", "a,b\n1,2\n");
        TabularDataset unregistered = Dataset.Tabular.FromDelimitedFiles(Folder.Combine("data", "train.csv"));

        Assert.That(() => Model.Register(Ws, Folder.Write("model/model.pkl", "m"), "no-data", sampleInputDataset: unregistered),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("sampleInputDataset is not registered"));
    }
}
