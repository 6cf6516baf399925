using System.Net;
using System.Text.Json.Nodes;
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

namespace AzureML.Core.Hosting;

/// <summary>
/// The local web service host for ONNX models: Kestrel on 127.0.0.1 serving <c>GET /</c>, <c>POST /score</c>
/// and <c>GET /swagger.json</c> in front of an in-process <see cref="OnnxScorer"/>.
/// </summary>
internal static class OnnxServiceHost
{
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
            kestrel.Listen(IPAddress.Parse(config.Host), config.Port);
        });
        WebApplication app = builder.Build();
        app.Run(context => Handle(context, scorer, keys, config.MaxBodyBytes));
        return app;
    }

    private static async Task Handle(HttpContext context, OnnxScorer scorer, ServiceAuthKeys? keys, long maxBody)
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
                if (request.ContentLength > maxBody)
                {
                    await Respond(context, ScoringResponse.Error(413, $"The request body is {request.ContentLength} bytes; the limit is {maxBody}.")).ConfigureAwait(false);
                    return;
                }

                byte[] body;
                try
                {
                    body = await ReadBody(request).ConfigureAwait(false);
                }
                catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    await Respond(context, ScoringResponse.Error(413, $"The request body is over the limit of {maxBody} bytes.")).ConfigureAwait(false);
                    return;
                }

                ScoringResponse response;
                try
                {
                    response = scorer.Score(body);
                }
                catch (Exception ex)
                {
                    Log('E', $"Scoring failed: {ex}");
                    response = ScoringResponse.Error(500, $"{ex.GetType().Name}: {ex.Message}");
                }

                await Respond(context, response).ConfigureAwait(false);
                return;
            case "/score" or "/swagger.json" or "/":
                await Respond(context, ScoringResponse.Error(405, $"{request.Method} is not allowed on {path}.")).ConfigureAwait(false);
                return;
            default:
                await Respond(context, ScoringResponse.Error(404, $"No route {path}; the service answers GET /, POST /score and GET /swagger.json.")).ConfigureAwait(false);
                return;
        }
    }

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        if (request.ContentLength is long length and < int.MaxValue)
        {
            byte[] buffer = new byte[length];
            int read = 0;
            while (read < buffer.Length)
            {
                int n = await request.Body.ReadAsync(buffer.AsMemory(read)).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }

            return read == buffer.Length ? buffer : buffer[..read];
        }

        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy).ConfigureAwait(false);
        return copy.ToArray();
    }

    private static Task Respond(HttpContext context, ScoringResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Body.Length;
        return context.Response.Body.WriteAsync(response.Body).AsTask();
    }

    private static void WriteAtomically(string path, string content)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    // azmlinfsrv's line format: <UTC time> | <level letter> [<pid>] <logger> - <message>
    private static void Log(char level, string message)
        => Console.Error.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss,fff} | {level} [{System.Environment.ProcessId}] azureml.onnxhost - {message}");
}
