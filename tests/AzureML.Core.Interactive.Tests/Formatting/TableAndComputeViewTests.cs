using System.Text.RegularExpressions;
using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting;
using NUnit.Framework;

using AzureML.TestUtilities;

namespace AzureML.Core.Interactive.Tests.Formatting;

[TestFixture]
public class TableAndComputeViewTests
{
    [OneTimeSetUp]
    public void Register() => AzureMLFormatters.Register();

    [Test]
    public void DataFrame_LongTable_IsPagedWithEveryRowOnSomePage()
    {
        var frame = new DataFrame([DataFrameColumn.OfInt64("n", Enumerable.Range(0, 45).Select(i => (long?)i * 2))]);

        string html = frame.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(html, "class=\"azureml-page\"").Count, Is.EqualTo(3));
            Assert.That(Regex.Matches(html, "data-page=\"\\d\" hidden").Count, Is.EqualTo(2), "only the first page shows without scripts");
            Assert.That(html, Does.Contain("<th>44</th>\n      <td>88</td>").And.Contain("page 1 of 3").And.Contain("45 rows x 1 columns"));
            Assert.That(html, Does.Not.Contain("<script src"));
        });
    }

    [Test]
    public void DataFrame_ShortTable_IsTheTablesOwnHtml()
    {
        var frame = new DataFrame([DataFrameColumn.OfString("s", ["a", "b"])]);

        Assert.That(frame.ToDisplayString(HtmlFormatter.MimeType), Does.Contain(frame.ToHtml()).And.Not.Contain("class=\"azureml-page\""));
        Assert.That(frame.ToDisplayString(PlainTextFormatter.MimeType), Is.EqualTo(frame.ToString()));
    }

    [Test]
    public void AmlCompute_Html_ShowsStateNodesAndScale()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Combine("ws"));
        var cluster = (AmlCompute)ComputeTarget.Create(ws, "heart-f-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: 1, maxNodes: 3));

        string html = cluster.ToDisplayString(HtmlFormatter.MimeType);

        Assert.That(html, Does.Contain("AmlCompute heart-f-cluster").And.Contain("data-state=\"Succeeded\"").And.Contain("1 current, 1 target (1 idle)")
            .And.Contain("1-3 nodes, idle nodes leave after"));
        Assert.That(cluster.GetStatus().ToDisplayString(PlainTextFormatter.MimeType), Does.StartWith("AmlComputeStatus(provisioning: Succeeded"));
    }
}
