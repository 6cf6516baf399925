namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Names the resource a call is about, so an error can say which one failed.</summary>
internal sealed record ArmResourceRef(ArmResourceKind Kind, string Name, string? Version = null)
{
    /// <summary>For example <c>compute 'cpu-cluster'</c> or <c>model 'iris' version 3</c>.</summary>
    public override string ToString()
    {
        string kind = Kind switch
        {
            ArmResourceKind.Compute => "compute",
            ArmResourceKind.Code => "code asset",
            ArmResourceKind.Environment => "environment",
            ArmResourceKind.Model => "model",
            ArmResourceKind.Data => "data asset",
            ArmResourceKind.Datastore => "datastore",
            ArmResourceKind.Job => "job",
            ArmResourceKind.Experiment => "experiment",
            ArmResourceKind.OnlineEndpoint => "online endpoint",
            ArmResourceKind.OnlineDeployment => "online deployment",
            ArmResourceKind.Registry => "registry",
            _ => "workspace",
        };
        return Version is null ? $"{kind} '{Name}'" : $"{kind} '{Name}' version {Version}";
    }
}
