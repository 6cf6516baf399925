using AzureML.Core.Backends;
using AzureML.Core.Internal;
using AzureML.Core.Webservices;

namespace AzureML.Core;

public partial class Model
{
    /// <summary>
    /// Deploys models as a web service and returns it while it starts (<c>Transitioning</c>); call
    /// <see cref="Webservice.WaitForDeployment"/> to wait until it is <c>Healthy</c>. Without an inference
    /// configuration an <see cref="Framework.Onnx"/> model is served by ONNX Runtime and a
    /// <see cref="Framework.ScikitLearn"/> model by a scikit-learn host (no-code deployment). On a local
    /// workspace every deployment becomes a service on 127.0.0.1 that outlives this program.
    /// </summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The service name: 3–32 lowercase letters, digits and dashes, starting with a letter.</param>
    /// <param name="models">The models to serve.</param>
    /// <param name="inferenceConfig">The entry script and environment; <c>null</c> for a no-code deployment.</param>
    /// <param name="deploymentConfig">Where and how: <see cref="AciWebservice.DeployConfiguration"/> (the default) or <see cref="LocalWebservice.DeployConfiguration"/>.</param>
    /// <param name="deploymentTarget">The compute to deploy to (a Kubernetes cluster on Azure); recorded on a local workspace, where every service runs on this machine.</param>
    /// <param name="overwrite">Replace a service of the same name instead of failing.</param>
    /// <exception cref="WebserviceException">A service of that name exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="UserErrorException">The name, the models or the configuration cannot be deployed.</exception>
    public static Webservice Deploy(Workspace workspace, string name, IEnumerable<Model> models, InferenceConfig? inferenceConfig = null,
        WebserviceDeploymentConfiguration? deploymentConfig = null, Compute.ComputeTarget? deploymentTarget = null, bool overwrite = false)
        => SynchronousCall.Run(() => DeployAsync(workspace, name, models, inferenceConfig, deploymentConfig, deploymentTarget, overwrite));

    /// <inheritdoc cref="Deploy"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The service name.</param>
    /// <param name="models">The models to serve.</param>
    /// <param name="inferenceConfig">The entry script and environment.</param>
    /// <param name="deploymentConfig">Where and how.</param>
    /// <param name="deploymentTarget">The compute to deploy to.</param>
    /// <param name="overwrite">Replace a service of the same name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Webservice> DeployAsync(Workspace workspace, string name, IEnumerable<Model> models, InferenceConfig? inferenceConfig = null,
        WebserviceDeploymentConfiguration? deploymentConfig = null, Compute.ComputeTarget? deploymentTarget = null, bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNull(models, nameof(models));
        ServiceDeploymentRequest request = ModelDeployment.Request(name, ModelDeployment.References(models), inferenceConfig, deploymentConfig, overwrite);
        if (deploymentTarget is not null)
        {
            request = request with { Properties = new Dictionary<string, string>(request.Properties) { ["deploymentTarget"] = deploymentTarget.Name } };
        }

        ServiceRecord record = await workspace.Backend.Deployments.DeployAsync(request, cancellationToken).ConfigureAwait(false);
        return Webservice.FromRecord(workspace, record);
    }
}
