using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using AzureML.Core.Backends.Local;
using AzureML.Core.Webservices;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>
/// Both scoring hosts answer every class of malformed request as they should (400 naming the problem, 413 for
/// oversized bodies) and keep serving; a client that stalls mid-request loses its connection; a killed host reads as
/// Unhealthy without the read changing anything.
/// </summary>
[Category("Integration")]
[Category(FaultSuite.Category)]
public class ScoringFaultTests : LocalWorkspaceTest
{
    private const int EachClass = 20;
    private const int EachHeavyClass = 3; // bodies of megabytes: a few show the answer, the memory benchmark sends many
    private const string ValidRequest = "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}";

    [TearDown]
    public void DeleteServices()
    {
        foreach (Webservice service in Webservice.List(Ws)) service.Delete();
    }

    [Test]
    public Task OnnxHost_EveryMalformedClass_AnsweredAsItShouldAndTheHostKeepsServing()
        => ProbeMalformedRequests("ONNX host", DeployOnnx("onnx-malformed"), floatInput: true);

    [Test]
    public Task PythonHost_EveryMalformedClass_AnsweredAsItShouldAndTheHostKeepsServing()
        => ProbeMalformedRequests("Python host", DeploySklearn("sklearn-malformed"), floatInput: false);

    [Test]
    public void OnnxHost_ChunkedRequestThatNeverSendsItsBody_TheConnectionIsClosed()
        => ProbeStalledBody("ONNX host", DeployOnnx("onnx-stalled"), within: TimeSpan.FromSeconds(30));

    [Test]
    public void PythonHost_ChunkedRequestThatNeverSendsItsBody_TheConnectionIsClosed()
        => ProbeStalledBody("Python host", DeploySklearn("sklearn-stalled"), within: TimeSpan.FromSeconds(25));

    [Test]
    public void Service_HostKilled_ReadsAsUnhealthyWithoutChangingItsRecordAndRedeployRecovers()
    {
        Webservice service = DeployOnnx("onnx-killed");
        int pid = ProcessTable.FindServiceHosts("onnx-killed").Single();
        string before = ServiceRow("onnx-killed");

        Process.GetProcessById(pid).Kill();
        FaultProbe.WaitUntil(() => !ProcessTable.IsAlive(pid), TimeSpan.FromSeconds(30), "the host to end");
        var read = new Webservice(Ws, "onnx-killed");
        WebserviceState state = read.State;
        IReadOnlyList<Webservice> listed = Webservice.List(Ws);
        string after = ServiceRow("onnx-killed");
        Webservice redeployed = Model.Deploy(Ws, "onnx-killed", service.Models, overwrite: true);
        redeployed.WaitForDeployment(timeoutSec: 60);

        Assert.Multiple(() =>
        {
            Assert.That(state, Is.EqualTo(WebserviceState.Unhealthy));
            Assert.That(read.Error, Does.Contain("no longer running"));
            Assert.That(listed.Single().State, Is.EqualTo(WebserviceState.Unhealthy));
            Assert.That(after, Is.EqualTo(before), "reading the service changed its record");
            Assert.That(redeployed.Run(ValidRequest), Does.Contain("setosa"));
        });
        FaultTable.Record("kill -9 of a service host", "reads say Unhealthy and change nothing; redeploying recovers", $"{state}; record unchanged; redeployed Healthy");
    }

    private async Task ProbeMalformedRequests(string host, Webservice service, bool floatInput)
    {
        int port = new Uri(service.ScoringUri!).Port;
        var failures = new List<string>();
        foreach (MalformedRequestClass kind in MalformedScoringRequests.All)
        {
            int count = kind.Name.Contains("MB", StringComparison.Ordinal) ? EachHeavyClass : EachClass;
            int? expected = kind.FloatInputOnly && !floatInput ? 200 : kind.ExpectedStatus;
            var answers = new Dictionary<string, int>();
            for (int i = 0; i < count; i++)
            {
                int? status = await kind.SendAsync(port);
                string key = status?.ToString() ?? "closed";
                answers[key] = answers.GetValueOrDefault(key) + 1;
                if (expected is int want && status != want) failures.Add($"{kind.Name}: {key}");
            }

            FaultTable.Record($"malformed request at the {host}: {kind.Name}", expected is int e ? $"answered {e}" : "no crash, no hang (any answer or a close)",
                string.Join(", ", answers.Select(a => $"{a.Key} x {a.Value}")));
        }

        string afterwards = service.Run(ValidRequest);
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(afterwards, Does.Contain("probabilities"), "the host still serves");
        });
        Assert.That(await ErrorOf(port, "{\"data\": [[1e308, 3.5, 1.4, 0.2]]}"),
            floatInput ? Does.Contain("Row 0, column").And.Contain("out of range") : Does.Not.Contain("error"));
        Assert.That(await ErrorOf(port, "{\"data\": [[\"NaN\", 3.5, 1.4, 0.2]]}"), Does.Contain("missing value").IgnoreCase);
        Assert.That(await ErrorOf(port, "{\"data\": [[\"\\ud800\", 3.5, 1.4, 0.2]]}"), Does.Contain("surrogate"));
    }

    private static async Task<string> ErrorOf(int port, string body)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.PostAsync($"http://127.0.0.1:{port}/score", new StringContent(body, Encoding.UTF8, "application/json"));
        return await response.Content.ReadAsStringAsync();
    }

    // Announces a chunked body and sends none of it: the host must not keep the connection (and what it holds) open.
    private static void ProbeStalledBody(string host, Webservice service, TimeSpan within)
    {
        int port = new Uri(service.ScoringUri!).Port;
        using var client = new TcpClient();
        client.Connect(System.Net.IPAddress.Loopback, port);
        NetworkStream stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes($"POST /score HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var clock = Stopwatch.StartNew();
        stream.ReadTimeout = (int)(within + TimeSpan.FromSeconds(30)).TotalMilliseconds;
        var buffer = new byte[1024];
        string answer = "";
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0) answer += Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            // Closed with a reset: closed all the same.
        }

        TimeSpan held = clock.Elapsed;
        Assert.That(held, Is.LessThan(within), $"the {host} held a stalled connection for {held.TotalSeconds:0} s");
        FaultTable.Record($"chunked request that never sends its body ({host})", "the host closes the connection",
            $"closed after {held.TotalSeconds:0.0} s{(answer.Length > 0 ? $" with {answer.Split('\r')[0]}" : "")}");
    }

    private Webservice DeployOnnx(string name)
    {
        string file = ServiceTestModels.WriteIrisClassifier(Folder.Combine("models", name));
        Webservice service = Model.Deploy(Ws, name, new[] { Model.Register(Ws, file, name, modelFramework: Model.Framework.Onnx) });
        service.WaitForDeployment(timeoutSec: 120);
        return service;
    }

    private Webservice DeploySklearn(string name)
    {
        string python = TestPython.With("sklearn", "joblib");
        string model = Folder.Combine("models", name, "model.joblib");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        (int exitCode, string output) = TestPython.Run(python, "-c",
            "import sys, joblib\nfrom sklearn.datasets import load_iris\nfrom sklearn.linear_model import LogisticRegression\n" +
            "x, y = load_iris(return_X_y=True)\njoblib.dump(LogisticRegression(max_iter=500).fit(x, y), sys.argv[1])\n", model);
        Assert.That(exitCode, Is.Zero, output);
        Webservice service = Model.Deploy(Ws, name, new[] { Model.Register(Ws, model, name, modelFramework: Model.Framework.ScikitLearn) });
        service.WaitForDeployment(timeoutSec: 120);
        return service;
    }

    private string ServiceRow(string name) => ((LocalBackend)Ws.Backend).Database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, port, pid, error, updated_utc, generation FROM services WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        reader.Read();
        return string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString()));
    });
}
