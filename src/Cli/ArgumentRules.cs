using System.CommandLine;
using System.Globalization;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Cli;

/// <summary>
/// Rules every command's arguments follow, added to the parser so that a breach is a parse error like any other
/// (<see cref="ErrorCodes.InvalidArgument"/>, naming the token): a number must be finite (<c>NaN</c> and infinities
/// parse as doubles, and no option means them), and a token that looks like an option is never silently taken as a
/// file name or an option's value (<c>misnomer analyze --bogus model.onnx</c> names <c>--bogus</c>, not the model).
/// A file whose name starts with '-' can still be given after <c>--</c>.
/// </summary>
internal static class ArgumentRules
{
    private const string NotFinite = "{0} must be a finite number, not '{1}'";
    private const string UnknownOption = "unknown option '{0}' for '{1}'; run '{1} --help' for its options (a file whose name starts with '-' goes after '--')";
    private const string OptionAsValue = "{0} needs a value, but is followed by '{1}', which looks like an option";

    public static void Apply(Command command, IReadOnlyList<string> args, string path = "misnomer")
    {
        ArgumentNullException.ThrowIfNull(command);
        var afterSeparator = AfterSeparator(args);
        foreach (var argument in command.Arguments)
        {
            argument.Validators.Add(result =>
            {
                foreach (var token in result.Tokens.Where(t => LooksLikeOption(t.Value) && !afterSeparator.Contains(t.Value)))
                {
                    result.AddError(Text(UnknownOption, token.Value, path));
                }
            });
        }

        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<double> number:
                    number.Validators.Add(result =>
                    {
                        if (result.Tokens.Count > 0 && double.TryParse(result.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                            && !double.IsFinite(value))
                        {
                            result.AddError(Text(NotFinite, number.Name, result.Tokens[^1].Value));
                        }
                    });
                    break;
                case Option<string> or Option<string?> or Option<string[]>:
                    option.Validators.Add(result =>
                    {
                        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal) && !afterSeparator.Contains(t.Value)))
                        {
                            result.AddError(Text(OptionAsValue, option.Name, token.Value));
                        }
                    });
                    break;
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            Apply(subcommand, args, path + " " + subcommand.Name);
        }
    }

    /// <summary>'-x', '--x', not '-', '--' or a negative number.</summary>
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && token != "--" && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static HashSet<string> AfterSeparator(IReadOnlyList<string> args)
    {
        var separator = args.ToList().IndexOf("--");
        return separator < 0 ? new HashSet<string>(StringComparer.Ordinal) : args.Skip(separator + 1).ToHashSet(StringComparer.Ordinal);
    }

    private static string Text(string template, params object[] args) =>
        UserText.Format(template, args.Select(a => a is string s ? UserText.Quote(s) : a).ToArray());
}
