using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

[NonParallelizable] // reads process-wide environment variables
public class RunContextTests
{
    [Test]
    public void GetContext_OutsideARun_OfflineRunKeepsWhatIsLogged()
    {
        Run run = Run.GetContext();

        run.Log("offline-metric", 1.5);
        run.Tag("where", "laptop");

        Assert.Multiple(() =>
        {
            Assert.That(run.IsOffline, Is.True);
            Assert.That(run.Id, Does.StartWith("OfflineRun_"));
            Assert.That(Run.GetContext().GetMetrics()["offline-metric"], Is.EqualTo(1.5));
            Assert.That(run.GetTags()["where"], Is.EqualTo("laptop"));
        });
    }

    [Test]
    public void GetContext_NotAllowedOffline_Throws()
    {
        Assert.That(() => Run.GetContext(allowOffline: false), Throws.TypeOf<UserErrorException>().With.Message.Contains(Run.RunIdVariable));
    }
}
