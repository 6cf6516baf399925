using AzureML.Core;
using AzureML.Core.Interactive.Formatting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace AzureML.Widgets;

/// <summary>
/// The run widget of azureml's notebooks, <c>RunDetails(run).show()</c>: one display that updates in place while the
/// run goes on — status and times, the streamed output's last lines, child runs (the leaderboard for an AutoML run),
/// a line chart per logged series, and the confusion matrix and ROC curve of AutoML trials. Everything it shows is
/// read through the run's public API, so it works for any run the SDK can read.
/// </summary>
/// <remarks>
/// Both <c>AzureML.Core</c> and <c>AzureML.Widgets</c> have a <c>RunDetails</c>; a notebook that imports both
/// namespaces writes <c>using RunDetails = AzureML.Widgets.RunDetails;</c>.
/// </remarks>
public sealed class RunDetails
{
    private readonly LogTailBuffer _log;
    private RunSnapshot? _snapshot;

    static RunDetails() => AzureMLFormatters.Register();

    /// <summary>Creates the widget for a run.</summary>
    /// <param name="runInstance">The run to show: a script run, an AutoML run or any other.</param>
    public RunDetails(Run runInstance)
    {
        Run = runInstance ?? throw new ArgumentNullException(nameof(runInstance));
        _log = new LogTailBuffer(LogLines);
    }

    /// <summary>The run shown.</summary>
    public Run Run { get; }

    /// <summary>How often the display is refreshed while the run goes on; default 2 seconds.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many of the output's last lines are shown.</summary>
    public const int LogLines = 25;

    /// <summary>
    /// Shows the widget and keeps it up to date until the run ends, then returns. In a notebook the display updates
    /// in place; elsewhere the run's output is written to the console, then the final state. Interrupting the cell
    /// stops watching; the run goes on.
    /// </summary>
    public void Show() => ShowAsync().GetAwaiter().GetResult();

    /// <inheritdoc cref="Show"/>
    /// <param name="cancellationToken">Stops watching (the run goes on).</param>
    public async Task ShowAsync(CancellationToken cancellationToken = default)
    {
        KernelInvocationContext? notebook = KernelInvocationContext.Current;
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, notebook?.CancellationToken ?? CancellationToken.None);
        Action<string> output = notebook is null ? line => { _log.Add(line); Console.WriteLine(line); } : _log.Add;
        Task ended = Run.WaitForCompletionAsync(output, raiseOnError: false, watching.Token);
        try
        {
            await RefreshAsync(watching.Token).ConfigureAwait(false);
            DisplayedValue? display = notebook?.Display(this, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
            while (!ended.IsCompleted)
            {
                await Task.WhenAny(ended, Task.Delay(RefreshInterval, watching.Token)).ConfigureAwait(false);
                watching.Token.ThrowIfCancellationRequested();
                await RefreshAsync(watching.Token).ConfigureAwait(false);
                display?.Update(this);
            }

            await ended.ConfigureAwait(false);
            await RefreshAsync(watching.Token).ConfigureAwait(false);
            display?.Update(this);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The notebook cell was interrupted: the display keeps its last state and the run goes on.
        }
        finally
        {
            // Whatever ended the watch, the wait for the run's end stops with it.
            await watching.CancelAsync().ConfigureAwait(false);
        }

        if (notebook is null) Console.WriteLine(ToString());
    }

    /// <summary>Reads the run again: status, metrics, children, files (the output tail comes from <see cref="Show"/>).</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
        => _snapshot = await RunSnapshot.ReadAsync(Run, _log.Lines(), cancellationToken).ConfigureAwait(false);

    /// <summary>The widget as HTML, as the notebook shows it (reads the run first if it was never read).</summary>
    public string ToHtml() => RunHtml.Render(Snapshot());

    /// <summary>The widget as text: status and times, metrics, child runs or trials, the output's last lines.</summary>
    public override string ToString() => RunText.Render(Snapshot());

    private RunSnapshot Snapshot()
    {
        if (_snapshot is null) RefreshAsync().GetAwaiter().GetResult();
        return _snapshot!;
    }
}
