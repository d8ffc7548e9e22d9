using System.CommandLine;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Cli;

/// <summary><c>misnomer analyze MODEL [--bind k=v]... [--value input=number]... [--format table|json|markdown] [--per-node] [--optimizer NAME] [--sparsity]</c>.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, ConsoleOutput output)
    {
        var model = new Argument<string>("model") { Description = "The ONNX model file." };
        var bind = new Option<string[]>("--bind", "-b")
        {
            Description = "Bind a symbolic dimension (batch=1) or an input's whole shape (input=1x3x224x224). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var value = new Option<string[]>("--value")
        {
            Description = "Declare the value an input holds (sr=16000): an If it decides is costed on the branch that runs. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "markdown");
        var perNode = new Option<bool>("--per-node") { Description = "Also list the costs of every node." };
        var optimizer = new Option<string>("--optimizer")
        {
            Description = "Optimizer assumed by training_memory.",
            DefaultValueFactory = _ => Optimizer.Adam.Name(),
        };
        optimizer.AcceptOnlyFromAmong(Enum.GetValues<Optimizer>().Select(o => o.Name()).ToArray());

        var sparsity = new Option<bool>("--sparsity")
        {
            Description = "Also compute sparsity, the fraction of zero weights: reads every weight, external data included.",
        };

        var command = new Command("analyze", "Compute the static cost indicators of an ONNX model.") { model, bind, value, format, perNode, optimizer, sparsity };
        command.SetAction(result =>
        {
            var path = result.GetValue(model)!;
            // A FIFO or device given as the model (/dev/stdin from a pipe) is refused before the loader opens it.
            InputFile.RefuseNonRegular(path, FileRole.Model);
            var bindings = ShapeBindings.Parse(result.GetValue(bind) ?? Array.Empty<string>()).WithValues(result.GetValue(value) ?? Array.Empty<string>());
            var chosen = Optimizers.TryParse(result.GetValue(optimizer)!, out var parsed) ? parsed : Optimizer.Adam;
            var report = StaticAnalyzer.Analyze(path, new AnalysisOptions
            {
                Bindings = bindings,
                Optimizer = chosen,
                ComputeSparsity = result.GetValue(sparsity),
            });
            var nodes = result.GetValue(perNode);
            ConsoleOutput.Print(report.Diagnostics, stderr, ConsoleOutput.Of(result, output));

            stdout.Write(result.GetValue(format) switch
            {
                "json" => StaticReportJson.Write(report, nodes) + Environment.NewLine,
                "markdown" => StaticReportText.Markdown(report, nodes),
                _ => StaticReportText.Table(report, nodes),
            });
            return MisnomerCli.Success;
        });
        return command;
    }
}
