using System.Buffers;

namespace AzureML.Core.Hosting;

/// <summary>
/// The few places where requests are read and scored at once (about one per core: scoring is CPU-bound, more at once
/// would only add memory), and the body buffers they reuse.
/// </summary>
/// <remarks>
/// The buffers come from a pool of the host's own that keeps at most one buffer of each size per place. The shared
/// pool would keep a buffer per size on every thread that ever returned one and up to 32 per size per core besides:
/// with large bodies, hundreds of megabytes that no collection frees.
/// </remarks>
internal sealed class ScoringPlaces
{
    private readonly SemaphoreSlim _places;
    private readonly ArrayPool<byte> _buffers;
    private readonly long _maxBodyBytes;

    /// <param name="maxBodyBytes">The largest body a request may have.</param>
    public ScoringPlaces(long maxBodyBytes)
    {
        int count = Math.Max(2, System.Environment.ProcessorCount);
        _places = new SemaphoreSlim(count);
        _maxBodyBytes = maxBodyBytes;
        _buffers = ArrayPool<byte>.Create((int)Math.Min(maxBodyBytes + 1, Array.MaxLength), count);
    }

    /// <summary>Waits for a free place.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _places.WaitAsync(cancellationToken);

    /// <summary>Frees the place taken by <see cref="EnterAsync"/>.</summary>
    public void Leave() => _places.Release();

    /// <summary>A buffer of at least <paramref name="length"/> bytes, at most the body limit and one byte.</summary>
    public byte[] Rent(long length) => _buffers.Rent((int)Math.Clamp(length, 1, _maxBodyBytes + 1));

    /// <summary>Gives back a buffer from <see cref="Rent"/>.</summary>
    public void Return(byte[] buffer) => _buffers.Return(buffer);
}
