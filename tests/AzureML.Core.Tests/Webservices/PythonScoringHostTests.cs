using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace AzureML.Core.Tests.Webservices;

/// <summary>
/// Starts the embedded Python scoring host (ScoringHost/scoring_host.py) with a python3 that has
/// scikit-learn and checks its HTTP contract.
/// </summary>
[Category("Integration")]
public class PythonScoringHostTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] HeartFeatures = { "age", "anaemia", "ejection_fraction", "serum_creatinine", "smoking" };

    private TestFolder _models = null!;
    private string _python = null!;
    private string _hostScript = null!;
    private JsonObject _expected = null!;

    private TestFolder _folder = null!;
    private HttpClient _http = null!;
    private readonly List<ScoringHost> _hosts = new();

    [OneTimeSetUp]
    public void TrainModels()
    {
        _python = TestPython.With("sklearn", "joblib");
        _models = new TestFolder();
        _hostScript = _models.Combine("scoring_host.py");
        using (Stream resource = typeof(Workspace).Assembly.GetManifestResourceStream("ScoringHost/scoring_host.py")
            ?? throw new InvalidOperationException("The scoring host is not embedded as ScoringHost/scoring_host.py."))
        using (FileStream file = File.Create(_hostScript))
        {
            resource.CopyTo(file);
        }

        // iris: integer labels, positional rows. heart: boolean labels and feature names, as a model fitted on a
        // DataFrame has them (set directly when pandas is not installed).
        string train = _models.Write("train.py", """
            import json, sys
            import joblib, numpy as np
            from sklearn.datasets import load_iris
            from sklearn.linear_model import LogisticRegression

            out = sys.argv[1]
            X, y = load_iris(return_X_y=True)
            iris = LogisticRegression(max_iter=1000).fit(X, y)
            joblib.dump(iris, out + "/iris.joblib")

            names = ["age", "anaemia", "ejection_fraction", "serum_creatinine", "smoking"]
            rng = np.random.RandomState(0)
            H = np.column_stack([rng.randint(40, 95, 200), rng.randint(0, 2, 200), rng.randint(14, 80, 200),
                                 rng.uniform(0.5, 9.0, 200), rng.randint(0, 2, 200)]).astype(float)
            death = (H[:, 0] / 95 - H[:, 2] / 80 + H[:, 3] / 9) > 0.45
            try:
                import pandas as pd
                heart = LogisticRegression(max_iter=1000).fit(pd.DataFrame(H, columns=names), death)
            except ImportError:
                heart = LogisticRegression(max_iter=1000).fit(H, death)
                heart.feature_names_in_ = np.array(names, dtype=object)
            joblib.dump(heart, out + "/heart.joblib")

            old = [[60, 0, 38, 1.40, 0]]
            sick = [[90, 1, 15, 8.5, 1]]
            expected = {
                "iris": [int(v) for v in iris.predict([[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]])],
                "iris_proba": iris.predict_proba([[5.1, 3.5, 1.4, 0.2]]).tolist(),
                "heart_old": [bool(v) for v in heart.predict(np.array(old, dtype=float))],
                "heart_sick": [bool(v) for v in heart.predict(np.array(sick, dtype=float))],
            }
            with open(out + "/expected.json", "w") as f:
                json.dump(expected, f)
            """);
        (int ExitCode, string Output) trained = TestPython.Run(_python, train, _models.Path);
        Assert.That(trained.ExitCode, Is.EqualTo(0), trained.Output);
        _expected = JsonNode.Parse(File.ReadAllText(_models.Combine("expected.json")))!.AsObject();
    }

    [OneTimeTearDown]
    public void DeleteModels() => _models?.Dispose();

    [SetUp]
    public void SetUp()
    {
        _folder = new TestFolder();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        foreach (ScoringHost host in _hosts)
        {
            host.Kill();
        }

        Assert.That(_hosts.Where(h => !h.HasExited).Select(h => h.Process.Id), Is.Empty, "scoring host processes left running");
        foreach (ScoringHost host in _hosts)
        {
            host.Process.Dispose();
        }

        _hosts.Clear();
        _folder.Dispose();
    }

    // ------------------------------------------------------------------------------------------
    // Health, readiness, routing, logging, shutdown
    // ------------------------------------------------------------------------------------------

    [Test]
    public async Task Health_GetRoot_ReturnsHealthyTextWithoutAKey()
    {
        ScoringHost host = StartSklearn("iris", authFile: WriteKeys("primary-key"));

        using HttpResponseMessage response = await _http.GetAsync(host.Url("/"));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public void ReadyFile_PortZeroRequested_HoldsTheListeningPortAndPid()
    {
        ScoringHost host = StartSklearn("iris");

        JsonObject ready = JsonNode.Parse(File.ReadAllText(host.ReadyFile))!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That((int)ready["port"]!, Is.GreaterThan(0));
            Assert.That((int)ready["pid"]!, Is.EqualTo(host.Process.Id));
            Assert.That(IsListening((int)ready["port"]!), Is.True);
            Assert.That(Directory.GetFiles(_folder.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty, "temporary files left behind");
        });
    }

    [Test]
    public async Task Routing_UnknownPathAndWrongMethod_404And405Json()
    {
        ScoringHost host = StartSklearn("iris");

        using HttpResponseMessage notFound = await _http.GetAsync(host.Url("/predict"));
        using HttpResponseMessage wrongMethod = await _http.GetAsync(host.Url("/score"));
        using HttpResponseMessage postRoot = await _http.PostAsync(host.Url("/"), Json("{}"));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(notFound.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await ErrorOf(notFound), Does.Contain("/predict"));
            Assert.That(wrongMethod.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(wrongMethod.Content.Headers.Allow, Is.EqualTo(new[] { "POST" }));
            Assert.That(await ErrorOf(wrongMethod), Does.Contain("POST"));
            Assert.That(postRoot.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        });
    }

    [Test]
    public async Task Logging_RequestsAndLifecycle_InAzmlinfsrvFormat_SigtermStopsCleanly()
    {
        ScoringHost host = StartSklearn("iris", authFile: WriteKeys("do-not-log-me"));
        using (HttpResponseMessage scored = await PostAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2]]}""", key: "do-not-log-me"))
        {
            Assert.That(scored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (Process kill = Process.Start("kill", new[] { "-TERM", host.Process.Id.ToString() }))
        {
            kill.WaitForExit();
        }

        Assert.That(host.Process.WaitForExit(30_000), Is.True, "the host did not stop on SIGTERM");
        host.Process.WaitForExit(); // flush the redirected output
        string log = host.Output;
        Assert.Multiple(() =>
        {
            Assert.That(host.Process.ExitCode, Is.EqualTo(0), log);
            Assert.That(log, Does.Match(@"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \| I \[" + host.Process.Id + @"\] azmlinfsrv\.access - POST /score 200 [\d.]+ms$"));
            Assert.That(log, Does.Match(@"(?m)^\S+ \S+ \| I \[\d+\] azmlinfsrv - Listening at http://127\.0\.0\.1:" + host.Port));
            Assert.That(log, Does.Match(@"(?m)^\S+ \S+ \| I \[\d+\] azmlinfsrv - Stopped$"));
            Assert.That(log, Does.Not.Contain("do-not-log-me"));
        });
    }

    // ------------------------------------------------------------------------------------------
    // scikit-learn (no-code)
    // ------------------------------------------------------------------------------------------

    [Test]
    public async Task Sklearn_PositionalRows_IntegerLabelsWithProbabilities()
    {
        ScoringHost host = StartSklearn("iris");

        JsonObject body = await ScoreOkAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}""");

        JsonArray result = body["result"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Select(v => v!.GetValueKind()), Is.All.EqualTo(JsonValueKind.Number));
            Assert.That(result.Select(v => v!.ToJsonString()), Is.EqualTo(_expected["iris"]!.AsArray().Select(v => v!.ToJsonString())), "labels stay integers");
            Assert.That(body["probabilities"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(body["probabilities"]![0]!.AsArray().Sum(p => (double)p!), Is.EqualTo(1.0).Within(1e-9));
            Assert.That(body["classes"]!.ToJsonString(), Is.EqualTo("[0,1,2]"));
        });
    }

    [Test]
    public async Task Sklearn_NamedColumnsWithStringValues_CoercedAndOrderedByFeatureNames()
    {
        ScoringHost host = StartSklearn("heart");

        // Seed-003 style: every value a string, booleans as "false"/"TRUE", keys out of the model's order.
        JsonObject old = await ScoreOkAsync(host, """
            {"data": [{"smoking": "false", "serum_creatinine": "1.40", "ejection_fraction": "38", "anaemia": "false", "age": "60"}]}
            """);
        JsonObject sick = await ScoreOkAsync(host, """
            {"data": [{"age": 90, "anaemia": "TRUE", "ejection_fraction": " 15 ", "serum_creatinine": 8.5, "smoking": true, "extra": "ignored"}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(old["result"]!.ToJsonString(), Is.EqualTo(_expected["heart_old"]!.ToJsonString()));
            Assert.That(sick["result"]!.ToJsonString(), Is.EqualTo(_expected["heart_sick"]!.ToJsonString()));
            Assert.That(old["result"]![0]!.GetValueKind(), Is.EqualTo(JsonValueKind.False).Or.EqualTo(JsonValueKind.True), "labels stay booleans");
            Assert.That(old["result"]!.ToJsonString(), Is.Not.EqualTo(sick["result"]!.ToJsonString()), "the two rows should fall on different sides");
        });
    }

    [Test]
    public async Task Sklearn_MethodPredictProba_ResultIsTheProbabilityRows()
    {
        ScoringHost host = StartSklearn("iris");

        JsonObject body = await ScoreOkAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2]], "method": "predict_proba"}""");

        double[] expected = _expected["iris_proba"]![0]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(body["result"]![0]!.AsArray().Select(v => (double)v!), Is.EqualTo(expected).Within(1e-9));
            Assert.That(body["probabilities"]!.ToJsonString(), Is.EqualTo(body["result"]!.ToJsonString()));
        });
    }

    [TestCase("""{"data": [[5.1, 3.5""", "Invalid JSON: ")]
    [TestCase("""[[5.1, 3.5, 1.4, 0.2]]""", "\"data\" field")]
    [TestCase("""{"data": "5.1, 3.5, 1.4, 0.2"}""", "\"data\" must be a list of rows, got str")]
    [TestCase("""{"data": []}""", "\"data\" is empty")]
    [TestCase("""{"data": [5.1, 3.5, 1.4, 0.2]}""", "row 0 is a number")]
    [TestCase("""{"data": [[5.1, 3.5, 1.4, 0.2], [5.1, 3.5]]}""", "row 0 has 4 values, row 1 has 2")]
    [TestCase("""{"data": [[5.1, 3.5, 1.4, 0.2], {"a": 1}]}""", "row 0 is a list, row 1 is an object")]
    [TestCase("""{"data": [[5.1, 3.5, 1.4, 0.2], [5.1, "abc", 1.4, 0.2]]}""", "row 1, column 1: cannot convert \"abc\" to a number")]
    [TestCase("""{"data": [[5.1, 3.5, 1.4]]}""", "expects 4 features, got 3")]
    [TestCase("""{"data": [[5.1, 3.5, 1.4, 0.2]], "method": "transform"}""", "\"method\" must be \"predict\" or \"predict_proba\"")]
    public async Task Sklearn_BadIrisRequest_400NamingTheProblem(string body, string expectedMessage)
    {
        ScoringHost host = StartSklearn("iris");

        using HttpResponseMessage response = await PostAsync(host, body);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorOf(response), Does.Contain(expectedMessage));
        });
    }

    [Test]
    public async Task Sklearn_BadNamedRows_400NamingColumnRowAndValue()
    {
        ScoringHost host = StartSklearn("heart");
        const string Good = "\"age\": \"60\", \"anaemia\": \"false\", \"ejection_fraction\": \"38\", \"serum_creatinine\": \"1.4\", \"smoking\": \"false\"";

        using HttpResponseMessage missing = await PostAsync(host, "{\"data\": [{" + Good + "}, {\"age\": \"61\"}]}");
        using HttpResponseMessage uncoercible = await PostAsync(host, "{\"data\": [{" + Good.Replace("\"1.4\"", "\"high\"") + "}]}");
        using HttpResponseMessage afterwards = await PostAsync(host, "{\"data\": [{" + Good + "}]}");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorOf(missing), Is.EqualTo("row 1 is missing column \"anaemia\"."));
            Assert.That(uncoercible.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorOf(uncoercible), Is.EqualTo("row 0, column \"serum_creatinine\": cannot convert \"high\" to a number"));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Sklearn_BodyOverMaxBodyBytes_413AndTheServiceKeepsAnswering()
    {
        ScoringHost host = StartSklearn("iris", maxBodyBytes: 256);
        // Far larger than the socket buffers, so the client is still sending when the 413 comes back.
        string big = "{\"data\": [" + string.Join(", ", Enumerable.Repeat("[5.1, 3.5, 1.4, 0.2]", 200_000)) + "]}";

        using HttpResponseMessage tooLarge = await PostAsync(host, big);
        using HttpResponseMessage small = await PostAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2]]}""");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(Encoding.UTF8.GetByteCount(big), Is.GreaterThan(256));
            Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(await ErrorOf(tooLarge), Does.Contain("limit is 256 bytes"));
            Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Sklearn_ChunkedBody_ScoredAndCappedAtMaxBodyBytes()
    {
        ScoringHost host = StartSklearn("iris", maxBodyBytes: 256);

        using HttpResponseMessage ok = await PostChunkedAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2]]}""");
        using HttpResponseMessage tooLarge = await PostChunkedAsync(host, "{\"data\": [" + string.Join(", ", Enumerable.Repeat("[5.1, 3.5, 1.4, 0.2]", 200_000)) + "]}");
        using HttpResponseMessage afterwards = await PostChunkedAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2]]}""");

        Assert.Multiple(() =>
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Sklearn_Swagger_DescribesNamedFeaturesWithAnExampleRow()
    {
        ScoringHost host = StartSklearn("heart", serviceName: "heart-failure-svc");

        JsonObject swagger = JsonNode.Parse(await _http.GetStringAsync(host.Url("/swagger.json")))!.AsObject();

        JsonNode input = swagger["definitions"]!["ServiceInput"]!;
        JsonNode rows = input["properties"]!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)swagger["swagger"], Is.EqualTo("2.0"));
            Assert.That((string?)swagger["info"]!["title"], Is.EqualTo("heart-failure-svc"));
            Assert.That((string?)swagger["paths"]!["/score"]!["post"]!["parameters"]![0]!["schema"]!["$ref"], Is.EqualTo("#/definitions/ServiceInput"));
            Assert.That((string?)rows["type"], Is.EqualTo("array"));
            Assert.That(rows["items"]!["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(HeartFeatures));
            Assert.That(rows["items"]!["properties"]!["age"]!["type"]!.GetValue<string>(), Is.EqualTo("number"));
            Assert.That(input["example"]!["data"]![0]!.AsObject().Select(p => p.Key), Is.EqualTo(HeartFeatures));
            Assert.That((string?)swagger["definitions"]!["ServiceOutput"]!["properties"]!["result"]!["items"]!["type"], Is.EqualTo("boolean"));
        });
    }

    [Test]
    public async Task Sklearn_Swagger_PositionalModel_RowsOfNFeaturesNumbers()
    {
        ScoringHost host = StartSklearn("iris");

        JsonObject swagger = JsonNode.Parse(await _http.GetStringAsync(host.Url("/swagger.json")))!.AsObject();

        JsonNode input = swagger["definitions"]!["ServiceInput"]!;
        JsonNode row = input["properties"]!["data"]!["items"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)row["type"], Is.EqualTo("array"));
            Assert.That((int)row["minItems"]!, Is.EqualTo(4));
            Assert.That((int)row["maxItems"]!, Is.EqualTo(4));
            Assert.That(input["example"]!["data"]![0]!.AsArray(), Has.Count.EqualTo(4));
            Assert.That((string?)swagger["definitions"]!["ServiceOutput"]!["properties"]!["result"]!["items"]!["type"], Is.EqualTo("integer"));
        });
    }

    [Test]
    public async Task Sklearn_TwentyParallelRequests_AllSucceed()
    {
        ScoringHost host = StartSklearn("iris");
        string expected = "[" + _expected["iris"]![0]!.ToJsonString() + "]";

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => PostAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2]]}""")));
        string[] results = await Task.WhenAll(responses.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!["result"]!.ToJsonString()));

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(results, Is.All.EqualTo(expected));
        });
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Key authentication
    // ------------------------------------------------------------------------------------------

    [Test]
    public async Task Auth_MissingOrWrongKey_401_EitherConfiguredKey_200()
    {
        ScoringHost host = StartSklearn("iris", authFile: WriteKeys("primary-key", "secondary-key"));
        const string Body = """{"data": [[5.1, 3.5, 1.4, 0.2]]}""";

        using HttpResponseMessage none = await PostAsync(host, Body);
        using HttpResponseMessage wrong = await PostAsync(host, Body, key: "primary-kez");
        using HttpResponseMessage primary = await PostAsync(host, Body, key: "primary-key");
        using HttpResponseMessage secondary = await PostAsync(host, Body, key: "secondary-key");
        using var swaggerRequest = new HttpRequestMessage(HttpMethod.Get, host.Url("/swagger.json"));
        using HttpResponseMessage swaggerWithoutKey = await _http.SendAsync(swaggerRequest);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await ErrorOf(none), Does.Contain("Authorization: Bearer"));
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(primary.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(secondary.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(swaggerWithoutKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Auth_KeyFileRewritten_NewKeyAcceptedAndOldRejectedWithoutRestart()
    {
        string keys = WriteKeys("old-key");
        ScoringHost host = StartSklearn("iris", authFile: keys);
        const string Body = """{"data": [[5.1, 3.5, 1.4, 0.2]]}""";
        using (HttpResponseMessage before = await PostAsync(host, Body, key: "old-key"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // Regenerate the key the way the SDK does: write a new file and replace the old one.
        string staging = keys + ".new";
        File.WriteAllText(staging, KeysJson("new-key"));
        File.Move(staging, keys, overwrite: true);

        using HttpResponseMessage oldKey = await PostAsync(host, Body, key: "old-key");
        using HttpResponseMessage newKey = await PostAsync(host, Body, key: "new-key");
        Assert.Multiple(() =>
        {
            Assert.That(oldKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(host.HasExited, Is.False);
        });
    }

    // ------------------------------------------------------------------------------------------
    // Entry scripts
    // ------------------------------------------------------------------------------------------

    [Test]
    public async Task EntryScript_InitOnce_RunGetsTheRawBodyString()
    {
        string initLog = _folder.Combine("init-calls.txt");
        ScoringHost host = StartEntryScript($$"""
            import json, os

            def init():
                with open({{PythonString(initLog)}}, "a") as f:
                    f.write("init\n")

            def run(raw_data):
                if isinstance(raw_data, str) and json.loads(raw_data).get("as_text"):
                    return "plain text"
                return {"type": type(raw_data).__name__, "raw": raw_data, "model_dir": os.environ.get("AZUREML_MODEL_DIR")}
            """, modelDir: _folder.Combine("azureml-models", "heart", "1"));

        JsonObject first = await ScoreOkAsync(host, """{"data": [[1, 2]],   "n": 1}""");
        JsonObject second = await ScoreOkAsync(host, """{"data": [[3, 4]], "n": 2}""");
        using HttpResponseMessage text = await PostAsync(host, """{"as_text": true}""");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(File.ReadAllLines(initLog), Is.EqualTo(new[] { "init" }));
            Assert.That((string?)first["type"], Is.EqualTo("str"));
            Assert.That((string?)first["raw"], Is.EqualTo("""{"data": [[1, 2]],   "n": 1}"""), "the body reaches run() unparsed");
            Assert.That((string?)second["raw"], Is.EqualTo("""{"data": [[3, 4]], "n": 2}"""));
            Assert.That((string?)first["model_dir"], Is.EqualTo(_folder.Combine("azureml-models", "heart", "1")));
            Assert.That(await text.Content.ReadAsStringAsync(), Is.EqualTo("\"plain text\""), "a str result is sent as a JSON string");
        });
    }

    [Test]
    public async Task EntryScript_RunRaises_500WithTheMessage_AndTheServiceStillAnswers()
    {
        ScoringHost host = StartEntryScript("""
            import json

            def init():
                pass

            def run(raw_data):
                if json.loads(raw_data).get("fail"):
                    raise KeyError("no such feature: bogus")
                return [1, 2, 3]
            """);

        using HttpResponseMessage failed = await PostAsync(host, """{"fail": true}""");
        JsonObject error = JsonNode.Parse(await failed.Content.ReadAsStringAsync())!.AsObject();
        using HttpResponseMessage invalid = await PostAsync(host, "not json");
        using HttpResponseMessage afterwards = await PostAsync(host, """{"fail": false}""");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(error.Select(p => p.Key), Is.EqualTo(new[] { "error" }), "no traceback or paths in the answer");
            Assert.That((string?)error["error"], Is.EqualTo("KeyError: 'no such feature: bogus'"));
            Assert.That(host.Output, Does.Contain("Traceback (most recent call last):").And.Contain("raise KeyError"), "the traceback goes to the log");
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorOf(invalid), Does.StartWith("Invalid JSON: "));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await afterwards.Content.ReadAsStringAsync(), Is.EqualTo("[1, 2, 3]"));
            Assert.That(host.HasExited, Is.False);
        });
    }

    [Test]
    public void EntryScript_InitRaises_FailedFileWithTraceback_ExitCode1_NothingListening()
    {
        int port = ReserveFreePort();

        ScoringHost host = StartEntryScript("""
            def init():
                raise FileNotFoundError("model.joblib is missing")

            def run(raw_data):
                return raw_data
            """, port: port, expectReady: false);

        JsonObject failed = JsonNode.Parse(File.ReadAllText(host.FailedFile))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(host.Process.WaitForExit(30_000), Is.True);
            Assert.That(host.Process.ExitCode, Is.EqualTo(1));
            Assert.That((string?)failed["error"], Is.EqualTo("FileNotFoundError: model.joblib is missing"));
            Assert.That((string?)failed["traceback"], Does.StartWith("Traceback (most recent call last):").And.Contain("in init"));
            Assert.That(File.Exists(host.ReadyFile), Is.False);
            Assert.That(IsListening(port), Is.False);
            Assert.That(host.Output, Does.Contain("FileNotFoundError: model.joblib is missing"));
        });
    }

    [Test]
    public void EntryScript_ImportError_FailedFileAndExitCode1()
    {
        ScoringHost host = StartEntryScript("import module_that_does_not_exist\n\ndef run(raw_data):\n    return 1\n", expectReady: false);

        JsonObject failed = JsonNode.Parse(File.ReadAllText(host.FailedFile))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(host.Process.WaitForExit(30_000), Is.True);
            Assert.That(host.Process.ExitCode, Is.EqualTo(1));
            Assert.That((string?)failed["error"], Does.StartWith("ModuleNotFoundError: No module named 'module_that_does_not_exist'"));
        });
    }

    [Test]
    public async Task EntryScript_ModelGetModelPathThroughTheShim_LoadsTheRegisteredModel()
    {
        string modelDir = _folder.Combine("azureml-models", "sklearn-iris", "1");
        Directory.CreateDirectory(modelDir);
        File.Copy(_models.Combine("iris.joblib"), Path.Combine(modelDir, "model.joblib"));
        string shim = Path.Combine(RepositoryPaths.Root, "src", "AzureML.Core", "Backends", "Local", "PythonShim");

        ScoringHost host = StartEntryScript("""
            import json
            import joblib
            from azureml.core.model import Model

            def init():
                global model
                model = joblib.load(Model.get_model_path("sklearn-iris"))

            def run(raw_data):
                return model.predict(json.loads(raw_data)["data"]).tolist()
            """, modelDir: modelDir, pythonPath: shim);

        using HttpResponseMessage response = await PostAsync(host, """{"data": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}""");

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(_expected["iris"]!.ToJsonString().Replace(",", ", ")));
    }

    [Test]
    public async Task EntryScript_Swagger_FromInputAndOutputSamples()
    {
        ScoringHost host = StartEntryScript("""
            import numpy as np

            input_sample = [{"age": 60, "anaemia": False, "serum_creatinine": 1.4}]
            output_sample = np.array([False])

            def init():
                pass

            def run(raw_data):
                return [False]
            """, serviceName: "automl-heart");

        JsonObject swagger = JsonNode.Parse(await _http.GetStringAsync(host.Url("/swagger.json")))!.AsObject();

        JsonNode input = swagger["definitions"]!["ServiceInput"]!;
        JsonNode output = swagger["definitions"]!["ServiceOutput"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)swagger["info"]!["title"], Is.EqualTo("automl-heart"));
            Assert.That(input["example"]!.ToJsonString(), Is.EqualTo("""{"data":[{"age":60,"anaemia":false,"serum_creatinine":1.4}]}"""));
            JsonNode row = input["properties"]!["data"]!["items"]!["properties"]!;
            Assert.That((string?)row["age"]!["type"], Is.EqualTo("integer"));
            Assert.That((string?)row["anaemia"]!["type"], Is.EqualTo("boolean"));
            Assert.That((string?)row["serum_creatinine"]!["type"], Is.EqualTo("number"));
            Assert.That(output["example"]!.ToJsonString(), Is.EqualTo("[false]"));
            Assert.That((string?)output["items"]!["type"], Is.EqualTo("boolean"));
        });
    }

    [Test]
    public async Task EntryScript_Swagger_WithoutSamples_GenericObject()
    {
        ScoringHost host = StartEntryScript("def init():\n    pass\n\ndef run(raw_data):\n    return raw_data\n");

        JsonObject swagger = JsonNode.Parse(await _http.GetStringAsync(host.Url("/swagger.json")))!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That((string?)swagger["definitions"]!["ServiceInput"]!["type"], Is.EqualTo("object"));
            Assert.That(swagger["paths"]!["/score"]!["post"], Is.Not.Null);
            Assert.That(swagger["paths"]!["/"]!["get"], Is.Not.Null);
        });
    }

    [Test]
    public async Task EntryScript_TwentyParallelRequests_AllSucceed()
    {
        ScoringHost host = StartEntryScript("""
            import json, threading

            def init():
                pass

            def run(raw_data):
                return {"n": json.loads(raw_data)["n"], "thread": threading.get_ident()}
            """);

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostAsync(host, "{\"n\": " + i + "}")));
        JsonNode[] bodies = await Task.WhenAll(responses.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!));

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(bodies.Select(b => (int)b["n"]!), Is.EqualTo(Enumerable.Range(0, 20)));
        });
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Throughput (manual)
    // ------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    private ScoringHost StartSklearn(string model, string? authFile = null, int? maxBodyBytes = null, string serviceName = "sklearn-svc")
    {
        var config = new JsonObject
        {
            ["serviceName"] = serviceName,
            ["mode"] = "sklearn",
            ["modelPath"] = _models.Combine(model + ".joblib"),
            ["authFile"] = authFile,
        };
        if (maxBodyBytes is int limit) config["maxBodyBytes"] = limit;
        return Start(config, port: 0, pythonPath: null, expectReady: true);
    }

    private ScoringHost StartEntryScript(string script, string? modelDir = null, string? pythonPath = null, int port = 0,
        bool expectReady = true, string serviceName = "entry-svc")
    {
        string source = _folder.Combine("source");
        string entry = _folder.Write(Path.Combine("source", "score.py"), script);
        var config = new JsonObject
        {
            ["serviceName"] = serviceName,
            ["mode"] = "entryScript",
            ["entryScript"] = entry,
            ["sourceDirectory"] = source,
            ["modelDir"] = modelDir,
            ["authFile"] = null,
        };
        return Start(config, port, pythonPath, expectReady);
    }

    private ScoringHost Start(JsonObject config, int port, string? pythonPath, bool expectReady)
    {
        string service = _folder.Combine("service-" + _hosts.Count);
        Directory.CreateDirectory(service);
        config["host"] = "127.0.0.1";
        config["port"] = port;
        config["readyFile"] = Path.Combine(service, "ready.json");
        config["failedFile"] = Path.Combine(service, "failed.json");
        string configPath = Path.Combine(service, "config.json");
        File.WriteAllText(configPath, config.ToJsonString());

        var start = new ProcessStartInfo(_python)
        {
            WorkingDirectory = service,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_hostScript);
        start.ArgumentList.Add(configPath);
        start.Environment["PYTHONUNBUFFERED"] = "1";
        if (pythonPath is not null) start.Environment["PYTHONPATH"] = pythonPath;

        var host = new ScoringHost(Process.Start(start)!, (string)config["readyFile"]!, (string)config["failedFile"]!);
        _hosts.Add(host);
        host.WaitForStartup(StartTimeout);
        if (expectReady)
        {
            Assert.That(File.Exists(host.ReadyFile), Is.True, "the host did not become ready:\n" + host.Output);
        }
        else
        {
            Assert.That(File.Exists(host.FailedFile), Is.True, "the host did not report a start-up failure:\n" + host.Output);
        }

        return host;
    }

    private string WriteKeys(params string[] keys) => _folder.Write("keys-" + Guid.NewGuid().ToString("N") + ".json", KeysJson(keys));

    private static string KeysJson(params string[] keys) =>
        new JsonObject { ["hashes"] = new JsonArray(keys.Select(k => (JsonNode)Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(k)))).ToArray()) }.ToJsonString();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> PostAsync(ScoringHost host, string body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.Url("/score")) { Content = Json(body) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostChunkedAsync(ScoringHost host, string body)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, host.Url("/score")) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return _http.SendAsync(request);
    }

    private async Task<JsonObject> ScoreOkAsync(ScoringHost host, string body)
    {
        using HttpResponseMessage response = await PostAsync(host, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return (string?)JsonNode.Parse(text)!["error"];
    }

    private static string PythonString(string value) => JsonSerializer.Serialize(value);

    private static int ReserveFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A started scoring host process with its captured output.</summary>
    private sealed class ScoringHost
    {
        private readonly StringBuilder _output = new();

        public ScoringHost(Process process, string readyFile, string failedFile)
        {
            Process = process;
            ReadyFile = readyFile;
            FailedFile = failedFile;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string ReadyFile { get; }

        public string FailedFile { get; }

        public int Port { get; private set; }

        public bool HasExited => Process.HasExited;

        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

        /// <summary>Waits (bounded) until the ready or failed file appears or the process exits.</summary>
        public void WaitForStartup(TimeSpan timeout)
        {
            var stopwatch = Stopwatch.StartNew();
            while (!File.Exists(ReadyFile) && !File.Exists(FailedFile) && !Process.HasExited && stopwatch.Elapsed < timeout)
            {
                Process.WaitForExit(50);
            }

            if (File.Exists(ReadyFile))
            {
                Port = (int)JsonNode.Parse(File.ReadAllText(ReadyFile))!["port"]!;
            }
        }

        public void Kill()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }
    }
}
