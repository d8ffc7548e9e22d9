using System.CommandLine;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Cli;

/// <summary><c>misnomer check SPEC... [--gate error|warn|off] [--results FILE] [--against REF]</c>: the build's static gate, from a terminal.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, ConsoleOutput output)
    {
        var specs = new Argument<string[]>("spec") { Description = "Efficiency spec files (YAML).", Arity = ArgumentArity.OneOrMore };
        var gate = new Option<string>("--gate")
        {
            Description = "error: breaches fail (exit 1); warn: breaches only warn; off: report without evaluating budgets.",
            DefaultValueFactory = _ => "error",
        };
        gate.AcceptOnlyFromAmong(GateModes.Names.ToArray());

        var results = new Option<string?>("--results") { Description = "Also write every indicator and verdict to this results file (JSON), for reports, baselines and merges." };
        var against = AgainstOption.Create();

        var command = new Command("check", "Check the static budgets of efficiency specs, as the build does.") { specs, gate, results, against };
        command.SetAction(result =>
        {
            using var revisions = new Revisions.BaseRevisions { Override = result.GetValue(against) };
            var outcome = StaticGate.Check(result.GetValue(specs)!, new GateOptions { Mode = Mode(result.GetValue(gate)), Revisions = revisions });
            ConsoleOutput.Print(outcome.Diagnostics, stderr, ConsoleOutput.Of(result, output));

            stdout.Write(GateResultText.Table(outcome));
            if (result.GetValue(results) is { } resultsPath)
            {
                ResultsJson.WriteFile(resultsPath, ResultsBuilder.FromStatic(outcome, DateTimeOffset.UtcNow));
            }

            return outcome.Passed ? MisnomerCli.Success : MisnomerCli.Failure;
        });
        return command;
    }

    /// <summary>The mode the <c>--gate</c> option names (only accepted names reach here).</summary>
    private static GateMode Mode(string? name) => GateModes.TryParse(name, out var mode) ? mode : GateMode.Error;
}
