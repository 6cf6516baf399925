using Azure;
using Azure.Core;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Files on the web (a dataset read from a URL) fetched through the anonymous pipeline: no token goes to a third party.</summary>
internal sealed class WebFileClient
{
    private readonly AzureMLPipelines _pipelines;

    public WebFileClient(AzureMLPipelines pipelines) => _pipelines = pipelines;

    /// <summary>The body of <paramref name="url"/>, streamed.</summary>
    /// <exception cref="UserErrorException">The server answered an error status.</exception>
    public async ValueTask<Stream> OpenAsync(Uri url, bool async, CancellationToken cancellationToken)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(url);
        HttpMessage message = RestCall.CreateMessage(_pipelines.Anonymous, RequestMethod.Get, uri);
        message.BufferResponse = false;
        message.Request.Headers.SetValue("Accept", "*/*");
        Response response = await RestCall.SendAsync(_pipelines.Anonymous, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status is < 200 or >= 300)
        {
            message.Dispose();
            throw new UserErrorException($"Downloading '{RestCall.Redact(url)}' failed: HTTP {response.Status} {response.ReasonPhrase}.", new RequestFailedException(response))
            {
                Status = response.Status,
            };
        }

        return new OwningStream(response.ContentStream ?? Stream.Null, message);
    }

    /// <summary>The body's stream; disposing it releases the message and its connection.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
