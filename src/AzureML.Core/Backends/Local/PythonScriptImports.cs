using System.Text.RegularExpressions;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The modules a Python script imports unconditionally at module level (<c>import a.b</c>, <c>from c import d</c>
/// at the start of a line), read from its text without running it: what an interpreter must be able to import
/// for the script to start. Relative imports, modules of the source folder, <c>__future__</c> and <c>azureml</c>
/// (the SDK supplies it) are left out; imports inside blocks (<c>try:</c>, functions) are optional.
/// </summary>
internal static partial class PythonScriptImports
{
    /// <summary>The top-level module names, in the order the script first imports them.</summary>
    /// <param name="script">The script file.</param>
    /// <param name="sourceDirectory">The run's source folder; modules found there or beside the script are local.</param>
    public static IReadOnlyList<string> Read(string script, string sourceDirectory)
    {
        var modules = new List<string>();
        bool inString = false;
        string? statement = null;
        foreach (string raw in File.ReadLines(script))
        {
            // Docstrings and other triple-quoted text may hold lines that look like imports.
            bool toggles = (CountOf(raw, "\"\"\"") + CountOf(raw, "'''")) % 2 == 1;
            if (inString)
            {
                inString = !toggles;
                continue;
            }

            if (toggles) inString = true;
            statement = statement is null ? raw : statement + " " + raw.Trim();
            if (statement.EndsWith('\\'))
            {
                statement = statement[..^1];
                continue;
            }

            string line = statement;
            statement = null;
            Match from = FromImport().Match(line);
            if (from.Success)
            {
                modules.Add(from.Groups["module"].Value);
                continue;
            }

            Match import = PlainImport().Match(line);
            if (!import.Success) continue;
            foreach (string part in import.Groups["modules"].Value.Split(','))
            {
                string name = part.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                if (name.Length > 0) modules.Add(name.Split('.')[0]);
            }
        }

        string scriptFolder = Path.GetDirectoryName(Path.GetFullPath(script))!;
        return modules
            .Where(m => ModuleName().IsMatch(m) && m is not "__future__" and not "azureml")
            .Where(m => !IsLocal(m, scriptFolder) && !IsLocal(m, sourceDirectory))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsLocal(string module, string folder)
        => File.Exists(Path.Combine(folder, module + ".py")) || Directory.Exists(Path.Combine(folder, module));

    private static int CountOf(string text, string token)
    {
        int count = 0;
        for (int i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [GeneratedRegex(@"^from\s+(?<module>[A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z0-9_.]*)?\s+import\b")]
    private static partial Regex FromImport();

    [GeneratedRegex(@"^import\s+(?<modules>[^#;]+)")]
    private static partial Regex PlainImport();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ModuleName();
}
