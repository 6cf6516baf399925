using System.ComponentModel;

namespace AzureML.Core;

/// <summary>
/// The status of a run, with the 15 values azureml-core uses. A readonly struct rather than an enum so a
/// value the service adds later still round-trips.
/// </summary>
public readonly struct RunStatus : IEquatable<RunStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its service name.</summary>
    /// <param name="value">The name, for example <c>Running</c>.</param>
    public RunStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Created, not yet submitted for execution.</summary>
    public static RunStatus NotStarted { get; } = new("NotStarted");
    /// <summary>Waiting for compute.</summary>
    public static RunStatus Queued { get; } = new("Queued");
    /// <summary>Preparing the environment and the working copy.</summary>
    public static RunStatus Preparing { get; } = new("Preparing");
    /// <summary>Compute is being provisioned.</summary>
    public static RunStatus Provisioning { get; } = new("Provisioning");
    /// <summary>The run is starting.</summary>
    public static RunStatus Starting { get; } = new("Starting");
    /// <summary>The script is executing.</summary>
    public static RunStatus Running { get; } = new("Running");
    /// <summary>Cancellation was asked for and is in progress.</summary>
    public static RunStatus CancelRequested { get; } = new("CancelRequested");
    /// <summary>The run was canceled (terminal).</summary>
    public static RunStatus Canceled { get; } = new("Canceled");
    /// <summary>The script ended; outputs are being collected.</summary>
    public static RunStatus Finalizing { get; } = new("Finalizing");
    /// <summary>The run succeeded (terminal).</summary>
    public static RunStatus Completed { get; } = new("Completed");
    /// <summary>The run failed (terminal).</summary>
    public static RunStatus Failed { get; } = new("Failed");
    /// <summary>The run waits for approval.</summary>
    public static RunStatus Unapproved { get; } = new("Unapproved");
    /// <summary>The run stopped sending heartbeats.</summary>
    public static RunStatus NotResponding { get; } = new("NotResponding");
    /// <summary>The run is pausing.</summary>
    public static RunStatus Pausing { get; } = new("Pausing");
    /// <summary>The run is paused.</summary>
    public static RunStatus Paused { get; } = new("Paused");

    /// <summary>All 15 known values.</summary>
    public static IReadOnlyList<RunStatus> All { get; } = new[]
    {
        NotStarted, Queued, Preparing, Provisioning, Starting, Running, CancelRequested, Canceled,
        Finalizing, Completed, Failed, Unapproved, NotResponding, Pausing, Paused,
    };

    /// <summary>True for <c>Completed</c>, <c>Failed</c> and <c>Canceled</c>.</summary>
    public bool IsTerminal => this == Completed || this == Failed || this == Canceled;

    /// <inheritdoc />
    public bool Equals(RunStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The service name of the status.</summary>
    public override string ToString() => _value ?? "NotStarted";

    /// <summary>Compares two statuses.</summary>
    public static bool operator ==(RunStatus left, RunStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    public static bool operator !=(RunStatus left, RunStatus right) => !left.Equals(right);

    /// <summary>Converts a service name to a status.</summary>
    public static implicit operator RunStatus(string value) => new(value);
}
