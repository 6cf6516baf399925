namespace AzureML.Core.Backends.Local;

/// <summary>A Python interpreter found on this machine and what it has installed.</summary>
/// <param name="Path">The interpreter's path as it reports it (<c>sys.executable</c>).</param>
/// <param name="Identity">What makes two paths one interpreter: its resolved executable and its prefix (a virtual environment of the same executable is another).</param>
/// <param name="Version">Its version, e.g. <c>3.11.2</c>.</param>
/// <param name="HasAzureMLCore">Whether <c>azureml.core</c> imports in it (else the SDK's shim is used).</param>
/// <param name="Distributions">Installed distributions: normalized name → version.</param>
/// <param name="StandardModules">The modules of its standard library (<c>sys.stdlib_module_names</c>; empty before Python 3.10).</param>
internal sealed record PythonInterpreter(string Path, string Identity, string Version, bool HasAzureMLCore, IReadOnlyDictionary<string, string> Distributions,
    IReadOnlySet<string> StandardModules);
