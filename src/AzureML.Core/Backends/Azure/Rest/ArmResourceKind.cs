namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>What a Resource Manager path names; decides the exception family and the words of an error.</summary>
internal enum ArmResourceKind
{
    Workspace,
    Compute,
    Code,
    Environment,
    Model,
    Data,
    Datastore,
    Job,
    OnlineEndpoint,
    OnlineDeployment,
    Registry,
    Experiment,
}
