using System.CommandLine;
using System.CommandLine.Parsing;

namespace AzureML.Cli.Infrastructure;

/// <summary>az-style rules and messages for options: required options, allowed values, mutually exclusive groups.</summary>
internal static class OptionRules
{
    /// <summary>How az names an option in messages: <c>--name/-n</c>.</summary>
    public static string Display(this Option option) => string.Join("/", new[] { option.Name }.Concat(option.Aliases.OrderByDescending(a => a.Length)));

    /// <summary>Adds the options to <paramref name="command"/>, each required: missing ones are named together, as az does.</summary>
    public static Command Required(this Command command, params Option[] options)
    {
        foreach (Option option in options)
        {
            option.Description = "Required. " + option.Description;
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            Option[] missing = options.Where(o => result.GetResult(o) is null).ToArray();
            if (missing.Length > 0) result.AddError($"the following arguments are required: {string.Join(", ", missing.Select(Display))}");
        });
        return command;
    }

    /// <summary>Adds optional options to <paramref name="command"/>.</summary>
    public static Command With(this Command command, params Option[] options)
    {
        foreach (Option option in options) command.Options.Add(option);
        return command;
    }

    /// <summary>Exactly one of <paramref name="options"/> must be given.</summary>
    public static Command ExactlyOneOf(this Command command, params Option[] options)
    {
        command.Validators.Add(result =>
        {
            Option[] given = options.Where(o => result.GetResult(o) is { Implicit: false }).ToArray();
            string names = string.Join(", ", options.Select(Display));
            if (given.Length == 0) result.AddError($"one of the arguments {names} is required");
            else if (given.Length > 1) result.AddError($"argument {given[1].Display()}: not allowed with argument {given[0].Display()}");
        });
        return command;
    }

    /// <summary>
    /// Restricts the option to <paramref name="allowed"/> (case-insensitive, as az does), lists them in help and in
    /// shell completions, and names them in the error.
    /// </summary>
    public static Option<string> Choices(this Option<string> option, params string[] allowed)
    {
        option.Description = $"{option.Description} Allowed values: {string.Join(", ", allowed)}.";
        option.CompletionSources.Add(allowed);
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"argument {option.Display()}: invalid choice: '{value}' (choose from {string.Join(", ", allowed.Select(a => $"'{a}'"))})");
            }
        });
        return option;
    }

    /// <summary>The value must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"argument {option.Display()}: must be {minimum} or more, got {result.GetValueOrDefault<int>()}");
            }
        });
        return option;
    }

    /// <summary>Parses <c>key=value</c> pairs (<c>--tag k=v</c>, repeatable) into a dictionary.</summary>
    public static Option<Dictionary<string, string>> KeyValuePairs(string name, string description) => new(name)
    {
        Description = $"{description} Repeat for several: {name} a=1 {name} b=2.",
        HelpName = "key=value",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = result =>
        {
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Token token in result.Tokens)
            {
                int equals = token.Value.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    result.AddError($"argument {name}: '{token.Value}' is not of the form key=value");
                    return pairs;
                }

                pairs[token.Value[..equals]] = token.Value[(equals + 1)..];
            }

            return pairs;
        },
    };
}
