using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
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
        // The parser checks structure, not the bytes inside strings; text that is no UTF-8 is refused up front.
        if (!Utf8.IsValid(body))
        {
            int offset = FirstInvalidUtf8(body);
            return ScoringResponse.Error(400, string.Create(CultureInfo.InvariantCulture,
                $"Invalid JSON: the body is not UTF-8 text (the byte 0x{body[offset]:X2} at offset {offset} starts no valid UTF-8 sequence); send the JSON encoded as UTF-8."));
        }

        try
        {
            // Rows are read straight from the body into the input tensors: no parsed document, no copy of the body.
            OnnxTensor[] inputs = _binder.Bind(body, RequestRows.Find(body));
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
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        Span<char> scratch = stackalloc char[512];
        int offset = 0;
        while (true)
        {
            OperationStatus status = Utf8.ToUtf16(body[offset..], scratch, out int read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != OperationStatus.DestinationTooSmall) return offset;
        }
    }

    public void Dispose() => _model.Dispose();
}
