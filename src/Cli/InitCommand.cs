using System.CommandLine;
using System.Globalization;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Scaffolding;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Cli;

/// <summary>
/// <c>misnomer init MODEL... [--output FILE] [--bind k=v]... [--headroom PERCENT] [--no-measure] [--time-cap SECONDS] [--force]</c>:
/// a first spec for one's own models, which <c>misnomer check</c> passes at once.
/// </summary>
internal static class InitCommand
{
    private const string Exists = "'{0}' exists; choose another --output, or --force to replace it";
    private const string BadHeadroom = "--headroom must be a percentage from 0% to 1000%, e.g. 10% (got '{0}')";
    private const string BadTimeCap = "--time-cap must be a positive number of seconds (got {0})";

    /// <summary>The latency budget allows twice the slowest median measured here: other runners, other load.</summary>
    private const double LatencyHeadroom = 1.0;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var models = new Argument<string[]>("model") { Description = "ONNX model files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The spec to write.", DefaultValueFactory = _ => Path.Combine("specs", "efficiency.yaml") };
        var bind = new Option<string[]>("--bind", "-b")
        {
            Description = "Bind a symbolic dimension (sequence=128) for every model. Repeatable. Leading (batch) dimensions default to 1.",
            AllowMultipleArgumentsPerToken = false,
        };
        var headroom = new Option<string>("--headroom") { Description = "How much growth each static budget allows over today's value.", DefaultValueFactory = _ => "10%" };
        var noMeasure = new Option<bool>("--no-measure") { Description = "Do not measure latency on this CPU; the profile then has no budget." };
        var timeCap = new Option<double>("--time-cap") { Description = "Seconds to measure each model's latency.", DefaultValueFactory = _ => 3 };
        var force = new Option<bool>("--force") { Description = "Replace the output if it exists." };

        var command = new Command("init", "Write a first spec for ONNX models: every static indicator budgeted with headroom, a CPU latency budget, a regression block.")
        {
            models, output, bind, headroom, noMeasure, timeCap, force,
        };
        command.SetAction(result =>
        {
            var target = Path.GetFullPath(result.GetValue(output)!);
            if (File.Exists(target) && !result.GetValue(force))
            {
                throw new EfficiencyException(ErrorCodes.OutputNotReplaceable, UserText.Format(Exists, UserText.Quote(result.GetValue(output))), new SourceLocation(target));
            }

            if (result.GetValue(timeCap) is <= 0 or > 86400)
            {
                throw new EfficiencyException(ErrorCodes.InvalidArgument, UserText.Format(BadTimeCap, result.GetValue(timeCap).ToString(CultureInfo.InvariantCulture)));
            }

            var growth = Headroom(result.GetValue(headroom)!);
            var given = ShapeBindings.Parse(result.GetValue(bind) ?? Array.Empty<string>());
            var cap = result.GetValue(timeCap);
            var measure = !result.GetValue(noMeasure);
            var folder = Path.GetDirectoryName(target)!;
            var scaffolded = new List<ScaffoldModel>();
            var loaded = result.GetValue(models)!.Select(path =>
            {
                InputFile.RefuseNonRegular(path, FileRole.Model);
                return OnnxModel.Load(path);
            }).ToList();
            ScaffoldPlan.RefuseUnused(loaded, given);

            foreach (var model in loaded)
            {
                var plan = ScaffoldPlan.For(model, given);
                var report = StaticAnalyzer.Analyze(model, new AnalysisOptions { Bindings = plan.Bindings, Generation = plan.Generation });
                var latency = measure ? MedianLatency(model, plan.Bindings, plan.Generation, cap, stderr) : null;
                scaffolded.Add(new ScaffoldModel(UniqueName(model.Path, scaffolded), Relative(folder, model.Path), plan.Written, report, latency)
                {
                    Generation = plan.Generation,
                });
            }

            var name = Path.GetFileNameWithoutExtension(target);
            OutputFile.WriteAllText(target, FileRole.Spec, SpecScaffold.Yaml(name, scaffolded, growth, LatencyHeadroom), createFolder: true);
            var check = StaticGate.Check(new[] { target });
            foreach (var error in check.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                // The spec as written does not pass (a model outside the spec's repository, say): say why.
                stderr.WriteLine(error.ToString());
            }

            stdout.WriteLine(UserText.Escape($"wrote {result.GetValue(output)}: {scaffolded.Count} model(s), {check.Models.Sum(m => m.Verdicts.Count)} static budget(s), each today's value + {Percent(growth)}."));
            if (!check.Passed)
            {
                stdout.WriteLine(UserText.Escape($"it does not pass as written: fix what the error(s) above say, then: misnomer check {result.GetValue(output)}"));
                return MisnomerCli.Failure;
            }

            stdout.WriteLine(UserText.Escape($"next: misnomer check {result.GetValue(output)}    (passes now; fails when a model outgrows a budget)"));
            if (measure)
            {
                stdout.WriteLine(UserText.Escape($"      misnomer run {result.GetValue(output)} --provider cpu    (the static budgets and the CPU latency budget)"));
            }

            return MisnomerCli.Success;
        });
        return command;
    }

    /// <summary>
    /// The median latency on this CPU at one intra-op thread (ms), from a short measurement (a decoder's: its prefill);
    /// null, with a warning, when it cannot run.
    /// </summary>
    private static double? MedianLatency(OnnxModel model, ShapeBindings bindings, Generation? generation, double seconds, TextWriter stderr)
    {
        try
        {
            var options = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(seconds) };
            var prefill = generation?.Step(model, bindings, generation.Prompt, 0) ?? bindings;
            var measured = new MeasurementCase(Path.GetFileNameWithoutExtension(model.Path), model, prefill, new ProviderSelection("cpu", "init"), new SessionSettings(1, 1))
            {
                FreshSessions = 0,
            };
            return new RuntimeMeasurer(options).Measure(measured)["latency.p50"].Value;
        }
        catch (EfficiencyException e)
        {
            stderr.WriteLine(Diagnostic.Warning(e.Code, $"'{UserText.Quote(model.Path)}' was not measured, so the profile has no latency budget for it: {e.Message}").ToString());
            return null;
        }
    }

    private static double Headroom(string text)
    {
        if (QuantityParser.TryParse(text, Dimension.Percent, out var share, out _) && share is >= 0 and <= 10)
        {
            return share;
        }

        throw new EfficiencyException(ErrorCodes.InvalidArgument, UserText.Format(BadHeadroom, UserText.Quote(text)));
    }

    private static string UniqueName(string path, List<ScaffoldModel> taken)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var name = stem;
        for (var i = 2; taken.Any(m => m.Name == name); i++)
        {
            name = $"{stem}-{i}";
        }

        return name;
    }

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, Path.GetFullPath(path)).Replace('\\', '/');

    private static string Percent(double share) => Regression.RegressionText.Percent(share);

}
