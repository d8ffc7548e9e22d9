using System.CommandLine;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Cli;

/// <summary><c>misnomer merge RESULTS... --output FILE</c>: one results document from the runs of several machines.</summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var inputs = new Argument<string[]>("results") { Description = "Results documents (JSON) written by run, check or the test adapter.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The merged document to write.", Required = true };

        var command = new Command("merge", "Merge results documents of several machines into one: machines, specs and models united, every measurement kept.") { inputs, output };
        command.SetAction(result =>
        {
            var paths = result.GetValue(inputs)!;
            var merged = ResultsMerger.Merge(paths.Select(ResultsJson.Read).ToList(), paths);
            var target = result.GetValue(output)!;
            ResultsJson.WriteFile(target, merged);
            var models = merged.Specs.Sum(s => s.Models.Count);
            stdout.WriteLine($"{UserText.Quote(target, 1000)}: {merged.Machines.Count} machine(s), {merged.Specs.Count} spec(s), {models} model(s) from {paths.Length} document(s)");
            return MisnomerCli.Success;
        });
        return command;
    }
}
