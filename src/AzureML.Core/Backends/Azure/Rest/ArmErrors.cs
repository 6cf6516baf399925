using System.Text.Json;
using Azure;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>
/// Turns a failed Resource Manager or data-plane response into the SDK's exceptions: the service's error code
/// and HTTP status carried in <see cref="AzureMLException.ErrorCode"/> and <see cref="AzureMLException.Status"/>,
/// a message that names the resource and says what to do, and the <see cref="RequestFailedException"/> inside.
/// </summary>
internal static class ArmErrors
{
    /// <summary>The exception for a failed response to <paramref name="action"/> on <paramref name="resource"/>.</summary>
    /// <param name="response">The failed response.</param>
    /// <param name="action">What was being done, for example <c>create</c>.</param>
    /// <param name="resource">The resource the call was about.</param>
    /// <param name="workspace">The workspace, for messages; <c>null</c> outside one.</param>
    public static AzureMLException FromResponse(Response response, string action, ArmResourceRef resource, string? workspace)
    {
        ArmError? error = TryParse(response);
        var inner = new RequestFailedException(response.Status, Describe(response.Status, error), error?.Code, null);
        string code = error?.Code ?? DefaultCode(response.Status);
        string where = workspace is null ? "" : $" in workspace '{workspace}'";
        string detail = error?.Message is { Length: > 0 } m ? $": {m}" : "";
        string target = error?.Target is { Length: > 0 } t ? $" (target '{t}')" : "";
        string message = $"Could not {action} {resource}{where}: HTTP {response.Status} {code}{detail}{target}. {Advice(response.Status, resource)}".TrimEnd();
        return Create(resource.Kind, message, inner, code, response.Status);
    }

    /// <summary>The exception for a long-running operation that ended Failed, Canceled or out of time.</summary>
    public static AzureMLException FromOperation(ArmResourceKind kind, string message, string code, Exception? inner = null)
        => Create(kind, message, inner, code, null);

    private static AzureMLException Create(ArmResourceKind kind, string message, Exception? inner, string code, int? status) => kind switch
    {
        ArmResourceKind.Compute => new ComputeTargetException(message, inner) { ErrorCode = code, Status = status },
        ArmResourceKind.OnlineEndpoint or ArmResourceKind.OnlineDeployment => new WebserviceException(message, inner) { ErrorCode = code, Status = status },
        _ when status is 400 or 404 or 409 => new UserErrorException(message, inner) { ErrorCode = code, Status = status },
        _ => new AzureMLException(message, inner) { ErrorCode = code, Status = status },
    };

    /// <summary>
    /// Reads <c>error.code</c>, <c>message</c> and <c>target</c> from the ARM shape (also used by run history),
    /// or MLflow's <c>error_code</c> and <c>message</c>; <c>null</c> for any other body.
    /// </summary>
    public static ArmError? TryParse(Response response)
    {
        ReadOnlyMemory<byte> body = response.Content.ToMemory();
        if (body.IsEmpty) return null;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                return error.Deserialize(ArmJsonContext.Default.ArmError);
            }

            return root.TryGetProperty("error_code", out JsonElement code) && code.ValueKind == JsonValueKind.String
                ? new ArmError { Code = code.GetString(), Message = root.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(int status, ArmError? error)
        => error is null ? $"Service request failed with HTTP {status}." : $"{error.Code}: {error.Message}";

    private static string DefaultCode(int status) => status switch
    {
        401 => AzureMLErrorCode.AuthenticationFailed,
        403 => AzureMLErrorCode.AuthorizationFailed,
        404 => AzureMLErrorCode.ResourceNotFound,
        409 => AzureMLErrorCode.Conflict,
        _ => AzureMLErrorCode.UnexpectedResponse,
    };

    private static string Advice(int status, ArmResourceRef resource) => status switch
    {
        401 => "The credential was rejected: sign in again (az login, or check the service principal's secret) and make sure it is for the workspace's tenant.",
        403 => "The signed-in identity has no permission for this: ask for a role such as 'AzureML Data Scientist' or 'Contributor' on the workspace.",
        404 => $"Check the name of the {resource.ToString().Split(' ')[0]} and the workspace, subscription and resource group it should be in.",
        409 => "Another operation is changing it, or it exists in a state that does not allow this; wait for that operation or choose another name.",
        429 => "The service is throttling requests; try again later.",
        _ => "",
    };
}
