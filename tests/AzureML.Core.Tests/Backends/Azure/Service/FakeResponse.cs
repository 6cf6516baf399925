using System.Text.Json.Nodes;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>What the fake service answers: a status, a JSON (or text) body and headers.</summary>
internal sealed record FakeResponse(int Status, JsonNode? Body = null, string? Text = null, params (string, string)[] Headers)
{
    public ScriptedResponse ToScripted()
    {
        if (Text is not null)
        {
            return new ScriptedResponse(Status, null, Headers) { ContentStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Text)) };
        }

        return new ScriptedResponse(Status, Body?.ToJsonString(), Headers);
    }
}
