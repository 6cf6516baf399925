using System.Collections.Concurrent;
using System.Net;
using NUnit.Framework;

namespace AzureML.Core.Tests;

/// <summary>
/// Keeps every test on this machine: the process-wide default proxy sends any HTTP request that is not for a
/// loopback address to a closed local port, so it fails at once, and the run fails afterwards naming it. Real
/// credential chains (managed identity, Entra sign-in) go through HTTP too and are stopped the same way; on top of
/// that, Azure.Identity's default chain is narrowed to the environment credential with no credential in the
/// environment, so a test that reaches it fails at once instead of probing the instance metadata endpoint or starting
/// the Azure CLI (processes the proxy cannot stop). Processes the tests start inherit the same environment.
/// </summary>
[SetUpFixture]
public sealed class NetworkGuard
{
    private static readonly ConcurrentQueue<Uri> s_blocked = new();

    /// <summary>Requests that tried to leave the machine.</summary>
    internal static IReadOnlyCollection<Uri> Blocked => s_blocked.ToArray();

    /// <summary>Forgets blocked requests a test caused on purpose.</summary>
    internal static void Forget(Func<Uri, bool> which)
    {
        var keep = s_blocked.Where(u => !which(u)).ToArray();
        s_blocked.Clear();
        foreach (Uri uri in keep) s_blocked.Enqueue(uri);
    }

    // Variables any Azure.Identity credential could sign in with.
    private static readonly string[] s_credentialVariables =
    [
        "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
        "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN_FILE",
        "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET",
    ];

    /// <summary>The value of <c>AZURE_TOKEN_CREDENTIALS</c> while the tests run: the default chain holds only this credential.</summary>
    internal const string DefaultChain = "EnvironmentCredential";

    [OneTimeSetUp]
    public void Install()
    {
        HttpClient.DefaultProxy = new LoopbackOnlyProxy();
        foreach (string variable in s_credentialVariables) System.Environment.SetEnvironmentVariable(variable, null);
        System.Environment.SetEnvironmentVariable("AZURE_TOKEN_CREDENTIALS", DefaultChain);
    }

    [OneTimeTearDown]
    public void Verify()
        => Assert.That(Blocked.Select(u => u.GetLeftPart(UriPartial.Path)), Is.Empty, "Tests tried to reach the network; only loopback is allowed.");

    private sealed class LoopbackOnlyProxy : IWebProxy
    {
        // The discard port: nothing listens, so the connection is refused immediately.
        private static readonly Uri s_deadEnd = new("http://127.0.0.1:9/");

        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination)
        {
            s_blocked.Enqueue(destination);
            return s_deadEnd;
        }

        public bool IsBypassed(Uri host) => host.IsLoopback;
    }
}
