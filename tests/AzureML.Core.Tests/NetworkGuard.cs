using System.Collections.Concurrent;
using System.Net;
using NUnit.Framework;

namespace AzureML.Core.Tests;

/// <summary>
/// Keeps every test on this machine: the process-wide default proxy sends any HTTP request that is not for a
/// loopback address to a closed local port, so it fails at once, and the run fails afterwards naming it. Real
/// credential chains (managed identity, Entra sign-in) go through HTTP too and are stopped the same way.
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

    [OneTimeSetUp]
    public void Install() => HttpClient.DefaultProxy = new LoopbackOnlyProxy();

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
