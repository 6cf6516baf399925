using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace AzureML.Core.Tests.Backends.Azure.Blobs;

/// <summary>
/// The Azure Storage emulator's blob service, started on a free loopback port for the life of this object, with
/// its data in a temporary folder. Installed by <c>tests/build/ensure-azurite.sh</c> (run before every build of
/// the projects that use it).
/// </summary>
internal sealed partial class AzuriteServer : IDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development account's published key (not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _data;

    private AzuriteServer(Process process, string data, Uri blobEndpoint)
    {
        _process = process;
        _data = data;
        BlobEndpoint = blobEndpoint;
    }

    /// <summary><c>http://127.0.0.1:port/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The shared-key credential of the development account.</summary>
    public static StorageSharedKeyCredential Credential => new(AccountName, AccountKey);

    /// <summary>Starts Azurite and waits until it says where it listens.</summary>
    /// <param name="repositoryRoot">The repository root, where <c>.tools/azurite</c> is installed.</param>
    public static AzuriteServer Start(string repositoryRoot)
    {
        string bin = Path.Combine(repositoryRoot, ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed at '{bin}'. Build the test project (it runs tests/build/ensure-azurite.sh), or run that script.");
        }

        string data = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo(bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", "0", "--location", data, "--skipApiVersionCheck" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{bin}'.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + "/" + AccountName));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) output.Enqueue(e.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Azurite exited before listening:\n" + string.Join("\n", output)));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Azurite did not report a listening port within 60 seconds:\n" + string.Join("\n", output));
        }

        return new AzuriteServer(process, data, listening.Task.Result);
    }

    /// <summary>Creates a container and returns a container SAS URI for it, as <c>startPendingUpload</c> hands out.</summary>
    public Uri CreateContainerWithSas(string name)
    {
        var container = new BlobContainerClient(new Uri(BlobEndpoint + "/" + name), Credential);
        container.CreateIfNotExists();
        var sas = new BlobSasBuilder(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Create
            | BlobContainerSasPermissions.List | BlobContainerSasPermissions.Delete, DateTimeOffset.UtcNow.AddHours(2))
        {
            BlobContainerName = name,
        };
        return new BlobUriBuilder(container.Uri) { Sas = sas.ToSasQueryParameters(Credential) }.ToUri();
    }

    /// <summary>A shared-key client of a container, for checks behind the SDK's back.</summary>
    public BlobContainerClient Container(string name) => new(new Uri(BlobEndpoint + "/" + name), Credential);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still hold a file for a moment; the temp folder is cleaned by the OS later.
            }
        }
    }

    [GeneratedRegex(@"listens on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
