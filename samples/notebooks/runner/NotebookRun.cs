using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace AzureML.NotebookRunner;

/// <summary>
/// The outputs of a notebook's cells as a front end shows them: printed text, displays (in their last updated state),
/// return values and errors. Any error or error-stream output fails the run.
/// </summary>
internal sealed class NotebookRun
{
    private readonly List<string> _errors = [];

    public bool Failed => _errors.Count > 0;

    public IReadOnlyList<string> Errors => _errors;

    public List<InteractiveDocumentOutputElement> Record(int cell, KernelCommandResult result)
    {
        var outputs = new List<InteractiveDocumentOutputElement>();
        var displays = new Dictionary<string, DisplayElement>(StringComparer.Ordinal);
        foreach (KernelEvent e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    outputs.Add(new TextElement(Text(stdout), "stdout"));
                    break;
                case StandardErrorValueProduced stderr:
                    outputs.Add(new TextElement(Text(stderr), "stderr"));
                    _errors.Add($"cell {cell} wrote to the error stream: {Text(stderr)}");
                    break;
                case ReturnValueProduced value:
                    var returned = new ReturnValueElement { ExecutionOrder = Math.Max(cell, 0) };
                    foreach (FormattedValue formatted in value.FormattedValues) returned.Data[formatted.MimeType] = formatted.Value;
                    outputs.Add(returned);
                    break;
                case DisplayedValueUpdated update when update.ValueId is { } id && displays.TryGetValue(id, out DisplayElement? shown):
                    shown.Data.Clear();
                    foreach (FormattedValue formatted in update.FormattedValues) shown.Data[formatted.MimeType] = formatted.Value;
                    break;
                case ErrorProduced error:
                    outputs.Add(new ErrorElement("Error", error.Message, []));
                    _errors.Add($"cell {cell} produced an error: {error.Message}");
                    break;
                case DisplayEvent display and not DisplayedValueUpdated:
                    var element = new DisplayElement(display.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value));
                    if (display.ValueId is { } valueId) displays[valueId] = element;
                    outputs.Add(element);
                    break;
                case CommandFailed failed:
                    outputs.Add(new ErrorElement(failed.Exception?.GetType().Name ?? "Error", failed.Message, failed.Exception?.StackTrace?.Split('\n') ?? []));
                    _errors.Add($"cell {cell} failed: {failed.Message}");
                    break;
            }
        }

        return outputs;
    }

    private static string Text(DisplayEvent e) => e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? "";
}
