using System.ComponentModel;

namespace AzureML.Core.Webservices;

/// <summary>The state of a web service, as azureml-core reports it.</summary>
public readonly struct WebserviceState : IEquatable<WebserviceState>
{
    private readonly string? _value;

    /// <summary>Creates a state from its name.</summary>
    /// <param name="value">The name, for example <c>Healthy</c>.</param>
    public WebserviceState(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Being created or updated.</summary>
    public static WebserviceState Transitioning { get; } = new("Transitioning");
    /// <summary>Answering requests.</summary>
    public static WebserviceState Healthy { get; } = new("Healthy");
    /// <summary>Deployed but not answering (its host ended).</summary>
    public static WebserviceState Unhealthy { get; } = new("Unhealthy");
    /// <summary>The deployment failed; see <see cref="Webservice.Error"/>.</summary>
    public static WebserviceState Failed { get; } = new("Failed");
    /// <summary>Cannot be scheduled (not enough resources).</summary>
    public static WebserviceState Unschedulable { get; } = new("Unschedulable");

    /// <inheritdoc />
    public bool Equals(WebserviceState other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is WebserviceState other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The state's name.</summary>
    public override string ToString() => _value ?? "Transitioning";

    /// <summary>Compares two states.</summary>
    public static bool operator ==(WebserviceState left, WebserviceState right) => left.Equals(right);

    /// <summary>Compares two states.</summary>
    public static bool operator !=(WebserviceState left, WebserviceState right) => !left.Equals(right);
}
