using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AzureML.Core.Compute;

/// <summary>
/// <see cref="Workspace.ComputeTargets"/>: names compare case-insensitively, and a missing name throws a
/// <see cref="KeyNotFoundException"/> that names it and lists the targets that exist.
/// </summary>
internal sealed class ComputeTargetDictionary : IReadOnlyDictionary<string, ComputeTarget>
{
    private readonly Dictionary<string, ComputeTarget> _targets;
    private readonly string _workspaceName;

    public ComputeTargetDictionary(IEnumerable<ComputeTarget> targets, string workspaceName)
    {
        _targets = targets.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        _workspaceName = workspaceName;
    }

    public ComputeTarget this[string key] => _targets.TryGetValue(key, out ComputeTarget? target)
        ? target
        : throw new KeyNotFoundException(
            $"Compute target '{key}' was not found in workspace '{_workspaceName}'. Existing compute targets: " +
            (_targets.Count == 0 ? "(none)" : string.Join(", ", _targets.Keys.Order(StringComparer.OrdinalIgnoreCase))) +
            $". Create it with ComputeTarget.Create(ws, \"{key}\", AmlCompute.ProvisioningConfiguration(...)).");

    public IEnumerable<string> Keys => _targets.Keys;
    public IEnumerable<ComputeTarget> Values => _targets.Values;
    public int Count => _targets.Count;
    public bool ContainsKey(string key) => _targets.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ComputeTarget value) => _targets.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, ComputeTarget>> GetEnumerator() => _targets.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
