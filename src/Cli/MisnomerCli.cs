using System.CommandLine;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Cli;

/// <summary>The <c>misnomer</c> command line: parses arguments, runs a command, maps failures to exit codes.</summary>
internal static class MisnomerCli
{
    /// <summary>Exit code for a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad input (a coded diagnostic was printed) or a breached budget.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a command line that does not parse.</summary>
    public const int Usage = 2;

    /// <summary>Exit code for a defect in the tool itself.</summary>
    public const int InternalError = 3;

    /// <summary>The hidden argument of a child process that observes one fresh session (see <c>ObservationHost</c>).</summary>
    public const string ObserveCommand = "__observe-session";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Root(stdout, stderr);
        ArgumentRules.Apply(root, args);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0)
        {
            // One coded line per problem, naming the token; the tokens are the user's, escaped like any user text.
            // The parser's own errors about tokens it could not place come after those naming a misplaced option.
            foreach (var error in parsed.Errors.OrderBy(e => e.SymbolResult is System.CommandLine.Parsing.ArgumentResult or System.CommandLine.Parsing.OptionResult ? 0 : 1))
            {
                stderr.WriteLine(Diagnostic.Error(ErrorCodes.InvalidArgument, error.Message).ToString());
            }

            stderr.WriteLine(UserText.Escape($"Run '{CommandPath(parsed.CommandResult)} --help' for usage."));
            return Usage;
        }

        try
        {
            return parsed.Invoke(configuration);
        }
        catch (EfficiencyException e)
        {
            stderr.WriteLine(e.Diagnostic.ToString());
            return Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect, not bad input: say so plainly; the stack trace only on request.
            stderr.WriteLine(Diagnostic.Error(ErrorCodes.InternalError, $"internal error: {e.GetType().Name}: {e.Message}").ToString());
            if (Environment.GetEnvironmentVariable("MISNOMER_DEBUG") == "1")
            {
                stderr.WriteLine(e);
            }
            else
            {
                stderr.WriteLine("Set MISNOMER_DEBUG=1 for details, and please report this with the model that caused it.");
            }

            return InternalError;
        }
    }

    /// <summary>What the command line <paramref name="args"/> does wrong, one message per problem; empty when it parses.</summary>
    internal static IReadOnlyList<string> ParseErrors(string[] args)
    {
        var root = Root(TextWriter.Null, TextWriter.Null);
        ArgumentRules.Apply(root, args);
        return root.Parse(args).Errors.Select(e => e.Message).ToList();
    }

    private static RootCommand Root(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("misnomer: static and runtime cost indicators of ONNX models, and gates on them.");
        var output = new ConsoleOutput();
        root.Options.Add(output.Verbose);
        root.Options.Add(output.Quiet);
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));
        root.Subcommands.Add(AnalyzeCommand.Create(stdout, stderr, output));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr, output));
        root.Subcommands.Add(RunCommand.Create(stdout, stderr, output));
        root.Subcommands.Add(HardwareCommand.Create(stdout, stderr));
        root.Subcommands.Add(MergeCommand.Create(stdout));
        root.Subcommands.Add(ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(BaselineCommand.Create(stdout, stderr));
        return root;
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result) =>
        result.Parent is System.CommandLine.Parsing.CommandResult parent ? CommandPath(parent) + " " + result.Command.Name : "misnomer";
}
