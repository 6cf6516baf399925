using System.Net;
using System.Text.Json.Nodes;
using AzureML.Core.Internal;
using AzureML.Core.Onnx;
using AzureML.Core.Hosting.Scoring;
using AzureML.Core.Webservices.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;

namespace AzureML.Core.Hosting;

/// <summary>
/// The local web service host for ONNX models: Kestrel on 127.0.0.1 serving <c>GET /</c>, <c>POST /score</c>
/// and <c>GET /swagger.json</c> in front of an in-process <see cref="OnnxScorer"/>.
/// </summary>
internal static class OnnxServiceHost
{
    /// <summary>Connections served at once; more wait in the listen queue, so a flood of clients cannot exhaust memory.</summary>
    public const int MaxConnections = 1024;

    private static readonly TimeSpan s_requestHeadersTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_dataRateGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_keepAliveTimeout = TimeSpan.FromSeconds(30);

    // Over loopback a whole body takes milliseconds; one still arriving after this is a client that stalls.
    private static readonly TimeSpan s_bodyDeadline = TimeSpan.FromSeconds(15);

    public static int Run(string configPath)
    {
        ServiceHostConfig config = ServiceHostConfig.Read(configPath);
        WebApplication app;
        OnnxScorer scorer;
        try
        {
            ServiceAuthKeys? keys = config.AuthFile is null ? null : new ServiceAuthKeys(config.AuthFile);
            scorer = new OnnxScorer(OnnxModel.Load(config.ModelPath!), config.ServiceName, keys is not null);
            app = Build(config, scorer, keys);
            app.Start();
        }
        catch (Exception ex)
        {
            WriteAtomically(config.FailedFile, new JsonObject { ["error"] = $"{ex.GetType().Name}: {ex.Message}", ["traceback"] = ex.ToString() }.ToJsonString());
            Log('E', $"Start-up failed: {ex.Message}");
            return 1;
        }

        int port = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Port).First();
        WriteAtomically(config.ReadyFile, new JsonObject { ["port"] = port, ["pid"] = System.Environment.ProcessId }.ToJsonString());
        Log('I', $"Scoring service '{config.ServiceName}' listening on http://{config.Host}:{port}");
        app.WaitForShutdown();
        scorer.Dispose();
        return 0;
    }

    private static WebApplication Build(ServiceHostConfig config, OnnxScorer scorer, ServiceAuthKeys? keys)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = config.MaxBodyBytes;

            // A client that stops sending (its headers, or a body it announced) loses the connection within seconds, so
            // stalled or trickling clients cannot hold connections and the buffers behind them; an idle keep-alive
            // connection is closed after half a minute (HttpClient's pool reconnects transparently).
            kestrel.Limits.RequestHeadersTimeout = s_requestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: s_dataRateGrace);
            kestrel.Limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: s_dataRateGrace);
            kestrel.Limits.KeepAliveTimeout = s_keepAliveTimeout;
            kestrel.Limits.MaxConcurrentConnections = MaxConnections;
            kestrel.Listen(IPAddress.Parse(config.Host), config.Port);
        });
        WebApplication app = builder.Build();
        var places = new ScoringPlaces(config.MaxBodyBytes);
        app.Run(context => Handle(context, scorer, keys, places, config.MaxBodyBytes));
        return app;
    }

    private static async Task Handle(HttpContext context, OnnxScorer scorer, ServiceAuthKeys? keys, ScoringPlaces places, long maxBody)
    {
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? "/";
        if (path == "/" && HttpMethods.IsGet(request.Method))
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Healthy").ConfigureAwait(false);
            return;
        }

        if (keys is not null && !keys.IsAuthorized(request.Headers.Authorization))
        {
            await Respond(context, ScoringResponse.Error(401, "Authorization failed: send 'Authorization: Bearer <key>' with one of the service keys.")).ConfigureAwait(false);
            return;
        }

        switch (path)
        {
            case "/swagger.json" when HttpMethods.IsGet(request.Method):
                await Respond(context, new ScoringResponse(200, scorer.Swagger)).ConfigureAwait(false);
                return;
            case "/score" when HttpMethods.IsPost(request.Method):
                await Respond(context, await ScoreAsync(context, scorer, places, maxBody).ConfigureAwait(false)).ConfigureAwait(false);
                return;
            case "/score" or "/swagger.json" or "/":
                await Respond(context, ScoringResponse.Error(405, $"{request.Method} is not allowed on {path}.")).ConfigureAwait(false);
                return;
            default:
                await Respond(context, ScoringResponse.Error(404, $"No route {path}; the service answers GET /, POST /score and GET /swagger.json.")).ConfigureAwait(false);
                return;
        }
    }

    // A request is read and scored only while it holds one of a few places, so what bad or large requests make the host
    // hold at any moment is bounded: their bodies and tensors, and the places' buffers the bodies come back to.
    private static async Task<ScoringResponse> ScoreAsync(HttpContext context, OnnxScorer scorer, ScoringPlaces places, long maxBody)
    {
        HttpRequest request = context.Request;
        if (request.ContentLength > maxBody) return ScoringResponse.Error(413, $"The request body is {request.ContentLength} bytes; the limit is {maxBody}.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        byte[]? body = null;
        await places.EnterAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            // From when the request holds a place: time spent waiting for one behind large requests is the host's, not a
            // client that stalls.
            deadline.CancelAfter(s_bodyDeadline);
            int length;
            try
            {
                (body, length) = await ReadBodyAsync(request, places, deadline.Token).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return ScoringResponse.Error(413, $"The request body is over the limit of {maxBody} bytes.");
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                return ScoringResponse.Error(408, $"The request body did not arrive within {s_bodyDeadline.TotalSeconds:0} seconds.");
            }

            try
            {
                return scorer.Score(body.AsSpan(0, length));
            }
            catch (Exception ex)
            {
                Log('E', $"Scoring failed: {ex}");
                return ScoringResponse.Error(500, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
        finally
        {
            if (body is not null) places.Return(body);
            places.Leave();
        }
    }

    // Into a place's buffer, returned after scoring, so bodies leave no garbage on the large object heap.
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request, ScoringPlaces places, CancellationToken cancellationToken)
    {
        long? announced = request.ContentLength;
        byte[] buffer = places.Rent(announced ?? 16 * 1024);
        int length = 0;
        try
        {
            while (length < announced || announced is null)
            {
                if (length == buffer.Length)
                {
                    // A chunked body: grow; Kestrel stops it at maxBody (MaxRequestBodySize).
                    byte[] larger = places.Rent(2L * buffer.Length);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    places.Return(buffer);
                    buffer = larger;
                }

                int read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }

            return (buffer, length);
        }
        catch
        {
            places.Return(buffer);
            throw;
        }
    }

    private static Task Respond(HttpContext context, ScoringResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Body.Length;
        return context.Response.Body.WriteAsync(response.Body).AsTask();
    }

    private static void WriteAtomically(string path, string content) => FileWriting.WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(content));

    // azmlinfsrv's line format: <UTC time> | <level letter> [<pid>] <logger> - <message>
    private static void Log(char level, string message)
        => Console.Error.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss,fff} | {level} [{System.Environment.ProcessId}] azureml.onnxhost - {message}");
}
