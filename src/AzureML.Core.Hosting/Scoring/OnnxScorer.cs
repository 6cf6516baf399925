using System.Buffers;
using System.Text.Json;
using AzureML.Core.Onnx;

namespace AzureML.Core.Hosting.Scoring;

/// <summary>
/// Serves an ONNX model in-process with the web service contract: a JSON request body in, a JSON response
/// body and status out. Thread-safe; the HTTP host calls it concurrently.
/// </summary>
internal sealed class OnnxScorer : IDisposable
{
    private readonly OnnxModel _model;
    private readonly OnnxInputBinder _binder;
    private readonly OnnxOutputWriter _writer;

    public OnnxScorer(OnnxModel model, string serviceName, bool authEnabled)
    {
        _model = model;
        _binder = new OnnxInputBinder(model);
        _writer = new OnnxOutputWriter(model);
        Swagger = OnnxSwaggerDocument.Build(serviceName, _binder, _writer, model, authEnabled);
    }

    /// <summary>The OpenAPI 2.0 document of the service, as UTF-8 JSON.</summary>
    public byte[] Swagger { get; }

    public ScoringResponse Score(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
            if (body[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).Length > 0)
            {
                document.Dispose();
                return ScoringResponse.Error(400, $"Invalid JSON: unexpected content after the JSON value at byte {reader.BytesConsumed}.");
            }
        }
        catch (JsonException ex)
        {
            return ScoringResponse.Error(400, $"Invalid JSON: {ex.Message}");
        }

        using (document)
        {
            try
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out JsonElement data))
                {
                    return ScoringResponse.Error(400, "The request body must be a JSON object with a 'data' member, e.g. {\"data\": [[1.0, 2.0]]}.");
                }

                OnnxTensor[] inputs = _binder.Bind(data);
                OnnxRunResult result = _model.Run(inputs);
                var buffer = new ArrayBufferWriter<byte>(256);
                using (var json = new Utf8JsonWriter(buffer))
                {
                    _writer.Write(json, result);
                }

                return new ScoringResponse(200, buffer.WrittenSpan.ToArray());
            }
            catch (ScoringRequestException ex)
            {
                return ScoringResponse.Error(ex.StatusCode, ex.Message);
            }
            catch (OnnxRuntimeException ex)
            {
                return ScoringResponse.Error(400, $"The model rejected the input: {ex.Message}");
            }
            catch (OverflowException ex)
            {
                return ScoringResponse.Error(400, ex.Message);
            }
        }
    }

    public void Dispose() => _model.Dispose();
}
