using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>
/// Reads a Resource Manager list page by page, following <c>nextLink</c> verbatim, as a
/// <see cref="Pageable{T}"/> or <see cref="AsyncPageable{T}"/>. Pages are fetched only as they are enumerated.
/// </summary>
internal sealed class ArmPager<T> where T : notnull
{
    private readonly HttpPipeline _pipeline;
    private readonly Func<HttpMessage> _createFirstPage;
    private readonly Func<Response, ArmList<T>> _read;
    private readonly Func<Response, Exception> _error;

    public ArmPager(HttpPipeline pipeline, Func<HttpMessage> createFirstPage, Func<Response, ArmList<T>> read, Func<Response, Exception> error)
    {
        _pipeline = pipeline;
        _createFirstPage = createFirstPage;
        _read = read;
        _error = error;
    }

    /// <summary>The list as a synchronous pageable.</summary>
    public Pageable<T> AsPageable(CancellationToken cancellationToken) => new SyncPageable(this, cancellationToken);

    /// <summary>The list as an asynchronous pageable.</summary>
    public AsyncPageable<T> AsAsyncPageable(CancellationToken cancellationToken) => new AsyncPages(this, cancellationToken);

    /// <summary>
    /// Every item, fetching each page only when enumeration reaches it. With <paramref name="async"/> false the pages
    /// are read with the pipeline's synchronous <c>Send</c>, so every step completes at once.
    /// </summary>
    public async IAsyncEnumerable<T> EnumerateAsync(bool async, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            Page<T> page = await GetPageAsync(next, async, cancellationToken).ConfigureAwait(false);
            foreach (T value in page.Values) yield return value;
            next = page.ContinuationToken;
        }
        while (next is not null);
    }

    /// <summary>One page: the first when <paramref name="nextLink"/> is null.</summary>
    public async ValueTask<Page<T>> GetPageAsync(string? nextLink, bool async, CancellationToken cancellationToken)
    {
        // Not disposed: the page keeps the buffered response for GetRawResponse().
        HttpMessage message = nextLink is null ? _createFirstPage() : CreateNextPage(nextLink);
        Response response = await RestCall.SendAsync(_pipeline, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw _error(response);
        ArmList<T> page = _read(response);
        string? next = string.IsNullOrEmpty(page.NextLink) ? null : page.NextLink;
        return Page<T>.FromValues((IReadOnlyList<T>?)page.Value ?? Array.Empty<T>(), next, response);
    }

    private HttpMessage CreateNextPage(string nextLink)
    {
        HttpMessage message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri(nextLink, UriKind.Absolute));
        message.Request.Headers.Add("Accept", "application/json");
        return message;
    }

    private sealed class SyncPageable : Pageable<T>
    {
        private readonly ArmPager<T> _pager;

        public SyncPageable(ArmPager<T> pager, CancellationToken cancellationToken) : base(cancellationToken) => _pager = pager;

        public override IEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            string? next = continuationToken;
            do
            {
                Page<T> page = _pager.GetPageAsync(next, async: false, CancellationToken).EnsureCompleted();
                yield return page;
                next = page.ContinuationToken;
            }
            while (next is not null);
        }
    }

    private sealed class AsyncPages : AsyncPageable<T>
    {
        private readonly ArmPager<T> _pager;

        public AsyncPages(ArmPager<T> pager, CancellationToken cancellationToken) : base(cancellationToken) => _pager = pager;

        public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            string? next = continuationToken;
            do
            {
                Page<T> page = await _pager.GetPageAsync(next, async: true, CancellationToken).ConfigureAwait(false);
                yield return page;
                next = page.ContinuationToken;
            }
            while (next is not null);
        }
    }
}
