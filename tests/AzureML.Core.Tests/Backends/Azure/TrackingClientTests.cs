using System.Text.Json.Nodes;
using Azure.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Tracking;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Discovery, run history (details and log streaming) and MLflow tracking on the workspace's data plane.</summary>
public class TrackingClientTests : AzureContractTest
{
    private const string Api = "https://eastus2.api.azureml.ms";
    private const string Mlflow = "/mlflow/v1.0" + WorkspacePath + "/api/2.0/mlflow/";
    private const string History = "/history/v1.0" + WorkspacePath + "/runs/";
    private const string RunId = "train-sklearn_1700000000_abcd";

    public TrackingClientTests(bool isAsync) : base(isAsync) { }

    [Test]
    public void Discovery_FindsTheApiHost_AndTheMlflowBase_Once()
    {
        ExpectDiscovery();

        var first = Run(a => Client.GetServiceEndpointsAsync(a, CancellationToken.None));
        var again = Run(a => Client.GetServiceEndpointsAsync(a, CancellationToken.None));

        Assert.That(first.Api, Is.EqualTo(new Uri(Api)));
        Assert.That(first.MlflowTracking, Is.EqualTo(new Uri("https://eastus2.api.azureml.ms/mlflow/v1.0" + WorkspacePath)));
        Assert.That(again, Is.SameAs(first));
    }

    [Test]
    public void RunDetails_AreReadWithTheArmToken_AndParsed()
    {
        ExpectDiscovery();
        Transport.Expect(RequestMethod.Get, History + RunId + "/details", r =>
        {
            Assert.That(r.Header("Authorization"), Is.EqualTo("Bearer " + FakeTokenCredential.Token));
            return Examples.Ok("rundetails");
        }, apiVersion: null);

        RunHistoryClient history = Run(a => Client.GetRunHistoryAsync(a, CancellationToken.None));
        RunHistoryDetails details = Run(a => history.GetDetailsAsync(RunId, a, CancellationToken.None));

        Assert.That((details.RunId, details.Status, details.Target), Is.EqualTo((RunId, "Running", "cpu-cluster")));
        Assert.That(details.LogFiles!.Keys, Does.Contain("user_logs/std_log.txt"));
        Assert.That(details.Warnings!.Single().Message, Is.EqualTo("Low disk"));
    }

    [Test]
    public void LogStreamer_PrintsOnlyNewLines_ReadsSasUrlsWithoutCredentials_AndStopsWhenDone()
    {
        ExpectDiscovery();
        string log = "https://testsa.blob.core.windows.net/azureml/ExperimentRun/dcid.train/user_logs/std_log.txt";
        string Details(string status) => Examples.Read("rundetails").Replace("\"Running\"", $"\"{status}\"");
        ScriptedResponse Log(string text) => new(200, null) { ContentStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) };
        Func<RecordedRequest, ScriptedResponse> Sas(string text) => r =>
        {
            Assert.That(r.Header("Authorization"), Is.Null, "SAS URLs are read without a bearer token");
            Assert.That(r.Query("sig"), Is.EqualTo("LOGSECRET"));
            return Log(text);
        };
        Transport
            .Expect(RequestMethod.Get, History + RunId + "/details", new ScriptedResponse(200, Details("Running")), apiVersion: null)
            .Expect(RequestMethod.Get, new Uri(log).AbsolutePath, Sas("epoch 1\nepoch 2\npartial"), apiVersion: null)
            .Expect(RequestMethod.Get, History + RunId + "/details", new ScriptedResponse(200, Details("Completed")), apiVersion: null)
            .Expect(RequestMethod.Get, new Uri(log).AbsolutePath, Sas("epoch 1\nepoch 2\npartial line done\nAccuracy 0.97\n"), apiVersion: null);

        RunHistoryClient history = Run(a => Client.GetRunHistoryAsync(a, CancellationToken.None));
        var streamer = new RunLogStreamer(history, Clock, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        var lines = new List<string>();
        RunHistoryDetails final = Run(a => streamer.StreamAsync(RunId, lines.Add, a, CancellationToken.None));

        Assert.That(final.Status, Is.EqualTo("Completed"));
        Assert.That(lines, Is.EqualTo(new[] { "[user_logs/std_log.txt]", "epoch 1", "epoch 2", "partial line done", "Accuracy 0.97" }));
        Assert.That(Clock.Waits.Single(), Is.EqualTo(TimeSpan.FromSeconds(2)), "the first wait is the minimum interval");
    }

    [Test]
    public void LogSelection_KeepsRankZeroUserLogs_ElseTheLegacyCommandLogs()
    {
        Assert.That(RunLogStreamer.SelectLogs(new[] { "user_logs/std_log_process_01.txt", "user_logs/std_log_process_0.txt", "system_logs/x.log" }),
            Is.EqualTo(new[] { "user_logs/std_log_process_0.txt" }));
        Assert.That(RunLogStreamer.SelectLogs(new[] { "azureml-logs/70_driver_log.txt", "azureml-logs/55_azureml-execution.txt", "logs/other.txt" }),
            Is.EqualTo(new[] { "azureml-logs/55_azureml-execution.txt", "azureml-logs/70_driver_log.txt" }));
    }

    [Test]
    public void LogBatch_IsSplitWithinMlflowLimits()
    {
        ExpectDiscovery();
        var metrics = Enumerable.Range(0, 2_500).Select(i => new MlflowMetric { Key = "loss", Value = 1.0 / (i + 1), Timestamp = 1_772_601_000_000 + i, Step = i }).ToList();
        var parameters = Enumerable.Range(0, 150).Select(i => new MlflowKeyValue { Key = $"p{i}", Value = "v" }).ToList();
        var tags = Enumerable.Range(0, 20).Select(i => new MlflowKeyValue { Key = $"t{i}", Value = "v" }).ToList();
        var sizes = new List<(int Metrics, int Params, int Tags)>();
        for (int i = 0; i < 3; i++)
        {
            Transport.Expect(RequestMethod.Post, Mlflow + "runs/log-batch", r =>
            {
                Schemas.AssertValid("LogBatch", r);
                var body = r.Json();
                sizes.Add((body.GetProperty("metrics").GetArrayLength(), body.GetProperty("params").GetArrayLength(), body.GetProperty("tags").GetArrayLength()));
                return new ScriptedResponse(200, "{}");
            }, apiVersion: null);
        }

        MlflowClient mlflow = Run(a => Client.GetMlflowAsync(a, CancellationToken.None));
        int requests = Run(a => mlflow.LogBatchAsync(RunId, metrics, parameters, tags, a, CancellationToken.None));

        Assert.That(requests, Is.EqualTo(3));
        Assert.That(sizes, Is.EqualTo(new[] { (880, 100, 20), (950, 50, 0), (670, 0, 0) }), "params and tags first, metrics fill the 1,000 entities");
    }

    [Test]
    public void MetricHistory_FollowsPageTokens_AndRunsGetParsesStringNumbers()
    {
        ExpectDiscovery();
        Transport
            .Expect(RequestMethod.Get, Mlflow + "metrics/get-history",
                new ScriptedResponse(200, """{"metrics":[{"key":"loss","value":0.5,"timestamp":"1772601000000","step":0}],"next_page_token":"p2"}"""), apiVersion: null)
            .Expect(RequestMethod.Get, Mlflow + "metrics/get-history", r =>
            {
                Assert.That((r.Query("run_id"), r.Query("metric_key"), r.Query("page_token")), Is.EqualTo((RunId, "loss", "p2")));
                return new ScriptedResponse(200, """{"metrics":[{"key":"loss","value":0.25,"timestamp":1772601001000,"step":1}]}""");
            }, apiVersion: null)
            .Expect(RequestMethod.Get, Mlflow + "runs/get", Examples.Ok("mlflow-runs-get"), apiVersion: null);

        MlflowClient mlflow = Run(a => Client.GetMlflowAsync(a, CancellationToken.None));
        var points = Run(a => mlflow.GetMetricHistoryAsync(RunId, "loss", a, CancellationToken.None));
        MlflowRun run = Run(a => mlflow.GetRunAsync(RunId, a, CancellationToken.None));

        Assert.That(points.Select(MetricConverter.ToRecord).Select(m => (m.Step, m.Value!.GetValue<double>())), Is.EqualTo(new[] { (0L, 0.5), (1L, 0.25) }));
        Assert.That((run.Info!.Status, run.Info.StartTime), Is.EqualTo(("RUNNING", (long?)1_772_601_000_000)));
        Assert.That(run.Data!.Params!.Single().Value, Is.EqualTo("linear"));
    }

    [Test]
    public void MlflowErrors_KeepTheirErrorCode()
    {
        ExpectDiscovery();
        Transport.Expect(RequestMethod.Get, Mlflow + "runs/get",
            new ScriptedResponse(404, """{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Run 'x' not found"}"""), apiVersion: null);

        MlflowClient mlflow = Run(a => Client.GetMlflowAsync(a, CancellationToken.None));
        var ex = Assert.Throws<UserErrorException>(() => Run(a => mlflow.GetRunAsync("x", a, CancellationToken.None)));

        Assert.That((ex!.ErrorCode, ex.Status), Is.EqualTo(("RESOURCE_DOES_NOT_EXIST", (int?)404)));
    }

    [Test]
    public void Metrics_ScalarsAndListsBecomeMlflowPoints_OtherKindsAreRefused()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1_772_601_000_000);
        var scalar = MetricConverter.ToMlflow(new MetricRecord("acc", MetricKind.Scalar, JsonValue.Create(0.9), 3, time, null));
        var list = MetricConverter.ToMlflow(new MetricRecord("losses", MetricKind.List, new JsonArray(1, 0.5), null, time, null));

        Assert.That(scalar.Single().Step, Is.EqualTo(3));
        Assert.That(list.Select(p => (p.Step, p.Value)), Is.EqualTo(new[] { ((long?)0, 1.0), ((long?)1, 0.5) }));
        Assert.That(() => MetricConverter.ToMlflow(new MetricRecord("t", MetricKind.Table, new JsonObject(), null, time, null)),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("MLflow"));
    }
}
