using NUnit.Framework;

namespace AzureML.Core.Tests.Models;

public class ResourceConfigurationTests
{
    [Test]
    public void Ctor_ValidValues_KeepsThemAndComparesByValue()
    {
        var resources = new ResourceConfiguration(cpu: 1, memoryInGB: 0.5);

        Assert.Multiple(() =>
        {
            Assert.That(resources.Cpu, Is.EqualTo(1.0));
            Assert.That(resources.MemoryInGB, Is.EqualTo(0.5));
            Assert.That(resources.Gpu, Is.Null);
            Assert.That(resources, Is.EqualTo(new ResourceConfiguration(1, 0.5)));
        });
    }

    [TestCase(0.0, 1.0, 0, "cpu")]
    [TestCase(-1.0, 1.0, 0, "cpu")]
    [TestCase(double.NaN, 1.0, 0, "cpu")]
    [TestCase(1.0, 0.0, 0, "memoryInGB")]
    [TestCase(1.0, 1.0, -1, "gpu")]
    public void Ctor_OutOfRange_ThrowsNamingTheParameter(double cpu, double memory, int gpu, string parameter)
        => Assert.That(() => new ResourceConfiguration(cpu, memory, gpu),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter));

    [Test]
    public void Serialize_RoundTrips()
    {
        var resources = new ResourceConfiguration(cpu: 0.5, memoryInGB: 2, gpu: 1);

        string json = resources.Serialize();

        Assert.That(json, Is.EqualTo("""{"cpu":0.5,"memoryInGB":2,"gpu":1}"""));
        Assert.That(ResourceConfiguration.Deserialize(json), Is.EqualTo(resources));
    }

    [Test]
    public void Deserialize_NotAnObject_ThrowsShowingTheForm()
        => Assert.That(() => ResourceConfiguration.Deserialize("[1]"), Throws.TypeOf<UserErrorException>().With.Message.Contains("memoryInGB"));

    [Test]
    public void ToString_NamesTheResourcesThatAreSet()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ResourceConfiguration(cpu: 1, memoryInGB: 0.5).ToString(), Is.EqualTo("1 CPU, 0.5 GB"));
            Assert.That(new ResourceConfiguration(cpu: 2, memoryInGB: 8, gpu: 1).ToString(), Is.EqualTo("2 CPU, 8 GB, 1 GPU"));
            Assert.That(new ResourceConfiguration().ToString(), Is.EqualTo("no resources set"));
        });
    }
}
