using AzureML.Core;

namespace AzureML.Train.AutoML;

/// <summary>
/// An AutoML setting is missing, out of range or in conflict with another (azureml's <c>ConfigException</c>).
/// The message names the parameter and says what is allowed.
/// </summary>
public class ConfigException : UserErrorException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <param name="parameterName">The <c>AutoMLConfig</c> parameter at fault.</param>
    public ConfigException(string message, string? parameterName = null)
        : base(message)
    {
        ParameterName = parameterName;
    }

    /// <summary>The <c>AutoMLConfig</c> parameter at fault, when there is one.</summary>
    public string? ParameterName { get; }
}
