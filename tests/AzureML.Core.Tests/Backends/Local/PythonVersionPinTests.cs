using AzureML.Core.Backends.Local;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Local;

public class PythonVersionPinTests
{
    [TestCase("3.6.2", "3.6.15", true)]
    [TestCase("3.6.2", "3.11.2", false)]
    [TestCase("3.8", "3.8.18", true)]
    [TestCase("3.8.*", "3.8.0", true)]
    [TestCase("3", "3.11.2", true)]
    [TestCase(">=3.9", "3.11.2", true)]
    [TestCase(">=3.9", "3.8.18", false)]
    [TestCase(">=3.11.3", "3.11.2", false)]
    public void Matches_MajorMinorForExactPinsAndOrderForAtLeast(string spec, string version, bool matches)
        => Assert.That(PythonVersionPin.Parse(spec)!.Matches(version), Is.EqualTo(matches));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("<3.12")]
    [TestCase("3.x")]
    public void Parse_NothingOrNotUnderstood_IsNoPin(string? spec) => Assert.That(PythonVersionPin.Parse(spec), Is.Null);

    [Test]
    public void ToString_IsThePinAsTheEnvironmentWritesIt()
        => Assert.Multiple(() =>
        {
            Assert.That(PythonVersionPin.Parse("3.6.2")!.ToString(), Is.EqualTo("python=3.6.2"));
            Assert.That(PythonVersionPin.Parse(">=3.9")!.ToString(), Is.EqualTo("python>=3.9"));
        });
}
