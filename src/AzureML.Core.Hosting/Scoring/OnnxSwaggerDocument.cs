using System.Text.Json;
using AzureML.Core.Onnx;

namespace AzureML.Core.Hosting.Scoring;

/// <summary>Builds the OpenAPI 2.0 description of an ONNX scoring service from the model's inputs and outputs.</summary>
internal static class OnnxSwaggerDocument
{
    public static byte[] Build(string serviceName, OnnxInputBinder binder, OnnxOutputWriter writer, OnnxModel model, bool authEnabled)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("swagger", "2.0");
            json.WriteStartObject("info");
            json.WriteString("title", serviceName);
            json.WriteString("description", $"API specification for the scoring service {serviceName} (ONNX model, {model.Inputs.Length} input(s)).");
            json.WriteString("version", "1.0");
            json.WriteEndObject();
            json.WriteStartArray("schemes");
            json.WriteStringValue("http");
            json.WriteEndArray();
            WriteStrings(json, "consumes", "application/json");
            WriteStrings(json, "produces", "application/json");
            if (authEnabled)
            {
                json.WriteStartObject("securityDefinitions");
                json.WriteStartObject("Bearer");
                json.WriteString("type", "apiKey");
                json.WriteString("name", "Authorization");
                json.WriteString("in", "header");
                json.WriteString("description", "Authorization: Bearer <key>, where <key> is one of the service keys.");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            WritePaths(json, authEnabled);
            json.WriteStartObject("definitions");
            WriteInput(json, binder);
            WriteOutput(json, writer, model);
            json.WriteStartObject("ErrorResponse");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("error");
            json.WriteString("type", "string");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WritePaths(Utf8JsonWriter json, bool authEnabled)
    {
        json.WriteStartObject("paths");
        json.WriteStartObject("/");
        json.WriteStartObject("get");
        json.WriteString("operationId", "ServiceHealthCheck");
        json.WriteString("description", "Simple health check endpoint to ensure the service is up at any given point.");
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", "If service is up and running, this response will be returned with the content 'Healthy'");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("/score");
        json.WriteStartObject("post");
        json.WriteString("operationId", "RunMLService");
        json.WriteString("description", "Run web service's model and get the prediction output");
        if (authEnabled)
        {
            json.WriteStartArray("security");
            json.WriteStartObject();
            json.WriteStartArray("Bearer");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("parameters");
        json.WriteStartObject();
        json.WriteString("name", "serviceInputPayload");
        json.WriteString("in", "body");
        json.WriteString("description", "The input payload for executing the real-time machine learning service.");
        json.WriteStartObject("schema");
        json.WriteString("$ref", "#/definitions/ServiceInput");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("responses");
        WriteResponse(json, "200", "The service processed the input correctly and provided a result prediction, if applicable.", "#/definitions/ServiceOutput");
        WriteResponse(json, "default", "The service failed to execute due to an error.", "#/definitions/ErrorResponse");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter json, string status, string description, string schema)
    {
        json.WriteStartObject(status);
        json.WriteString("description", description);
        json.WriteStartObject("schema");
        json.WriteString("$ref", schema);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, OnnxInputBinder binder)
    {
        json.WriteStartObject("ServiceInput");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("data");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        int count = binder.FeatureCount ?? 1;
        if (binder.ColumnNames is { } names)
        {
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            for (int i = 0; i < names.Count; i++)
            {
                json.WriteStartObject(names[i]);
                WriteType(json, binder.ColumnType(i));
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteString("type", "array");
            if (binder.FeatureCount is int fixedCount)
            {
                json.WriteNumber("minItems", fixedCount);
                json.WriteNumber("maxItems", fixedCount);
            }

            json.WriteStartObject("items");
            WriteType(json, binder.ColumnType(0));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("example");
        json.WriteStartArray("data");
        if (binder.ColumnNames is { } exampleNames)
        {
            json.WriteStartObject();
            for (int i = 0; i < exampleNames.Count; i++) WriteExample(json, exampleNames[i], binder.ColumnType(i));
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartArray();
            for (int i = 0; i < count; i++) WriteExample(json, null, binder.ColumnType(0));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter json, OnnxOutputWriter writer, OnnxModel model)
    {
        json.WriteStartObject("ServiceOutput");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("result");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        OnnxValueInfo label = model.Outputs.First(o => o.Name == writer.LabelOutput);
        WriteType(json, label.Type.ElementType);
        json.WriteEndObject();
        json.WriteEndObject();
        if (writer.ProbabilityOutput is not null)
        {
            json.WriteStartObject("probabilities");
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            json.WriteString("type", "object");
            json.WriteStartObject("additionalProperties");
            json.WriteString("type", "number");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter json, OnnxElementType type)
    {
        (string name, string? format) = type switch
        {
            OnnxElementType.Float => ("number", "float"),
            OnnxElementType.Double => ("number", "double"),
            OnnxElementType.Int64 => ("integer", "int64"),
            OnnxElementType.Int32 => ("integer", "int32"),
            OnnxElementType.Bool => ("boolean", null),
            _ => ("string", (string?)null),
        };
        json.WriteString("type", name);
        if (format is not null) json.WriteString("format", format);
    }

    private static void WriteExample(Utf8JsonWriter json, string? name, OnnxElementType type)
    {
        if (name is not null) json.WritePropertyName(name);
        switch (type)
        {
            case OnnxElementType.Bool:
                json.WriteBooleanValue(false);
                break;
            case OnnxElementType.String:
                json.WriteStringValue("");
                break;
            default:
                json.WriteNumberValue(0);
                break;
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, params string[] values)
    {
        json.WriteStartArray(name);
        foreach (string value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
