using AzureML.Core.Interactive.Formatting;
using Microsoft.DotNet.Interactive;

namespace AzureML.Core.Interactive;

/// <summary>
/// The kernel extension .NET Interactive loads when a notebook runs <c>#r "nuget: AzureML.Core.Interactive"</c>: from
/// then on runs, experiments, data frames, models, web services, compute and AutoML leaderboards show as HTML.
/// </summary>
public sealed class AzureMLKernelExtension : IKernelExtension
{
    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        AzureMLFormatters.Register();
        return Task.CompletedTask;
    }
}
