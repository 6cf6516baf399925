namespace AzureML.TestUtilities;

/// <summary>One way of getting a scoring request wrong.</summary>
/// <param name="Name">What is wrong with it, for tables.</param>
/// <param name="SendAsync">Sends one such request to the service on the port; returns the status, or null when the server closed without one.</param>
/// <param name="ExpectedStatus">The answer it must get; null when the server may just close the connection.</param>
/// <param name="FloatInputOnly">Malformed only for a model whose input is float32 (the ONNX iris model), not for float64 (scikit-learn).</param>
public sealed record MalformedRequestClass(string Name, Func<int, Task<int?>> SendAsync, int? ExpectedStatus, bool FloatInputOnly = false);
