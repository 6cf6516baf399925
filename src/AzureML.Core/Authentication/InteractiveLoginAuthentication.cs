using Azure.Core;
using Azure.Identity;

namespace AzureML.Core.Authentication;

/// <summary>
/// Signs in a person: in a browser, or with a device code (printed with the URL to open) for machines
/// without one, as azureml-core's <c>InteractiveLoginAuthentication</c> does. This is the only
/// authentication that prompts, and only when it is chosen explicitly.
/// </summary>
public sealed class InteractiveLoginAuthentication : AbstractAuthentication
{
    private readonly Action<string> _printDeviceCode;

    /// <summary>Creates the authentication.</summary>
    /// <param name="tenantId">The tenant to sign in to; <c>null</c> for the account's home tenant.</param>
    /// <param name="useDeviceCode">Sign in with a device code instead of opening a browser.</param>
    /// <param name="deviceCodeMessage">Receives the device-code instructions; default the console.</param>
    public InteractiveLoginAuthentication(string? tenantId = null, bool useDeviceCode = false, Action<string>? deviceCodeMessage = null)
    {
        TenantId = string.IsNullOrEmpty(tenantId) ? null : tenantId;
        UseDeviceCode = useDeviceCode;
        _printDeviceCode = deviceCodeMessage ?? Console.WriteLine;
    }

    /// <summary>The tenant signed in to, or <c>null</c> for the account's home tenant.</summary>
    public string? TenantId { get; }

    /// <summary>True when sign-in uses a device code instead of a browser.</summary>
    public bool UseDeviceCode { get; }

    /// <inheritdoc />
    protected override TokenCredential CreateCredential(AzureMLCloud cloud)
        => UseDeviceCode
            ? new DeviceCodeCredential(new DeviceCodeCredentialOptions
            {
                TenantId = TenantId,
                AuthorityHost = cloud.AuthorityHost,
                DeviceCodeCallback = (code, _) =>
                {
                    _printDeviceCode(code.Message);
                    return Task.CompletedTask;
                },
            })
            : new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions { TenantId = TenantId, AuthorityHost = cloud.AuthorityHost });

    /// <inheritdoc />
    public override string ToString() => $"InteractiveLoginAuthentication(tenantId={TenantId ?? "home"}, useDeviceCode={UseDeviceCode})";
}
