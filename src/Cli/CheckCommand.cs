using System.CommandLine;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Reports;

namespace EfficiencyMisnomer.Cli;

/// <summary><c>misnomer check SPEC... [--gate error|warn|off]</c>: the build's static gate, from a terminal.</summary>
internal static class CheckCommand
{
    private static readonly Dictionary<string, GateMode> Modes = new(StringComparer.Ordinal)
    {
        ["error"] = GateMode.Error,
        ["warn"] = GateMode.Warn,
        ["off"] = GateMode.Off,
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var specs = new Argument<string[]>("spec") { Description = "Efficiency spec files (YAML).", Arity = ArgumentArity.OneOrMore };
        var gate = new Option<string>("--gate")
        {
            Description = "error: breaches fail (exit 1); warn: breaches only warn; off: report without evaluating budgets.",
            DefaultValueFactory = _ => "error",
        };
        gate.AcceptOnlyFromAmong(Modes.Keys.ToArray());

        var command = new Command("check", "Check the static budgets of efficiency specs, as the build does.") { specs, gate };
        command.SetAction(result =>
        {
            var outcome = StaticGate.Check(result.GetValue(specs)!, new GateOptions { Mode = Modes[result.GetValue(gate)!] });
            foreach (var diagnostic in outcome.Diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            stdout.Write(GateResultText.Table(outcome));
            return outcome.Passed ? MisnomerCli.Success : MisnomerCli.Failure;
        });
        return command;
    }
}
